// The in-page panel. Pure view: data and actions come in as props, so it renders and tests
// outside the extension. Page-supplied text (titles, captions) is rendered as text only.

import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Note } from '../../core/model';
import { CompactPanel } from './Compact';
import { kindLabel, NoteItem } from './NoteItem';
import { PendingSlideItem } from './PendingSlideItem';
import { PostPicker } from './PostPicker';
import { SlideTextNotice } from './SlideTextNotice';
import { Speakers } from './Speakers';
import { TextEditor } from './TextEditor';
import type { PanelActions, PanelState, PendingSlide } from './types';

export type { PanelActions, PanelState } from './types';

export function Notice({
  notice,
  actions,
}: {
  notice: NonNullable<PanelState['notice']>;
  actions: PanelActions;
}) {
  // Held while the user points at it or has focus in it: it doesn't vanish while being read.
  const [held, setHeld] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!notice.expiresIn || held) return;
    const timer = setTimeout(actions.dismissNotice, notice.expiresIn);
    return () => clearTimeout(timer);
  }, [notice, held, actions]);
  // Listeners on the box itself (a status, not a control): pointer and focus hold it, and
  // Escape anywhere in it (its buttons have the focus) dismisses it. Added in the commit that
  // draws the box (a layout effect), not after the next paint: a keyboard user can be on its
  // × before that, and a focus or an Escape then would go unheard.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const life = new AbortController();
    const o = { signal: life.signal };
    el.addEventListener('pointerenter', () => setHeld(true), o);
    el.addEventListener('pointerleave', () => setHeld(false), o);
    el.addEventListener('focusin', () => setHeld(true), o);
    el.addEventListener('focusout', () => setHeld(false), o);
    el.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        actions.dismissNotice();
      },
      o,
    );
    return () => life.abort();
  }, [actions]);
  return (
    <div ref={box} class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      {notice.undo && (
        <button type="button" class="undo" onClick={notice.undo}>
          Undo
        </button>
      )}
      <button type="button" aria-label="Dismiss" onClick={actions.dismissNotice}>
        ×
      </button>
    </div>
  );
}

export interface Row {
  time: number;
  pending: PendingSlide | null;
  note: Note | null;
  /** The row of the note being typed (before or after its first save). */
  draft?: boolean;
}

/** The draft shows in the list at its note's place when it belongs to the talk shown. */
export function draftInList(state: PanelState): boolean {
  const d = state.draft;
  return Boolean(state.view && d && !d.otherTalkTitle && d.time !== undefined);
}

/**
 * This talk's notes, and the slides not stored yet, in time order (a slide before a note at the
 * same time). The note being typed is its own row, holding the editor, so a quote's editor and
 * its row are one thing, in view, wherever the moment falls in the list.
 */
export function rowsOf(state: PanelState, withDraft = true): Row[] {
  const view = state.view;
  const draft = withDraft && draftInList(state) ? state.draft : null;
  const notes = view ? view.notes.filter((n) => n.id !== draft?.id) : [];
  const pending = view ? state.pending.filter((p) => p.talkId === view.talk.id) : [];
  return [
    ...pending.map((p) => ({ time: p.time, pending: p, note: null })),
    ...notes.map((n) => ({ time: n.time, pending: null, note: n })),
    ...(draft ? [{ time: draft.time ?? 0, pending: null, note: null, draft: true }] : []),
  ].sort((a, b) => a.time - b.time);
}

export function NotesList({
  rows,
  state,
  actions,
}: {
  rows: Row[];
  state: PanelState;
  actions: PanelActions;
}) {
  return (
    <ol class="notes" aria-label="Notes on this talk">
      {rows.map(({ pending: p, note: n, draft }) =>
        draft && state.draft ? (
          <li key={state.draft.id} class={`note note-${state.draft.kind} note-draft`}>
            <Composer draft={state.draft} actions={actions} placeholder={draftPlaceholder} />
          </li>
        ) : p ? (
          <PendingSlideItem key={p.id} slide={p} thumb={state.thumbs[p.id]} actions={actions} />
        ) : n ? (
          <NoteItem
            key={n.id}
            note={n}
            thumb={state.thumbs[n.id]}
            editing={state.editing?.id === n.id ? state.editing.text : null}
            actions={actions}
          />
        ) : null,
      )}
    </ol>
  );
}

/** Note, slide, quote, auto-capture and slide area, with their keys; shorter words in the compact bar. */
export function Toolbar({
  state,
  actions,
  compact = false,
}: {
  state: PanelState;
  actions: PanelActions;
  compact?: boolean;
}) {
  return (
    <div class="toolbar">
      <button
        type="button"
        class="add-note"
        onClick={actions.newNote}
        title="Add a note at this moment (n)"
        aria-keyshortcuts="n"
      >
        Note <kbd>n</kbd>
      </button>
      <button
        type="button"
        class="add-slide"
        onClick={actions.captureSlide}
        title="Capture the slide on screen (s)"
        aria-keyshortcuts="s"
      >
        Slide <kbd>s</kbd>
      </button>
      <button
        type="button"
        class="add-quote"
        onClick={actions.quoteCaption}
        title="Quote the caption on screen (q)"
        aria-keyshortcuts="q"
      >
        Quote <kbd>q</kbd>
      </button>
      <button
        type="button"
        class="auto-capture"
        aria-pressed={state.auto.on}
        onClick={actions.toggleAutoCapture}
        title="Capture every new slide automatically, once it has settled (a)"
        aria-keyshortcuts="a"
      >
        Auto <kbd>a</kbd>
      </button>
      <button
        type="button"
        class="slide-area"
        aria-pressed={state.auto.area}
        onClick={actions.pickSlideArea}
        title="Set the part of the video where the slides are (picture-in-picture recordings)"
      >
        {compact ? 'Area' : 'Slide area'}
      </button>
    </div>
  );
}

/** The note or quote being typed, and where it goes when that is another talk than the one shown. */
export function Composer({
  draft,
  actions,
  placeholder,
  oneLine,
}: {
  draft: NonNullable<PanelState['draft']>;
  actions: PanelActions;
  placeholder: string;
  oneLine?: boolean;
}) {
  return (
    <div class="composer">
      {draft.otherTalkTitle && (
        <p class="draft-talk">
          This {kindLabel[draft.kind].toLowerCase()} goes to “{draft.otherTalkTitle}”.
        </p>
      )}
      <TextEditor
        id={draft.id}
        label={draft.kind === 'quote' ? 'Quote text' : 'Note text'}
        placeholder={placeholder}
        text={draft.text}
        onInput={actions.editDraft}
        onDone={(keep) => actions.finishDraft(keep || draft.text.trim() !== '')}
        oneLine={oneLine}
      />
    </div>
  );
}

const draftPlaceholder = 'Type your note (Markdown). Enter saves, Esc discards an empty note.';

export function Panel({ state, actions }: { state: PanelState; actions: PanelActions }) {
  // A small embed or window: a bar along its edge, clear of the middle of the picture.
  if (state.layout.size !== 'regular') return <CompactPanel state={state} actions={actions} />;
  const { view, draft } = state;
  if (state.collapsed) {
    return (
      <button
        type="button"
        class="tab"
        aria-label="Show the Talkmark panel (h)"
        onClick={actions.toggleCollapsed}
      >
        TM{view && view.notes.length > 0 ? ` ${view.notes.length}` : ''}
      </button>
    );
  }
  const rows = rowsOf(state);
  return (
    <section class={`panel mode-${state.mode}`} aria-label="Talkmark">
      <header>
        <strong class="brand">Talkmark</strong>
        {view ? (
          <PostPicker active={view.post} posts={state.posts} actions={actions} />
        ) : (
          <span class="post" />
        )}
        <button
          type="button"
          class="collapse"
          aria-label="Hide the Talkmark panel (h)"
          onClick={actions.toggleCollapsed}
        >
          –
        </button>
      </header>
      <div class="talk-title">{view?.talk.title || state.status}</div>
      {view && state.mode !== 'fullscreen' && (
        <Speakers speakers={view.talk.speakers} onChange={actions.setSpeakers} />
      )}
      <Toolbar state={state} actions={actions} />
      {draft && !draftInList(state) && (
        <Composer draft={draft} actions={actions} placeholder={draftPlaceholder} />
      )}
      {state.notice && <Notice notice={state.notice} actions={actions} />}
      {state.slideTextNotice && <SlideTextNotice reason={state.slideTextNotice} actions={actions} />}
      <NotesList rows={rows} state={state} actions={actions} />
      {view && rows.length === 0 && !draft && (
        <p class="empty">No notes yet. Press n to add one at this moment.</p>
      )}
    </section>
  );
}
