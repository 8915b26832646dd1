// The panel in a small frame (a YouTube embed in an article, a small window): a thin bar along
// the edge of the frame, never reaching the middle third of the picture. The bar holds the
// talk's title and the buttons; the note being typed is one line under it; the notes list, the
// post and the speakers open behind a toggle, in the same strip. Folded, it is the usual tab,
// with a short word beside it when a slide is captured.
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { formatTime } from '../../core/time';
import { Composer, NotesList, Notice, rowsOf, Toolbar } from './Panel';
import { PostPicker } from './PostPicker';
import { Speakers } from './Speakers';
import type { PanelActions, PanelState } from './types';

/** What happened to the slide just captured: saving, not saved, or saved (for a moment). */
function Flash({ state, actions }: { state: PanelState; actions: PanelActions }) {
  const view = state.view;
  const pending = view ? state.pending.filter((p) => p.talkId === view.talk.id) : [];
  const last = pending[pending.length - 1];
  if (last) {
    const at = formatTime(last.time);
    const failed = last.error !== null;
    const thumb = state.thumbs[last.id];
    return (
      <>
        {last.preview ? (
          <FlashPreview key={last.id} canvas={last.preview} />
        ) : (
          thumb && <img src={thumb} alt="" />
        )}
        <span>
          Slide at {at} {failed ? 'not saved' : 'saving…'}
        </span>
        {failed && (
          <>
            <button type="button" class="retry" onClick={() => actions.retrySlide(last.id)}>
              Retry
            </button>
            <button
              type="button"
              class="discard"
              aria-label={`Discard the unsaved slide at ${at}`}
              onClick={() => actions.discardSlide(last.id)}
            >
              ×
            </button>
          </>
        )}
      </>
    );
  }
  const saved = state.justSaved;
  if (!saved || !view?.notes.some((n) => n.id === saved.id)) return null;
  const thumb = state.thumbs[saved.id];
  return (
    <>
      {thumb && <img src={thumb} alt="" />}
      <span>Slide at {formatTime(saved.time)} saved</span>
    </>
  );
}

/**
 * A small copy of the captured frame, shown as soon as it is drawn (before the encode), like the
 * full panel's pending row. A copy: the capture's own canvas may be in the notes list meanwhile.
 */
function FlashPreview({ canvas }: { canvas: HTMLCanvasElement }) {
  const height = 28;
  const width = Math.max(1, Math.round((canvas.width / Math.max(1, canvas.height)) * height));
  return (
    <canvas
      class="flash-preview"
      width={width}
      height={height}
      ref={(el) => {
        if (!el || el.dataset.drawn === 'true') return;
        el.getContext('2d')?.drawImage(canvas, 0, 0, width, height);
        el.dataset.drawn = 'true';
      }}
    />
  );
}

export function CompactPanel({ state, actions }: { state: PanelState; actions: PanelActions }) {
  const [listOpen, setListOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const { view, draft, layout } = state;
  const count = view?.notes.length ?? 0;
  // The custom property is read by the stylesheet: how far from the edge the bar may reach.
  const room = { '--tm-room': `${layout.room}px` } as JSX.CSSProperties;
  const edge = `edge-${layout.edge}`;
  if (state.collapsed) {
    return (
      <>
        <button
          type="button"
          class={`tab compact-tab ${edge}`}
          style={room}
          aria-label="Show the Talkmark panel (h)"
          onClick={actions.toggleCollapsed}
        >
          TM{count > 0 ? ` ${count}` : ''}
        </button>
        <div class={`floating ${edge}`} style={room}>
          <div class="flash" role="status">
            <Flash state={state} actions={actions} />
          </div>
          {state.notice && <Notice notice={state.notice} actions={actions} />}
        </div>
      </>
    );
  }
  const closeList = () => {
    setListOpen(false);
    toggle.current?.focus();
  };
  // The compact bar keeps the editor in the bar: the list shows the draft's note as a note.
  const rows = rowsOf(state, false);
  return (
    // Esc anywhere in the bar closes the open notes list (fields that use Esc themselves keep it).
    <section
      class={`panel compact size-${layout.size} ${edge}`}
      style={room}
      aria-label="Talkmark"
      onKeyDown={(e) => {
        if (listOpen && e.key === 'Escape' && !e.defaultPrevented) {
          e.stopPropagation();
          closeList();
        }
      }}
    >
      <div class="bar">
        <strong class="brand" title="Talkmark">
          TM
        </strong>
        <button
          ref={toggle}
          type="button"
          class="notes-toggle"
          aria-expanded={listOpen}
          aria-controls="tm-drawer"
          title={listOpen ? 'Hide the notes, post and speakers' : 'Show the notes, post and speakers'}
          onClick={() => setListOpen(!listOpen)}
        >
          Notes {count} <span aria-hidden="true">{listOpen ? '▴' : '▾'}</span>
        </button>
        <span class="talk-title" title={view?.talk.title || state.status}>
          {view?.talk.title || state.status}
        </span>
        <Toolbar state={state} actions={actions} compact />
        <button
          type="button"
          class="collapse"
          aria-label="Hide the Talkmark panel (h)"
          onClick={actions.toggleCollapsed}
        >
          –
        </button>
      </div>
      {draft && (
        <Composer
          draft={draft}
          actions={actions}
          placeholder={
            draft.kind === 'quote'
              ? 'The quote. Enter saves, Esc closes.'
              : 'Your note. Enter saves, Esc closes.'
          }
          oneLine
        />
      )}
      {state.notice && <Notice notice={state.notice} actions={actions} />}
      {!listOpen && (
        <div class="flash" role="status">
          <Flash state={state} actions={actions} />
        </div>
      )}
      {listOpen && (
        <div id="tm-drawer" class="drawer">
          <NotesList rows={rows} state={state} actions={actions} />
          {view && rows.length === 0 && <p class="empty">No notes yet. Press n to add one at this moment.</p>}
          {view && (
            <div class="drawer-post">
              <PostPicker active={view.post} posts={state.posts} actions={actions} />
            </div>
          )}
          {view && <Speakers speakers={view.talk.speakers} onChange={actions.setSpeakers} />}
        </div>
      )}
    </section>
  );
}
