// The library's layout on top of the shared theme. Everything wraps rather than overflowing,
// so a 640 px wide window (1280 px at 200% zoom) never scrolls sideways.
export const libraryCss = `
.top { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: center; padding: 0.6rem 1.5rem;
  border-bottom: 1px solid var(--line); background: var(--bg2); }
.brand { display: flex; gap: 0.4rem; align-items: center; font-weight: 700; color: inherit; text-decoration: none; }
.top nav { display: flex; gap: 1rem; flex-wrap: wrap; }
.top nav a[aria-current="page"] { font-weight: 700; text-decoration: none; }
.top-search { margin-left: auto; }
main { max-width: 64rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
.toolbar h1 { margin-right: auto; overflow-wrap: anywhere; }
.post-list { list-style: none; padding: 0; }
.post-row { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: baseline; padding: 0.5rem 0;
  border-top: 1px solid var(--line); }
.skeleton-row { height: 1.4rem; margin: 0.55rem 0; border-radius: 0.3rem; background: var(--bg2); }
.post-title { font-weight: 600; overflow-wrap: anywhere; }
.row-actions { margin-left: auto; display: flex; gap: 0.4rem; flex-wrap: wrap; }
.badge { font-size: 0.75rem; border: 1px solid var(--accent); color: var(--accent); border-radius: 1rem; padding: 0 0.5rem; }
.post-meta { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.5rem 1rem; margin: 1rem 0; }
.field { display: flex; flex-direction: column; gap: 0.15rem; min-width: 0; }
.field > span { font-size: 0.8rem; color: var(--muted); }
.field.wide { grid-column: 1 / -1; }
.check { display: block; margin: 0.3rem 0; }
.cover { display: flex; flex-direction: row; flex-wrap: wrap; gap: 1rem; align-items: center; }
.thumb { max-width: 12rem; height: auto; border-radius: 0.25rem; border: 1px solid var(--line); display: block; }
.thumb-button { padding: 0; border: none; background: none; }
.section { border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
.section-head { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.section-title input { font-weight: 700; font-size: 1rem; }
.talk-list, .note-list { list-style: none; padding: 0; margin: 0; }
.talk-card { border-top: 1px solid var(--line); padding: 0.5rem 0; }
.talk-card.drop-over { outline: 2px dashed var(--accent); }
.talk-head { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; cursor: grab; }
.talk-name { font-size: 1rem; margin: 0 auto 0 0; overflow-wrap: anywhere; min-width: 0; }
.handle { cursor: grab; }
.talk-fields { border: none; padding: 0; margin: 0.4rem 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.4rem 1rem; }
.note { padding: 0.4rem 0 0.4rem 0.75rem; border-left: 3px solid var(--line); margin: 0.3rem 0; }
.note-quote { border-left-color: var(--accent); }
.note.highlighted { background: var(--bg2); border-left-color: var(--accent); }
.note-head { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.note-text textarea { width: 100%; font: 0.85rem/1.4 ui-monospace, monospace; margin-top: 0.25rem; }
.chars-left { display: block; color: var(--muted); font-size: 0.8rem; }
.field-problem { color: var(--err); font-size: 0.85rem; overflow-wrap: anywhere; }
.slide-text-notice { color: var(--muted); font-size: 0.9rem; margin: 0 0 0.75rem; }
.note-rendered { display: flex; gap: 0.5rem; align-items: flex-start; margin-top: 0.25rem; }
.note-view { flex: 1; min-width: 0; cursor: text; }
.edit-note { flex: none; }
.attribution { display: flex; gap: 0.4rem; align-items: center; margin-top: 0.25rem; font-size: 0.9rem; }
.attribution input { flex: 1; min-width: 0; }
.lightbox-backdrop { position: fixed; inset: 0; background: rgb(0 0 0 / 0.8); display: flex; align-items: center;
  justify-content: center; z-index: 20; }
.lightbox { background: var(--bg); padding: 1rem; border-radius: 0.5rem; max-width: 95vw; max-height: 95vh; overflow: auto; }
.lightbox .thumb { max-width: min(90vw, 80rem); max-height: 75vh; }
.lightbox-nav { display: flex; gap: 0.5rem; flex-wrap: wrap; }
.export-dialog { width: min(70rem, 95vw); max-height: 90vh; border: 1px solid var(--line); border-radius: 0.5rem;
  background: var(--bg); color: var(--fg); }
.export-dialog::backdrop { background: rgb(0 0 0 / 0.5); }
.export-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
.export-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.75rem; }
.preview { width: 100%; min-height: 24rem; border: 1px solid var(--line); border-radius: 0.25rem; background: #fff; }
.conflict { border: 1px solid var(--err); padding: 0.5rem; border-radius: 0.3rem; margin-top: 0.5rem; overflow-wrap: anywhere; }
.term-problems { color: var(--err); margin: 0; padding-left: 1.2rem; font-size: 0.85rem; overflow-wrap: anywhere; }
.search-results ul { list-style: none; padding: 0; }
.note-hit { padding: 0.3rem 0; border-top: 1px solid var(--line); overflow-wrap: anywhere; }
.show-more { margin: 0.5rem 0; }
.keys { border-collapse: collapse; }
.keys td, .keys th { border: 1px solid var(--line); padding: 0.2rem 0.6rem; text-align: left; }
.restore-mode { border: 1px solid var(--line); border-radius: 0.3rem; margin: 0.5rem 0; }
`;
