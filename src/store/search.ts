// Full-text search over notes (text and speaker) and talk titles. Every query word must match
// the start of a word ("kube" finds "Kubernetes"), ignoring case and accents. Matching notes
// are found from index keys alone: each word is a key range on the byTerm multi-entry index
// (schema v2), and the last edited come from the byUpdated index (schema v3), so only the
// notes returned are read, however many match. Talks are few and scanned.
import type { IDBPObjectStore } from 'idb';
import type { Note, NoteId, Talk } from '../core/model';
import type { Result } from '../core/result';
import type { StoreError } from './errors';
import { type StoreName, type TalkmarkSchema, toNote } from './schema';
import { matchesAll, queryTerms } from './terms';
import { type Ctx, read } from './tx';

type ReadNotes = IDBPObjectStore<TalkmarkSchema, StoreName[], 'notes', 'readonly' | 'readwrite'>;

export interface SearchResult {
  /** Matching notes, most recently edited first (ties: higher id first), at most `limit`. */
  notes: Note[];
  /** How many notes match in all. */
  noteCount: number;
  /** Talks whose title (or label, or a speaker's name) matches. */
  talks: Talk[];
}

/** The ids of the notes having a word that starts with each of `terms`. */
async function matchingIds(notes: ReadNotes, terms: readonly string[]): Promise<Set<NoteId>> {
  const index = notes.index('byTerm');
  // The longest word is usually the most selective: start there, and stop once nothing is left.
  const ordered = [...terms].sort((a, b) => b.length - a.length);
  let ids: Set<NoteId> | undefined;
  for (const term of ordered) {
    const keys = await index.getAllKeys(IDBKeyRange.bound(term, `${term}\uffff`));
    const before = ids;
    ids = new Set(before ? keys.filter((k) => before.has(k)) : keys);
    if (ids.size === 0) break;
  }
  return ids ?? new Set();
}

/** Up to `limit` of `ids`, the last edited first, read from the byUpdated index's keys. */
async function lastEdited(notes: ReadNotes, ids: Set<NoteId>, limit: number): Promise<NoteId[]> {
  if (ids.size <= limit) return [...ids];
  // schema.ts doesn't name v3's index yet, so it is reached through the untyped store.
  const untyped = notes as unknown as IDBPObjectStore<unknown, ['notes'], 'notes'>;
  const inOrder = (await untyped.index('byUpdated').getAllKeys()) as NoteId[];
  const picked: NoteId[] = [];
  for (let i = inOrder.length - 1; i >= 0 && picked.length < limit; i--) {
    const id = inOrder[i] as NoteId;
    if (ids.has(id)) picked.push(id);
  }
  return picked;
}

const newestFirst = (a: Note, b: Note) =>
  b.updatedAt.localeCompare(a.updatedAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export async function search(
  ctx: Ctx,
  query: string,
  limit = 200,
): Promise<Result<SearchResult, StoreError>> {
  const terms = queryTerms(query);
  if (terms.length === 0) return { ok: true, value: { notes: [], noteCount: 0, talks: [] } };
  return read(ctx, ['notes', 'talks'], async (tx) => {
    const notes = tx.objectStore('notes');
    const found = await matchingIds(notes, terms);
    const shown = await lastEdited(notes, found, limit);
    const records = await Promise.all(shown.map((id) => notes.get(id)));
    const picked = records
      .filter((n) => n !== undefined)
      .map(toNote)
      .sort(newestFirst);
    const talks = (await tx.objectStore('talks').getAll()).filter((t) =>
      matchesAll([t.title, t.label ?? '', ...t.speakers.map((s) => s.name)].join(' '), terms),
    );
    return { notes: picked, noteCount: found.size, talks };
  });
}
