// The in-page panel. Pure view: data and actions come in as props, so it renders and tests
// outside the extension. Page-supplied text (titles, captions) is rendered as text only.
import { useEffect, useRef } from 'preact/hooks';
import type { TalkView } from '../../core/messages';
import type { Note, NoteId } from '../../core/model';
import { formatTime } from '../../core/time';

export interface PanelState {
  view: TalkView | null;
  collapsed: boolean;
  /** The note being typed, if any. */
  draft: { id: NoteId; text: string } | null;
  /** A message for the user: a failure, or what just happened with an undo. */
  notice: { text: string; kind: 'info' | 'error'; undo?: () => void } | null;
  /** Object URLs of slide thumbnails, by note id. */
  thumbs: Record<string, string>;
  status: string;
}

export interface PanelActions {
  seek(time: number): void;
  newNote(): void;
  captureSlide(): void;
  quoteCaption(): void;
  editDraft(text: string): void;
  finishDraft(keep: boolean): void;
  deleteNote(id: NoteId): void;
  toggleCollapsed(): void;
  dismissNotice(): void;
}

const kindLabel: Record<Note['kind'], string> = {
  text: 'Note',
  quote: 'Quote',
  slide: 'Slide',
  heading: 'Heading',
};

function NoteItem({
  note,
  thumb,
  actions,
}: {
  note: Note;
  thumb: string | undefined;
  actions: PanelActions;
}) {
  return (
    <li class={`note note-${note.kind}`} data-note-id={note.id}>
      <button
        type="button"
        class="time"
        title={`Play from ${formatTime(note.time)}`}
        onClick={() => actions.seek(note.time)}
      >
        {formatTime(note.time)}
      </button>
      <span class="kind">{kindLabel[note.kind]}</span>
      {thumb && <img class="thumb" src={thumb} alt={`Slide at ${formatTime(note.time)}`} />}
      <span class="text">{note.kind === 'quote' ? `“${note.text}”` : note.text}</span>
      {note.speaker && <span class="speaker">— {note.speaker}</span>}
      <button
        type="button"
        class="delete"
        aria-label={`Delete the ${kindLabel[note.kind].toLowerCase()} at ${formatTime(note.time)}`}
        onClick={() => actions.deleteNote(note.id)}
      >
        ×
      </button>
    </li>
  );
}

function Composer({ draft, actions }: { draft: { id: NoteId; text: string }; actions: PanelActions }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), [draft.id]);
  return (
    <div class="composer">
      <textarea
        ref={ref}
        aria-label="Note text"
        placeholder="Type your note (Markdown). Enter saves, Esc discards an empty note."
        value={draft.text}
        onInput={(e) => actions.editDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Keys typed here belong to us, never to the page's shortcuts.
          e.stopPropagation();
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            actions.finishDraft(true);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            actions.finishDraft(draft.text.trim() !== '');
          }
        }}
      />
    </div>
  );
}

export function Panel({ state, actions }: { state: PanelState; actions: PanelActions }) {
  const { view } = state;
  if (state.collapsed) {
    return (
      <button
        type="button"
        class="tab"
        aria-label="Show the Talkmark panel"
        onClick={actions.toggleCollapsed}
      >
        TM
      </button>
    );
  }
  const notes = view ? [...view.notes].sort((a, b) => a.time - b.time) : [];
  return (
    <section class="panel" aria-label="Talkmark">
      <header>
        <strong class="brand">Talkmark</strong>
        <span class="post" title="Active post">
          {view?.post.title ?? ''}
        </span>
        <button
          type="button"
          class="collapse"
          aria-label="Hide the Talkmark panel"
          onClick={actions.toggleCollapsed}
        >
          –
        </button>
      </header>
      <div class="talk-title">{view?.talk.title ?? state.status}</div>
      <div class="toolbar">
        <button type="button" onClick={actions.newNote} title="Add a note at this moment (n)">
          Note <kbd>n</kbd>
        </button>
        <button type="button" onClick={actions.captureSlide} title="Capture the slide on screen (s)">
          Slide <kbd>s</kbd>
        </button>
        <button type="button" onClick={actions.quoteCaption} title="Quote the caption on screen (q)">
          Quote <kbd>q</kbd>
        </button>
      </div>
      {state.draft && <Composer draft={state.draft} actions={actions} />}
      {state.notice && (
        <div
          class={`notice notice-${state.notice.kind}`}
          role={state.notice.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{state.notice.text}</span>
          {state.notice.undo && (
            <button type="button" onClick={state.notice.undo}>
              Undo
            </button>
          )}
          <button type="button" aria-label="Dismiss" onClick={actions.dismissNotice}>
            ×
          </button>
        </div>
      )}
      <ol class="notes" aria-label="Notes on this talk">
        {notes.map((n) => (
          <NoteItem key={n.id} note={n} thumb={state.thumbs[n.id]} actions={actions} />
        ))}
      </ol>
      {view && notes.length === 0 && <p class="empty">No notes yet. Press n to add one at this moment.</p>}
    </section>
  );
}
