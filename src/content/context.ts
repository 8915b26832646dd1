// What the parts of a session share: the panel's state, and the way to call the background
// (passed in, so the parts run in unit tests without an extension around them).
import type { CallInput, CallName, CallReply } from '../core/messages';
import type { Note, NoteId } from '../core/model';
import type { PanelState } from './panel/types';

export interface CallApi {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallReply<K>>;
}

export interface PanelContext {
  get(): PanelState;
  set(patch: Partial<PanelState>): void;
  fail(text: string): void;
  /** Puts a saved note into the list, if it belongs to the talk shown. */
  upsert(note: Note): void;
  drop(id: NoteId): void;
}

export function makeContext(initial: PanelState, render: (s: PanelState) => void): PanelContext {
  let state = initial;
  const set = (patch: Partial<PanelState>) => {
    state = { ...state, ...patch };
    render(state);
  };
  return {
    get: () => state,
    set,
    fail: (text) => set({ notice: { text, kind: 'error' } }),
    upsert(note) {
      const view = state.view;
      if (!view || note.talkId !== view.talk.id) return;
      set({ view: { ...view, notes: [...view.notes.filter((n) => n.id !== note.id), note] } });
    },
    drop(id) {
      const view = state.view;
      if (view) set({ view: { ...view, notes: view.notes.filter((n) => n.id !== id) } });
    },
  };
}
