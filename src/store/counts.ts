// How many notes, and of them slides, each talk and each post holds: stored (schema v4) and
// kept by every write in the same transaction as the notes themselves, so the popup and the
// posts list read a few small records instead of counting 10,000 notes on every open.
// A talk's record is keyed by its id, a post's by its id (the prefixes keep them apart); a
// missing record means none.
import type { Note, PostId, TalkId } from '../core/model';
import type { Counts, StoreName, WriteTx } from './schema';

export const noCounts: Readonly<Counts> = { notes: 0, slides: 0 };

const add = (into: Map<string, Counts>, id: string, notes: number, slides: number) => {
  const c = into.get(id) ?? { notes: 0, slides: 0 };
  c.notes += notes;
  c.slides += slides;
  into.set(id, c);
};

/** Counts per talk and per post, from the talks and notes themselves (restore, migration). */
export function countsOf(
  talks: Iterable<{ id: TalkId; postId: PostId }>,
  notes: Iterable<Pick<Note, 'talkId' | 'kind'>>,
): Map<string, Counts> {
  const postOf = new Map<string, string>();
  for (const t of talks) postOf.set(t.id, t.postId);
  const out = new Map<string, Counts>();
  for (const n of notes) {
    const post = postOf.get(n.talkId);
    if (post === undefined) continue;
    const slide = n.kind === 'slide' ? 1 : 0;
    add(out, n.talkId, 1, slide);
    add(out, post, 1, slide);
  }
  return out;
}

type CountsTx = WriteTx<Array<StoreName>>;

/**
 * Moves the counts from what a note was (`before`, absent when new) to what it is (`after`,
 * absent when deleted), on its talk and that talk's post. Talks are looked up in `tx`.
 */
export async function recount(
  tx: CountsTx,
  before: Pick<Note, 'talkId' | 'kind'> | undefined,
  after: Pick<Note, 'talkId' | 'kind'> | undefined,
): Promise<void> {
  const deltas = new Map<string, Counts>();
  const talks = tx.objectStore('talks');
  for (const [note, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    if (!note) continue;
    const talk = await talks.get(note.talkId);
    const slide = note.kind === 'slide' ? sign : 0;
    add(deltas, note.talkId, sign, slide);
    if (talk) add(deltas, talk.postId, sign, slide);
  }
  await shift(tx, deltas);
}

/** Adds `deltas` (which may be negative) to the stored counts. */
export async function shift(tx: CountsTx, deltas: Map<string, Counts>): Promise<void> {
  const counts = tx.objectStore('counts');
  for (const [id, d] of deltas) {
    if (d.notes === 0 && d.slides === 0) continue;
    const key = id as PostId | TalkId;
    const old = (await counts.get(key)) ?? noCounts;
    const next = { notes: Math.max(0, old.notes + d.notes), slides: Math.max(0, old.slides + d.slides) };
    if (next.notes === 0 && next.slides === 0) await counts.delete(key);
    else await counts.put(next, key);
  }
}
