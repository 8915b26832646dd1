// Note edits typed in the library and not yet confirmed stored, written to the extension's own
// localStorage as they are typed. localStorage is synchronous: an entry is there once the key
// press is handled, and a closed tab can't take it along. An IndexedDB save still on its way
// can be lost that way: it reads the note, then writes it, and a tab closed in between writes
// nothing. The next library page puts the text back (store-api's recoverNoteEdits). The
// storage is the extension origin's, which no web page can read.
import type { NoteId } from '../core/model';

export interface UnsavedNote {
  id: NoteId;
  /** The text as last typed. */
  text: string;
  /** When it was typed (ISO time): a later write to the note is someone else's. */
  at: string;
  /** The text of the save on its way when this was typed: it may still have been stored. */
  sending?: string;
}

const PREFIX = 'talkmark:unsaved-note:';

export interface NoteJournal {
  /** `text` was typed into note `id`; `sending` is the save then on its way, if any. */
  typed(id: NoteId, text: string, sending?: string): void;
  /** The store confirmed `text` for note `id`: no longer unsaved, unless typed on since. */
  stored(id: NoteId, text: string): void;
  /** Every unsaved edit, the oldest first. */
  all(): UnsavedNote[];
  /** The unsaved edit of note `id` as it stands now. */
  get(id: NoteId): UnsavedNote | undefined;
  /** Whether `edit` is still the journal's edit of its note: not typed over, stored or forgotten since. */
  current(edit: UnsavedNote): boolean;
  forget(id: NoteId): void;
}

function isUnsaved(v: unknown): v is UnsavedNote {
  const o = v as UnsavedNote | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.id === 'string' &&
    typeof o.text === 'string' &&
    typeof o.at === 'string' &&
    (o.sending === undefined || typeof o.sending === 'string')
  );
}

/** The page's localStorage; none where it is refused (then the journal keeps nothing). */
function pageStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The journal over `storage`. */
export function noteJournal(storage: Storage | undefined = pageStorage()): NoteJournal {
  const read = (key: string): UnsavedNote | undefined => {
    try {
      const v: unknown = JSON.parse(storage?.getItem(key) ?? 'null');
      return isUnsaved(v) ? v : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    typed(id, text, sending) {
      const entry: UnsavedNote = { id, text, at: new Date().toISOString() };
      if (sending !== undefined && sending !== text) entry.sending = sending;
      try {
        storage?.setItem(PREFIX + id, JSON.stringify(entry));
      } catch {
        // Full (or refused): the write-through to IndexedDB still goes on as before.
      }
    },
    stored(id, text) {
      if (read(PREFIX + id)?.text === text) storage?.removeItem(PREFIX + id);
    },
    all() {
      const out: UnsavedNote[] = [];
      for (let i = 0; i < (storage?.length ?? 0); i++) {
        const key = storage?.key(i);
        const entry = key?.startsWith(PREFIX) ? read(key) : undefined;
        if (entry) out.push(entry);
      }
      return out.sort((a, b) => a.at.localeCompare(b.at));
    },
    get: (id) => read(PREFIX + id),
    current(edit) {
      // The text too: two key presses within one millisecond share a time.
      const now = read(PREFIX + edit.id);
      return now?.at === edit.at && now.text === edit.text;
    },
    forget(id) {
      storage?.removeItem(PREFIX + id);
    },
  };
}

/** This page's journal. */
export const unsavedNotes: NoteJournal = noteJournal();
