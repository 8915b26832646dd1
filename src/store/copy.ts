// The safety copy: every post, talk and note (their words, not the slides' pictures) kept a
// second time outside IndexedDB, in a key-value place of its own (browser.storage.local: in
// Chromium a separate LevelDB, in Firefox a separate database file). A browser that finds its
// IndexedDB damaged after a crash may discard it; the copy is how the notes come back.
// - After every committed write, the records it changed are read back and written to the copy
//   (one key per record), or removed from it; off the save's path, in order, and a failure of
//   the copy never fails a save.
// - The database and the copy carry one id (kv COPY_ID in the database, `dbId` in the copy's
//   meta). At start-up (background, library) `check` compares them: a database that lost that
//   id (missing, emptied, re-created) while the copy holds records is reported as lost, with
//   what the copy holds that the database doesn't, and `restore` puts those records back.
// - A new install, or an older one from before the copy, is copied whole once, at its first check.
// Pictures are not copied: a slide comes back as its words at its moment, without its picture
// (storage.local holds JSON, and a day of 1080p slides would double the disk used).
import { newId } from '../core/ids';
import type { Note, Post, Talk } from '../core/model';
import { err, ok, type Result } from '../core/result';
import type { Change } from './changes';
import { countsOf, shift } from './counts';
import { type StoreError, toStoreError } from './errors';
import { type StoredNote, toNote } from './schema';
import { termsOf } from './terms';
import { type Ctx, done, read, write } from './tx';

/** What browser.storage.local offers (a test gives a Map-backed one). */
export interface CopyPlace {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const COPY_ID = 'copyId';
const META = 'copy:meta';
const PREFIX = { post: 'copy:p:', talk: 'copy:t:', note: 'copy:n:' } as const;
type Kind = keyof typeof PREFIX;

interface Meta {
  dbId: string;
  writtenAt: string;
}

export interface CopyCounts {
  posts: number;
  talks: number;
  notes: number;
}

export type CopyState =
  /** The copy mirrors this database; `writtenAt`: its last write. */
  | { state: 'ok'; writtenAt: string }
  /**
   * The database lost what the copy holds (missing, emptied, re-created), or can't be opened
   * (`dbError`): `missing` counts the copy's records that the database doesn't have.
   */
  | { state: 'lost'; writtenAt: string; missing: CopyCounts; dbError?: string };

const isMeta = (v: unknown): v is Meta =>
  typeof v === 'object' && v !== null && typeof (v as Meta).dbId === 'string';

interface Records {
  posts: Post[];
  talks: Talk[];
  notes: Note[];
}

function split(all: Record<string, unknown>): Records {
  const out: Records = { posts: [], talks: [], notes: [] };
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith(PREFIX.post)) out.posts.push(value as Post);
    else if (key.startsWith(PREFIX.talk)) out.talks.push(value as Talk);
    else if (key.startsWith(PREFIX.note)) out.notes.push(value as Note);
  }
  return out;
}

export function copyApi(ctx: Ctx, place: CopyPlace) {
  let meta: Meta | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let lastError: string | undefined;

  const readMeta = async () => {
    const got = (await place.get(META))[META];
    meta = isMeta(got) ? got : undefined;
    return meta;
  };

  /** Writes the records now in the database under `ids` (removing those gone) to the copy. */
  const mirror = async (ids: Array<[Kind, string]>, all = false) => {
    const db = await ctx.conn.get();
    if (!db.ok) return;
    const tx = db.value.transaction(['posts', 'talks', 'notes'], 'readonly');
    const items: Record<string, unknown> = {};
    const gone: string[] = [];
    if (all) {
      for (const p of await tx.objectStore('posts').getAll()) items[PREFIX.post + p.id] = p;
      for (const t of await tx.objectStore('talks').getAll()) items[PREFIX.talk + t.id] = t;
      for (const n of await tx.objectStore('notes').getAll()) items[PREFIX.note + n.id] = toNote(n);
      const present = Object.keys(await place.get(null));
      for (const key of present)
        if (key.startsWith('copy:') && key !== META && !(key in items)) gone.push(key);
    } else {
      for (const [kind, id] of ids) {
        const store = tx.objectStore(kind === 'post' ? 'posts' : kind === 'talk' ? 'talks' : 'notes');
        const record = (await store.get(id as never)) as Post | Talk | StoredNote | undefined;
        if (!record) gone.push(PREFIX[kind] + id);
        else items[PREFIX[kind] + id] = kind === 'note' ? toNote(record as StoredNote) : record;
      }
    }
    // The meta is written only once it names the database (check makes it).
    const known = meta ?? (await readMeta());
    if (known) items[META] = { ...known, writtenAt: new Date().toISOString() } satisfies Meta;
    await place.set(items);
    if (gone.length > 0) await place.remove(gone);
  };

  const queue = (job: () => Promise<void>) => {
    const run = chain.then(job).then(
      () => {
        lastError = undefined;
      },
      (e: unknown) => {
        lastError = toStoreError(e).message;
      },
    );
    chain = run;
    return run;
  };

  const readAll = async (): Promise<Records> => split(await place.get(null));

  return {
    /** After a committed write: its records go to the copy (see tx.ts). */
    written(changes: readonly Change[]): void {
      const reset = changes.some((c) => c.type === 'reset');
      const ids: Array<[Kind, string]> = [];
      for (const c of changes)
        if (c.type === 'post' || c.type === 'talk' || c.type === 'note') ids.push([c.type, c.id]);
      if (!reset && ids.length === 0) return;
      void queue(() => mirror(ids, reset));
    },

    /** Resolves once every write so far has reached the copy (tests, and before a check). */
    settled: () => chain.then(() => undefined),

    /** Why the copy's last write failed, if it did. */
    lastError: () => lastError,

    /** Compares the database with the copy (see the top of this file); makes the copy if there is none. */
    async check(): Promise<Result<CopyState, StoreError>> {
      try {
        await chain;
        const known = await readMeta();
        const db = await ctx.conn.get();
        if (!db.ok) {
          if (!known || db.error.code === 'blocked' || db.error.code === 'outdated') return db;
          const copy = await readAll();
          return ok({
            state: 'lost',
            writtenAt: known.writtenAt,
            missing: { posts: copy.posts.length, talks: copy.talks.length, notes: copy.notes.length },
            dbError: db.error.message,
          });
        }
        // The database's id; made here the first time, in one transaction, so two pages
        // starting at once agree on it. Without one while the copy names one: lost.
        const stored = await read(ctx, ['kv'], (tx) => tx.objectStore('kv').get(COPY_ID));
        if (!stored.ok) return stored;
        let id = typeof stored.value === 'string' ? stored.value : undefined;
        if (!id && !known) {
          const made = await write(ctx, ['kv'], async (tx) => {
            const now = (await tx.objectStore('kv').get(COPY_ID)) as string | undefined;
            const next = now ?? newId('note').slice(2);
            if (!now) await tx.objectStore('kv').put(next, COPY_ID);
            return done(next, []);
          });
          if (!made.ok) return made;
          id = made.value;
        }
        if (id && !known) {
          meta = { dbId: id, writtenAt: new Date().toISOString() };
          await place.set({ [META]: meta });
          await queue(() => mirror([], true));
          return ok({ state: 'ok', writtenAt: meta.writtenAt });
        }
        if (!known) return ok({ state: 'ok', writtenAt: '' });
        if (id === known.dbId) return ok({ state: 'ok', writtenAt: known.writtenAt });
        const missing = await this.missing();
        if (!missing.ok) return missing;
        const m = missing.value;
        // The copy holds nothing the database lacks: adopt this database as the one copied.
        if (m.posts + m.talks + m.notes === 0) {
          await this.adopt();
          return ok({ state: 'ok', writtenAt: known.writtenAt });
        }
        return ok({ state: 'lost', writtenAt: known.writtenAt, missing: m });
      } catch (e) {
        return err(toStoreError(e));
      }
    },

    /** What the copy holds that the database doesn't. */
    async missing(): Promise<Result<CopyCounts, StoreError>> {
      const copy = await readAll();
      const db = await ctx.conn.get();
      if (!db.ok) return db;
      const tx = db.value.transaction(['posts', 'talks', 'notes'], 'readonly');
      const have = async (name: 'posts' | 'talks' | 'notes') =>
        new Set<string>((await tx.objectStore(name).getAllKeys()) as string[]);
      const [posts, talks, notes] = [await have('posts'), await have('talks'), await have('notes')];
      return ok({
        posts: copy.posts.filter((p) => !posts.has(p.id)).length,
        talks: copy.talks.filter((t) => !talks.has(t.id)).length,
        notes: copy.notes.filter((n) => !notes.has(n.id)).length,
      });
    },

    /**
     * Puts back every record of the copy that the database doesn't have (never overwriting one
     * it has), in one transaction; then this database is the one the copy follows.
     */
    async restore(): Promise<Result<CopyCounts, StoreError>> {
      await chain;
      const copy = await readAll();
      const restored = await write(ctx, ['posts', 'talks', 'notes', 'images', 'counts'], async (tx) => {
        const posts = tx.objectStore('posts');
        const talks = tx.objectStore('talks');
        const notes = tx.objectStore('notes');
        const images = tx.objectStore('images');
        const n: CopyCounts = { posts: 0, talks: 0, notes: 0 };
        for (const post of copy.posts) {
          if (await posts.getKey(post.id)) continue;
          const { coverImageId, ...rest } = post;
          await posts.put(coverImageId && (await images.getKey(coverImageId)) ? post : rest);
          n.posts++;
        }
        for (const talk of copy.talks) {
          if (await talks.getKey(talk.id)) continue;
          const post = await posts.get(talk.postId);
          if (!post) continue;
          await talks.put(talk);
          n.talks++;
          // A talk whose post was kept must still sit in one of its sections.
          if (!post.sections.some((s) => s.talkIds.includes(talk.id))) {
            const [first, ...others] = post.sections;
            if (first)
              await posts.put({
                ...post,
                sections: [{ ...first, talkIds: [...first.talkIds, talk.id] }, ...others],
              });
          }
        }
        const added: Note[] = [];
        for (const note of copy.notes) {
          if (await notes.getKey(note.id)) continue;
          if (!(await talks.getKey(note.talkId))) continue;
          const { imageId, ...words } = note;
          const kept: Note = imageId && (await images.getKey(imageId)) ? note : words;
          await notes.put({ ...kept, terms: termsOf(kept.text, kept.speaker) });
          added.push(kept);
          n.notes++;
        }
        await shift(tx, countsOf(await talks.getAll(), added));
        return done(n, [{ type: 'reset' }]);
      });
      if (!restored.ok) return restored;
      await this.adopt();
      return restored;
    },

    /** Makes the database the one the copy follows, and copies it whole. */
    async adopt(): Promise<void> {
      const known = meta ?? (await readMeta());
      const dbId = known?.dbId ?? newId('note').slice(2);
      await write(ctx, ['kv'], async (tx) => {
        await tx.objectStore('kv').put(dbId, COPY_ID);
        return done(undefined, []);
      });
      meta = { dbId, writtenAt: new Date().toISOString() };
      await place.set({ [META]: meta });
      await queue(() => mirror([], true));
    },

    /** When the copy was last written ('' before the first time). */
    async writtenAt(): Promise<string> {
      return (meta ?? (await readMeta()))?.writtenAt ?? '';
    },
  };
}

export type CopyApi = ReturnType<typeof copyApi>;
