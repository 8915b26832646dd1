// Full-text search over notes (text and speaker) and talk titles. Every query word must match
// the start of a word ("kube" finds "Kubernetes"), ignoring case and accents. Matching notes
// are found from index keys alone: each word is a key range on the byTerm multi-entry index
// (schema v2), and the last edited come from the byUpdated index (schema v3), so only the
// notes returned are read, however many match. Talks are few and scanned. A slide note is also
// found by the words OCR read on its picture, as if they were its own (a scan of the images'
// text, then of the notes for those pictures only when some matched): the library's in-memory
// index (search-index.ts) answers that from memory once built.
import type { IDBPObjectStore } from 'idb';
import type { Note, NoteId, Talk } from '../core/model';
import type { Result } from '../core/result';
import type { StoreError } from './errors';
import { type StoreName, type TalkmarkSchema, toNote } from './schema';
import { matchesAll, queryTerms, termsOf } from './terms';
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

/**
 * The ids of the notes having a word that starts with each of `terms`, in the note or in the
 * text read on its slide (`slide`: per term, the slide notes that have it).
 */
async function matchingIds(
  notes: ReadNotes,
  terms: readonly string[],
  slide: Map<string, Set<NoteId>>,
): Promise<Set<NoteId>> {
  const index = notes.index('byTerm');
  // The longest word is usually the most selective: start there, and stop once nothing is left.
  const ordered = [...terms].sort((a, b) => b.length - a.length);
  let ids: Set<NoteId> | undefined;
  for (const term of ordered) {
    const keys = [
      ...(await index.getAllKeys(IDBKeyRange.bound(term, `${term}\uffff`))),
      ...(slide.get(term) ?? []),
    ];
    const before = ids;
    ids = new Set(before ? keys.filter((k) => before.has(k)) : keys);
    if (ids.size === 0) break;
  }
  return ids ?? new Set();
}

// Measured in Chromium with 10,000 notes (bench/library): reading all of byUpdated's keys at
// once takes longer than anything else in a search (300+ ms on a busy machine), while a key
// cursor step costs about 0.4 of a single get (500 steps ≈ 20 ms, 100 gets ≈ 10 ms).
const STEP_PER_GET = 0.4;

/** Search's order: the last edited first (ISO times compare as strings), ties the higher id first. */
export const newestFirst = (a: Note, b: Note): number =>
  a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

async function readNotes(notes: ReadNotes, ids: Iterable<NoteId>): Promise<Note[]> {
  const records = await Promise.all([...ids].map((id) => notes.get(id)));
  return records
    .filter((n) => n !== undefined)
    .map(toNote)
    .sort(newestFirst);
}

/** Up to `limit` of the notes `ids`, the last edited first, reading as few records as it can. */
async function lastEdited(notes: ReadNotes, ids: Set<NoteId>, limit: number): Promise<Note[]> {
  if (ids.size <= limit) return readNotes(notes, ids);
  // Walking the edit order from the newest takes about limit × total ÷ matches steps: cheap
  // when matches are many, dear when they are few; then reading every match is cheaper.
  const total = await notes.count();
  if (((limit * total) / ids.size) * STEP_PER_GET > ids.size) {
    return (await readNotes(notes, ids)).slice(0, limit);
  }
  const picked: NoteId[] = [];
  let cursor = await notes.index('byUpdated').openKeyCursor(null, 'prev');
  while (cursor && picked.length < limit) {
    const id = cursor.primaryKey;
    if (ids.has(id)) picked.push(id);
    cursor = await cursor.continue();
  }
  return readNotes(notes, picked);
}

type ReadImages = IDBPObjectStore<TalkmarkSchema, StoreName[], 'images', 'readonly' | 'readwrite'>;

/** For each query word, the slide notes whose picture's text has a word starting with it. */
async function slideMatches(images: ReadImages, notes: ReadNotes, terms: readonly string[]) {
  const byTerm = new Map<string, Set<string>>(terms.map((t) => [t, new Set<string>()]));
  let any = false;
  let cursor = await images.openCursor();
  while (cursor) {
    const text = cursor.value.text;
    if (text) {
      const own = termsOf(...text.lines);
      for (const t of terms) {
        if (own.some((w) => w.startsWith(t))) {
          byTerm.get(t)?.add(cursor.value.id);
          any = true;
        }
      }
    }
    cursor = await cursor.continue();
  }
  const out = new Map<string, Set<NoteId>>(terms.map((t) => [t, new Set<NoteId>()]));
  if (!any) return out;
  let notesCursor = await notes.openCursor();
  while (notesCursor) {
    const { imageId, id } = notesCursor.value;
    if (imageId) for (const t of terms) if (byTerm.get(t)?.has(imageId)) out.get(t)?.add(id);
    notesCursor = await notesCursor.continue();
  }
  return out;
}

export async function search(
  ctx: Ctx,
  query: string,
  limit = 200,
): Promise<Result<SearchResult, StoreError>> {
  const terms = queryTerms(query);
  if (terms.length === 0) return { ok: true, value: { notes: [], noteCount: 0, talks: [] } };
  return read(ctx, ['notes', 'talks', 'images'], async (tx) => {
    const notes = tx.objectStore('notes');
    const found = await matchingIds(notes, terms, await slideMatches(tx.objectStore('images'), notes, terms));
    const picked = await lastEdited(notes, found, limit);
    const talks = (await tx.objectStore('talks').getAll()).filter((t) =>
      matchesAll([t.title, t.label ?? '', ...t.speakers.map((s) => s.name)].join(' '), terms),
    );
    return { notes: picked, noteCount: found.size, talks };
  });
}
