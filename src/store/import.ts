// Restore: validate the whole snapshot first, then write it in ONE transaction, so a bad
// snapshot or a failed write (quota) leaves the store exactly as it was.
// - replace: the store becomes the snapshot (settings are kept).
// - merge: records are matched by id; a new id is added, an equal record left alone, and of
//   two different versions the later `updatedAt` wins (the snapshot's on a tie). Sections are
//   then repaired so every talk sits exactly once in its own post.
import type { Post, PostId, Snapshot, Talk, TalkId } from '../core/model';
import { err, type Result } from '../core/result';
import { checkIntegrity, validateSnapshot } from '../core/validate-snapshot';
import { countsOf } from './counts';
import { type StoreError, storeError } from './errors';
import { deepEqual, repairSections } from './merge';
import { ACTIVE_POST } from './posts';
import { type StoredImage, type StoredNote, toNote } from './schema';
import { termsOf } from './terms';
import { batch, type Ctx, done, refuse, write } from './tx';

export type ImportMode = 'merge' | 'replace';

export interface Tally {
  added: number;
  updated: number;
  unchanged: number;
  /** Local version kept because it was newer (merge only). */
  keptLocal: number;
}

export interface ImportReport {
  mode: ImportMode;
  posts: Tally;
  talks: Tally;
  notes: Tally;
  images: Tally;
  /** Records that were in the store before a replace. */
  removed: { posts: number; talks: number; notes: number; images: number };
  /** Posts whose sections were repaired after a merge (talks added to or removed from them). */
  repairedPosts: number;
}

const tally = (): Tally => ({ added: 0, updated: 0, unchanged: 0, keptLocal: 0 });

function mergeById<T extends { id: string; updatedAt?: string }>(
  local: Map<string, T>,
  incoming: readonly T[],
  t: Tally,
  same: (a: T, b: T) => boolean = deepEqual,
): T[] {
  const writes: T[] = [];
  for (const item of incoming) {
    const old = local.get(item.id);
    if (!old) t.added++;
    else if (same(old, item)) t.unchanged++;
    else if ((item.updatedAt ?? '') >= (old.updatedAt ?? '')) t.updated++;
    else {
      t.keptLocal++;
      continue;
    }
    if (!old || !same(old, item)) {
      writes.push(item);
      local.set(item.id, item);
    }
  }
  return writes;
}

export async function importSnapshot(
  ctx: Ctx,
  input: Snapshot,
  mode: ImportMode,
): Promise<Result<ImportReport, StoreError>> {
  const valid = validateSnapshot(input);
  if (!valid.ok) return err(storeError('invalid', `This backup can't be restored: ${valid.error}.`));
  const snap = valid.value;
  const images: StoredImage[] = snap.images.map(({ bytes, ...meta }) => ({
    ...meta,
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: meta.mime }),
  }));
  const notes: StoredNote[] = snap.notes.map((n) => ({ ...n, terms: termsOf(n.text, n.speaker) }));
  const report: ImportReport = {
    mode,
    posts: tally(),
    talks: tally(),
    notes: tally(),
    images: tally(),
    removed: { posts: 0, talks: 0, notes: 0, images: 0 },
    repairedPosts: 0,
  };

  return write(ctx, ['posts', 'talks', 'notes', 'images', 'counts', 'kv'], async (tx) => {
    const s = {
      posts: tx.objectStore('posts'),
      talks: tx.objectStore('talks'),
      notes: tx.objectStore('notes'),
      images: tx.objectStore('images'),
      counts: tx.objectStore('counts'),
    };
    /** The counts start again from the talks and notes the store now holds. */
    const recountAll = (talks: Iterable<Talk>, notes: Iterable<StoredNote>) =>
      batch((add) => {
        add(s.counts.clear());
        for (const [id, c] of countsOf(talks, notes)) add(s.counts.put(c, id as PostId | TalkId));
      });
    if (mode === 'replace') {
      report.removed = {
        posts: await s.posts.count(),
        talks: await s.talks.count(),
        notes: await s.notes.count(),
        images: await s.images.count(),
      };
      await Promise.all([s.posts.clear(), s.talks.clear(), s.notes.clear(), s.images.clear()]);
      // Issued together and awaited once: a failure aborts the whole transaction anyway.
      await batch((add) => {
        for (const p of snap.posts) add(s.posts.put(p));
        for (const t of snap.talks) add(s.talks.put(t));
        for (const n of notes) add(s.notes.put(n));
        for (const i of images) add(s.images.put(i));
      });
      await recountAll(snap.talks, notes);
      report.posts.added = snap.posts.length;
      report.talks.added = snap.talks.length;
      report.notes.added = notes.length;
      report.images.added = images.length;
      const active = await tx.objectStore('kv').get(ACTIVE_POST);
      if (typeof active === 'string' && !snap.posts.some((p) => p.id === active)) {
        await tx.objectStore('kv').delete(ACTIVE_POST);
      }
      return done(report, [{ type: 'reset' }]);
    }

    const posts = new Map((await s.posts.getAll()).map((p) => [p.id as string, p]));
    const talks = new Map((await s.talks.getAll()).map((t) => [t.id as string, t]));
    const localNotes = new Map((await s.notes.getAll()).map((n) => [n.id as string, n]));
    const imageKeys = new Set<string>(await s.images.getAllKeys());
    const postWrites = mergeById(posts, snap.posts, report.posts);
    const talkWrites = mergeById(talks, snap.talks, report.talks);
    const noteWrites = mergeById(localNotes, notes, report.notes, (a, b) => deepEqual(toNote(a), toNote(b)));
    const repaired = repairSections([...posts.values()], [...talks.values()]);
    report.repairedPosts = repaired.length;
    for (const p of repaired) posts.set(p.id, p);
    const check = checkIntegrity({
      posts: [...posts.values()],
      talks: [...talks.values()],
      notes: [...localNotes.values()],
      images: [...new Set([...imageKeys, ...images.map((i) => i.id)])].map((id) => ({ id }) as StoredImage),
    });
    // Both sides were consistent, so this only trips on a real conflict (e.g. a talk id reused).
    if (!check.ok) return refuse('invalid', `This backup can't be merged into your data: ${check.error}.`);
    const written = new Set<string>();
    for (const p of [...postWrites, ...repaired] as Post[]) {
      if (written.has(p.id)) continue;
      written.add(p.id);
      await s.posts.put(posts.get(p.id) ?? p);
    }
    const newImages = images.filter((i) => !imageKeys.has(i.id));
    report.images.added = newImages.length;
    report.images.unchanged = images.length - newImages.length;
    await batch((add) => {
      for (const t of talkWrites) add(s.talks.put(t));
      for (const n of noteWrites) add(s.notes.put(n));
      for (const i of newImages) add(s.images.put(i));
    });
    await recountAll(talks.values(), localNotes.values());
    return done(report, [{ type: 'reset' }]);
  });
}
