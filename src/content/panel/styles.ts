// Lives inside our shadow root: the page's styles don't reach it and ours don't leak out.
// Three placements (see placement.ts): docked in the page's flow, a fixed overlay, and a
// compact overlay inside the fullscreen player; and, where the overlay would cover the middle
// of a small frame's video, a thin bar along its edge (Compact.tsx) that ends before
// --tm-room, the distance from that edge to the video's middle third.
export const panelCss = `
:host { all: initial; display: block; }
:host([data-mode="docked"]) { margin: 0 0 12px; }
.panel, .tab, .floating {
  --bg: #ffffff; --fg: #0f0f0f; --muted: #606060; --line: #e5e5e5; --accent: #1f5fd6; --err: #b3261e;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg); background: var(--bg);
}
@media (prefers-color-scheme: dark) {
  .panel, .tab, .floating { --bg: #212121; --fg: #f1f1f1; --muted: #aaaaaa; --line: #3f3f3f; --accent: #8ab4f8; --err: #f2b8b5; }
}
:host([data-theme="dark"]) .panel, :host([data-theme="dark"]) .tab, :host([data-theme="dark"]) .floating {
  --bg: #212121; --fg: #f1f1f1; --muted: #aaaaaa; --line: #3f3f3f; --accent: #8ab4f8; --err: #f2b8b5;
}
:host(:not([data-theme="dark"])) .mode-docked, :host(:not([data-theme="dark"])) .mode-overlay,
:host(:not([data-theme="dark"])) .compact, :host(:not([data-theme="dark"])) .floating { color-scheme: light; }
.panel {
  display: flex; flex-direction: column; border: 1px solid var(--line); border-radius: 12px; overflow: hidden;
  box-sizing: border-box;
}
.mode-overlay {
  position: fixed; top: 72px; right: 12px; width: 320px; max-height: calc(100vh - 96px);
  box-shadow: 0 4px 16px rgb(0 0 0 / 0.18); z-index: 2147483000;
}
.mode-docked { position: relative; width: 100%; max-height: 60vh; }
.mode-fullscreen {
  position: fixed; top: 12px; right: 12px; width: 280px; max-height: 45vh; z-index: 2147483000;
  opacity: 0.94; font-size: 12px;
}
.tab {
  position: fixed; top: 72px; right: 0; border: 1px solid var(--line); border-right: 0;
  border-radius: 8px 0 0 8px; padding: 6px 8px; cursor: pointer; z-index: 2147483000; font-weight: 700;
}
:host([data-mode="docked"]) .tab { position: static; border-right: 1px solid var(--line); border-radius: 8px; }
:host([data-mode="fullscreen"]) .tab { top: 12px; opacity: 0.8; }
header { display: flex; align-items: center; gap: 8px; padding: 8px 12px; border-bottom: 1px solid var(--line); }
.brand { color: var(--accent); }
.post { flex: 1; min-width: 0; }
select, input { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line);
  border-radius: 6px; padding: 2px 4px; }
.new-post { flex: 1; display: flex; gap: 4px; min-width: 0; }
.new-post input { flex: 1; min-width: 0; }
.talk-title { padding: 8px 12px 0; font-weight: 600; overflow-wrap: anywhere; }
.speakers { display: flex; gap: 6px; align-items: center; padding: 4px 12px 0; color: var(--muted); }
.speakers input { flex: 1; min-width: 0; }
.speakers-ask input { border-color: var(--accent); }
.toolbar { display: flex; flex-wrap: wrap; gap: 6px; padding: 8px 12px; }
.toolbar button[aria-pressed="true"] { background: color-mix(in srgb, var(--accent) 18%, transparent);
  border-color: var(--accent); }
button { font: inherit; color: inherit; background: transparent; border: 1px solid var(--line); border-radius: 6px;
  padding: 3px 8px; cursor: pointer; }
button:hover { border-color: var(--accent); }
button:focus-visible, textarea:focus-visible, input:focus-visible, select:focus-visible {
  outline: 2px solid var(--accent); outline-offset: 1px; }
kbd { font: 11px ui-monospace, monospace; color: var(--muted); }
.composer { padding: 0 12px 8px; }
.note-draft { display: block; }
.note-draft .composer { padding: 0; }
.draft-talk { margin: 0 0 4px; color: var(--muted); }
.chars-left { margin: 2px 0 0; color: var(--muted); font-size: 12px; }
textarea { box-sizing: border-box; width: 100%; min-height: 64px; resize: vertical; font: inherit; color: var(--fg);
  background: var(--bg); border: 1px solid var(--accent); border-radius: 6px; padding: 6px; grid-column: 2 / 4; }
.notice { display: flex; gap: 8px; align-items: center; margin: 0 12px 8px; padding: 6px 8px; border-radius: 6px;
  background: color-mix(in srgb, var(--accent) 12%, transparent); }
.notice span { flex: 1; }
.notice-error { background: color-mix(in srgb, var(--err) 15%, transparent); color: var(--err); }
.notes { list-style: none; margin: 0; padding: 0 12px 12px; overflow-y: auto; }
.note { display: grid; grid-template-columns: auto 1fr auto; gap: 2px 8px; padding: 6px 0; border-top: 1px solid var(--line); }
.note .time { grid-row: span 2; align-self: start; color: var(--accent); font-variant-numeric: tabular-nums; }
.note .kind { font-size: 11px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.row-actions { grid-column: 3; grid-row: 1; display: flex; gap: 2px; }
.row-actions button { border: 0; color: var(--muted); padding: 0 4px; }
.note .text-box { grid-column: 2 / 4; min-width: 0; }
.note .thumb { grid-column: 2 / 4; width: 100%; border-radius: 4px; }
.note .thumb-box { grid-column: 2 / 4; display: block; }
.thumb-box canvas.thumb { display: block; height: auto; }
.auto-label { margin-left: 6px; padding: 0 4px; border: 1px solid var(--line); border-radius: 4px;
  text-transform: none; letter-spacing: 0; }
.pending-label { margin-left: 6px; text-transform: none; letter-spacing: 0; font-style: italic; }
.pending-slide .thumb { opacity: 0.7; }
.pending-failed .thumb { outline: 2px solid var(--err); outline-offset: -2px; }
.pending-failed .pending-label, .save-error { color: var(--err); }
.thumb-missing { color: var(--muted); font-size: 11px; }
.note .speaker { grid-column: 2 / 4; color: var(--muted); }
.note-quote .text { font-style: italic; border-left: 3px solid var(--accent); padding-left: 6px; }
.mode-fullscreen .notes { max-height: 25vh; }
.empty { color: var(--muted); padding: 0 12px 12px; margin: 0; }

/* The compact bar of a small frame: along its edge, never past --tm-room. */
.panel.compact {
  position: fixed; left: 4px; right: 4px; top: 4px; max-height: calc(var(--tm-room) - 4px); overflow-y: auto;
  overscroll-behavior: contain; border-radius: 8px; font-size: 12px; z-index: 2147483000;
  box-shadow: 0 2px 8px rgb(0 0 0 / 0.3);
}
.panel.compact.edge-bottom { top: auto; bottom: 4px; }
.compact .bar { display: flex; flex: none; align-items: center; gap: 4px; padding: 3px 4px; min-width: 0;
  overflow-x: auto; scrollbar-width: none; position: sticky; top: 0; z-index: 1; background: var(--bg); }
.compact .toolbar { display: flex; flex: none; flex-wrap: nowrap; gap: 4px; padding: 0; }
.compact button { padding: 1px 6px; white-space: nowrap; }
.compact .brand { flex: none; padding: 0 2px; }
.compact .talk-title { flex: 1; min-width: 0; padding: 0; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
.size-tiny .talk-title, .size-tiny kbd { display: none; }
.compact .composer { padding: 0 4px 4px; }
.compact .draft-talk { margin: 0 2px 2px; }
textarea.one-line { display: block; min-height: 0; height: 28px; resize: none; padding: 4px 6px; overflow-y: auto; }
.compact .notice { margin: 0 4px 4px; padding: 2px 6px; }
.compact .drawer { border-top: 1px solid var(--line); padding-top: 4px; }
.compact .drawer-post { display: flex; gap: 6px; padding: 4px 8px; border-top: 1px solid var(--line); }
.compact .speakers { padding: 0 8px 4px; }
.compact .notes { padding: 0 8px 6px; overflow: visible; }
.compact .note .thumb { width: 160px; max-width: 100%; }
.compact .empty { padding: 0 8px 6px; }
.flash { display: flex; align-items: center; gap: 6px; margin: 0 4px 4px; padding: 2px 6px; border-radius: 6px;
  background: color-mix(in srgb, var(--accent) 12%, var(--bg)); }
.flash:empty { display: none; }
.flash img, .flash canvas { height: 28px; width: auto; border-radius: 3px; }
.flash span { flex: 1; min-width: 0; }
.compact-tab { top: clamp(4px, calc(var(--tm-room) - 34px), 72px); }
.compact-tab.edge-bottom { top: auto; bottom: clamp(4px, calc(var(--tm-room) - 34px), 72px); }
/* Folded: what a capture did, or a message, beside the tab and within the same strip. */
.floating { position: fixed; top: 4px; right: 44px; max-width: calc(100vw - 52px); max-height: calc(var(--tm-room) - 4px);
  overflow-y: auto; z-index: 2147483000; font: 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg); }
.floating.edge-bottom { top: auto; bottom: 4px; }
.floating .flash, .floating .notice { margin: 0 0 4px; border: 1px solid var(--line); background: var(--bg);
  box-shadow: 0 2px 8px rgb(0 0 0 / 0.3); }
.floating .notice-error { background: var(--bg); }
`;
