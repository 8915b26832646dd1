// Writing notes: the new note being typed (a draft), in-place edits and deletes with undo.
// Write-through: every keystroke reaches the store within 250 ms and at once on pagehide.
// A draft remembers its talk, so a note started before the page moved to another video
// still lands in the talk it was started in.
import { debounce } from '../core/debounce';
import { newId } from '../core/ids';
import type { NoteInput, TalkView } from '../core/messages';
import type { Note, NoteId, NoteKind } from '../core/model';
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

  const save = async (input: NoteInput) => {
    const r = await api.call('saveNote', input);
    if (r.ok) ctx.upsert(r.value);
    else ctx.fail(`Your note was not saved: ${r.error}`);
  };
  const saveSoon = debounce((input: NoteInput) => void save(input), 250);

  const remove = async (id: NoteId, offerUndo: boolean) => {
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

  return {
    start(view, time, kind, text = '', speaker) {
      saveSoon.flush();
      const input: NoteInput = { id: newId('note'), talkId: view.talk.id, time, kind, text };
      if (speaker) input.speaker = speaker;
      draft = input;
      draftTalkTitle = view.talk.title;
      ctx.set({ draft: { id: input.id, kind, text, time }, collapsed: false });
      void save(input);
    },
    editDraft(text) {
      const d = ctx.get().draft;
      if (!draft || !d) return;
      draft = { ...draft, text };
      ctx.set({ draft: { ...d, text } });
      saveSoon(draft);
    },
    finishDraft(keep) {
      const input = draft;
      draft = null;
      ctx.set({ draft: null });
      hooks.draftDone();
      if (!input) return;
      saveSoon.cancel();
      if (keep) void save(input);
      else void remove(input.id, false);
    },
    startEdit(id) {
      saveSoon.flush();
      const note = ctx.get().view?.notes.find((n) => n.id === id);
      if (!note) return;
      editing = note;
      ctx.set({ editing: { id, text: note.text } });
    },
    editText(text) {
      if (!editing) return;
      ctx.set({ editing: { id: editing.id, text } });
      saveSoon(inputOf(editing, text));
    },
    finishEdit(keep) {
      const before = editing;
      const text = ctx.get().editing?.text;
      editing = null;
      ctx.set({ editing: null });
      if (!before || text === undefined) return;
      saveSoon.cancel();
      // Esc puts back the text the note had; the keystrokes already saved are undone.
      void save(inputOf(before, keep ? text : before.text));
    },
    remove,
    leaveTalk() {
      saveSoon.flush();
      editing = null;
      const d = ctx.get().draft;
      ctx.set({
        editing: null,
        ...(d ? { draft: { ...d, otherTalkTitle: draftTalkTitle || 'the previous video' } } : {}),
      });
    },
    flush: () => saveSoon.flush(),
  };
}
