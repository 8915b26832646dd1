// Writing notes: the new note being typed (a draft), in-place edits and deletes with undo.
// Write-through: every keystroke is sent at once, also while a save of that note is in flight
// (core/latest-saver, concurrent; the background keeps a note's saves in order and skips those
// overtaken): nothing typed waits in the page, for a pause, an answer or pagehide. Enter
// closes the box only once the store has the text; a failed save keeps the box open with the
// text in it.
// A draft remembers its talk, so a note started before the page moved to another video
// still lands in the talk it was started in.
// A text longer than a note holds (a long paste, or typing on at the limit) is never cut
// off: what fits stays in the note, the rest goes on in new notes at the same moment, the
// last of them open in the box to type on (core/note-limit).

import { newId } from '../core/ids';
import { type LatestSaver, latestSaver } from '../core/latest-saver';
import type { CallReply, NoteInput, TalkView } from '../core/messages';
import type { Note, NoteId, NoteKind } from '../core/model';
import { continuationOf, noteLimit, splitMessage, splitNoteText } from '../core/note-limit';
import type { CallApi, PanelContext } from './context';

export interface Writing {
  start(view: TalkView, time: number, kind: NoteKind, text?: string, speaker?: string): void;
  editDraft(text: string): void;
  finishDraft(keep: boolean): void;
  startEdit(id: NoteId): void;
  editText(text: string): void;
  finishEdit(keep: boolean): void;
  remove(id: NoteId, offerUndo: boolean): Promise<void>;
  /** The page moved to another talk: pending text is saved, the draft stays bound to its talk. */
  leaveTalk(): void;
  flush(): void;
}

function inputOf(note: Note, text: string): NoteInput {
  const input: NoteInput = { id: note.id, talkId: note.talkId, time: note.time, kind: note.kind, text };
  if (note.speaker) input.speaker = note.speaker;
  return input;
}

export function makeWriting(ctx: PanelContext, api: CallApi, hooks: { draftDone(): void }): Writing {
  /** The draft as last sent to the store; its talkId never changes. */
  let draft: NoteInput | null = null;
  let draftTalkTitle = '';
  /** The note being edited in place, as it was before the edit. */
  let editing: Note | null = null;
  /** The note whose Enter is waiting for the store (a second Enter meanwhile does nothing). */
  let finishing: NoteId | null = null;

  type Reply = CallReply<'saveNote'>;
  /** One saver per note: a note's saves go one at a time, in order; other notes don't wait. */
  const savers = new Map<NoteId, LatestSaver<NoteInput, Reply>>();
  const saverOf = (id: NoteId) => {
    let saver = savers.get(id);
    if (!saver) {
      saver = latestSaver((input: NoteInput) => api.call('saveNote', input), {
        // Every edit leaves the page as it is made: nothing typed waits in the page for an
        // answer, so a tab closed (or a background slow to answer) can't take it along.
        concurrent: true,
        onAnswer(r, latest) {
          // An older text's answer is not shown over the newer one (which is on its way).
          if (!latest) return;
          if (r.ok) ctx.upsert(r.value);
          else ctx.fail(`Your note was not saved: ${r.error}`);
        },
      });
      savers.set(id, saver);
    }
    return saver;
  };
  /** Everything sent for this note has been answered; the last answer. */
  const settle = async (id: NoteId) => {
    const saver = savers.get(id);
    if (!saver) return undefined;
    const last = await saver.settled();
    if (!saver.busy()) savers.delete(id);
    return last;
  };

  const remove = async (id: NoteId, offerUndo: boolean) => {
    // A save still on its way would put the note back after the delete.
    savers.get(id)?.cancel();
    await settle(id);
    const r = await api.call('deleteNote', { id });
    if (!r.ok) return ctx.fail(`The note was not deleted: ${r.error}`);
    ctx.drop(id);
    if (!offerUndo) return;
    const deleted = r.value;
    ctx.set({
      notice: {
        text: 'Note deleted.',
        kind: 'info',
        undo: async () => {
          ctx.set({ notice: null });
          const back = await api.call('restoreNote', deleted);
          if (back.ok) ctx.upsert(back.value);
          else ctx.fail(`The note could not be restored: ${back.error}`);
        },
      },
    });
  };

  const closeDraft = () => {
    draft = null;
    ctx.set({ draft: null });
    hooks.draftDone();
  };

  /** Enter: the text is sent now; the box closes once the store has it, else stays open. */
  const keepDraft = async (input: NoteInput) => {
    if (finishing === input.id) return;
    finishing = input.id;
    saverOf(input.id)(input);
    const last = await settle(input.id);
    finishing = null;
    // Esc, or another note started, while the store answered: that took over.
    if (draft?.id !== input.id) return;
    if (last?.ok) return closeDraft();
    ctx.fail(
      `Your note was not saved${last ? `: ${last.error}` : '.'} It stays in the box: press Enter to try again.`,
    );
  };

  const keepEdit = async (before: Note, text: string) => {
    saverOf(before.id)(inputOf(before, text));
    const last = await settle(before.id);
    if (editing?.id !== before.id) return;
    if (!last?.ok) return;
    editing = null;
    ctx.set({ editing: null });
  };

  /**
   * `pieces` of a text too long for one note, the first already in `from`: the middle ones are
   * stored as notes of their own, the last becomes the draft, so typing goes on there.
   */
  const spill = (from: NoteInput, pieces: string[], talkTitle: string) => {
    const base = continuationOf(from);
    const kind: NoteKind = base.kind;
    for (const text of pieces.slice(1, -1)) {
      const input: NoteInput = { ...base, id: newId('note'), text };
      saverOf(input.id)(input);
    }
    const last: NoteInput = { ...base, id: newId('note'), text: pieces[pieces.length - 1] ?? '' };
    draft = last;
    draftTalkTitle = talkTitle;
    ctx.set({
      draft: { id: last.id, kind, text: last.text, time: last.time },
      collapsed: false,
      notice: { text: splitMessage(pieces), kind: 'info' },
    });
    saverOf(last.id)(last);
  };

  return {
    start(view, time, kind, text = '', speaker) {
      const input: NoteInput = { id: newId('note'), talkId: view.talk.id, time, kind, text };
      if (speaker) input.speaker = speaker;
      draft = input;
      draftTalkTitle = view.talk.title;
      ctx.set({ draft: { id: input.id, kind, text, time }, collapsed: false });
      saverOf(input.id)(input);
    },
    editDraft(text) {
      const d = ctx.get().draft;
      if (!draft || !d) return;
      if (text.length > noteLimit) {
        const pieces = splitNoteText(text);
        const full: NoteInput = { ...draft, text: pieces[0] ?? '' };
        saverOf(full.id)(full);
        return spill(full, pieces, draftTalkTitle);
      }
      draft = { ...draft, text };
      ctx.set({ draft: { ...d, text } });
      saverOf(draft.id)(draft);
    },
    finishDraft(keep) {
      const input = draft;
      if (input && keep) return void keepDraft(input);
      closeDraft();
      if (input) void remove(input.id, false);
    },
    startEdit(id) {
      const note = ctx.get().view?.notes.find((n) => n.id === id);
      if (!note) return;
      editing = note;
      ctx.set({ editing: { id, text: note.text } });
    },
    editText(text) {
      if (!editing) return;
      if (text.length > noteLimit) {
        const before = editing;
        const pieces = splitNoteText(text);
        const view = ctx.get().view;
        void keepEdit(before, pieces[0] ?? '');
        ctx.set({ editing: { id: before.id, text: pieces[0] ?? '' } });
        return spill(
          inputOf(before, pieces[0] ?? ''),
          pieces,
          view?.talk.id === before.talkId ? view.talk.title : '',
        );
      }
      ctx.set({ editing: { id: editing.id, text } });
      saverOf(editing.id)(inputOf(editing, text));
    },
    finishEdit(keep) {
      const before = editing;
      const text = ctx.get().editing?.text;
      if (!before || text === undefined) {
        editing = null;
        ctx.set({ editing: null });
        return;
      }
      // Esc puts back the text the note had; the keystrokes already saved are undone.
      void keepEdit(before, keep ? text : before.text);
    },
    remove,
    leaveTalk() {
      // Edits not sent yet go on their own as the saves in flight answer.
      editing = null;
      const d = ctx.get().draft;
      ctx.set({
        editing: null,
        ...(d ? { draft: { ...d, otherTalkTitle: draftTalkTitle || 'the previous video' } } : {}),
      });
    },
    flush() {
      for (const saver of savers.values()) saver.flush();
    },
  };
}
