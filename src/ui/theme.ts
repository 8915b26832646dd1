// Shared look for the popup and the library: colours as custom properties with a dark set
// for prefers-color-scheme, sizes in rem so 200% zoom scales everything, and one visible
// focus style. Contrast of every text colour on its background is at least 4.5:1.
export const themeCss = `
:root { --bg: #fff; --bg2: #f4f5f7; --fg: #16181b; --muted: #555b62; --line: #d5d8dc; --accent: #1a56c4;
  --accent-fg: #fff; --err: #b3261e; --ok: #1e6b34; color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root { --bg: #1c1d20; --bg2: #26282c; --fg: #e8eaed; --muted: #a9afb6;
  --line: #43474d; --accent: #8ab4f8; --accent-fg: #102040; --err: #f2b8b5; --ok: #9ad7a8; } }
* { box-sizing: border-box; }
body { margin: 0; font: 0.875rem/1.45 system-ui, sans-serif; background: var(--bg); color: var(--fg); }
a { color: var(--accent); }
h1, h2, h3 { line-height: 1.25; margin: 0.4em 0; }
button, select, input, textarea { font: inherit; color: inherit; }
button { padding: 0.25rem 0.65rem; border-radius: 0.4rem; border: 1px solid var(--line); background: var(--bg2);
  cursor: pointer; }
button:disabled { opacity: 0.6; cursor: default; }
button.primary { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
button.danger { color: var(--err); }
button.link { border: none; background: none; color: var(--accent); padding: 0; text-decoration: underline; }
input, select, textarea { background: var(--bg); border: 1px solid var(--line); border-radius: 0.3rem;
  padding: 0.25rem 0.4rem; max-width: 100%; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.muted { color: var(--muted); }
.error { color: var(--err); }
.ok { color: var(--ok); }
.time { color: var(--accent); font-variant-numeric: tabular-nums; }
.toast { position: fixed; left: 50%; bottom: 1rem; transform: translateX(-50%); display: flex; gap: 0.75rem;
  align-items: center; background: var(--fg); color: var(--bg); padding: 0.5rem 0.9rem; border-radius: 0.5rem;
  max-width: calc(100vw - 2rem); z-index: 10; }
.toast button { background: transparent; color: inherit; border-color: currentColor; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** Adds the shared styles and a page's own to the document head. */
export function applyTheme(doc: Document, pageCss = ''): void {
  const style = doc.createElement('style');
  style.textContent = themeCss + pageCss;
  doc.head.append(style);
}
