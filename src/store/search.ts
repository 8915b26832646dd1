// Full-text search over notes (text and speaker) and talk titles. Every query word must match
// the start of a word ("kube" finds "Kubernetes"), ignoring case and accents. Notes are found
// through the byTerm multi-entry index (schema v2) without reading every note; talks are few
// and scanned.
import type { Note, NoteId, Talk } from '../core/model';
import type { Result } from '../core/result';
import type { StoreError } from './errors';
import { toNote } from './schema';
import { matchesAll, queryTerms } from './terms';
import { type Ctx, read } from './tx';

const BULK_READ_ABOVE = 200;

export interface SearchResult {
  /** Matching notes, most recently edited first, at most `limit`. */
  notes: Note[];
  /** How many notes match in all. */
  noteCount: number;
  /** Talks whose title (or label, or a speaker's name) matches. */
  talks: Talk[];
}

export async function search(
  ctx: Ctx,
  query: string,
  limit = 200,
): Promise<Result<SearchResult, StoreError>> {
  const terms = queryTerms(query);
  if (terms.length === 0) return { ok: true, value: { notes: [], noteCount: 0, talks: [] } };
  return read(ctx, ['notes', 'talks'], async (tx) => {
    const index = tx.objectStore('notes').index('byTerm');
    // One key range per word; the longest word is usually the most selective, so start there.
    const ordered = [...terms].sort((a, b) => b.length - a.length);
    let ids: Set<NoteId> | undefined;
    for (const term of ordered) {
      const keys = await index.getAllKeys(IDBKeyRange.bound(term, `${term}\uffff`));
      ids = ids ? new Set(keys.filter((k) => ids?.has(k))) : new Set(keys);
      if (ids.size === 0) break;
    }
    const found = ids ?? new Set<NoteId>();
    const store = tx.objectStore('notes');
    // Many hits: one bulk read beats thousands of single gets.
    const records =
      found.size > BULK_READ_ABOVE
        ? (await store.getAll()).filter((n) => found.has(n.id))
        : await Promise.all([...found].map((id) => store.get(id)));
    const notes = records
      .filter((n) => n !== undefined)
      .map(toNote)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .slice(0, limit);
    const talks = (await tx.objectStore('talks').getAll()).filter((t) =>
      matchesAll([t.title, t.label ?? '', ...t.speakers.map((s) => s.name)].join(' '), terms),
    );
    return { notes, noteCount: found.size, talks };
  });
}
