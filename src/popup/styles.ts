// The popup's own layout on top of the shared theme: a narrow column that never scrolls sideways.
export const popupCss = `
body { width: 22.5rem; max-width: 100vw; }
main { padding: 0.75rem; }
header { display: flex; align-items: center; gap: 0.5rem; }
h1 { font-size: 1rem; overflow-wrap: anywhere; }
h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin-top: 0.75rem; }
.summary { color: var(--muted); margin: 0.25rem 0; }
.here-talk { margin: 0.25rem 0; overflow-wrap: anywhere; }
.notes { list-style: none; margin: 0; padding: 0; max-height: 12rem; overflow-y: auto; }
.note { padding: 0.2rem 0; border-top: 1px solid var(--line); overflow-wrap: anywhere; }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.75rem; }
.new-post-form { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; width: 100%; }
.recent ul { list-style: none; margin: 0; padding: 0; }
.recent li { padding: 0.15rem 0; }
.exported { width: 100%; font: 0.75rem ui-monospace, monospace; margin-top: 0.5rem; }
.auto-capture { margin: 0.5rem 0 0; }
.small { font-size: 0.8rem; margin: 0.25rem 0; }
.player p { margin: 0.25rem 0; overflow-wrap: anywhere; }
`;
