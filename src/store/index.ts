// The store: the only code that touches IndexedDB. Every call is async and returns a Result
// whose error (StoreError) carries a message fit to show the user as it is. Every committed
// write is announced on the 'talkmark-changes' BroadcastChannel (see onChange).
//
//   const store = openStore();
//   const post = await store.posts.create({ title: 'KubeCon EU — Day 2' });
import type { PostId, Snapshot } from '../core/model';
import type { Result } from '../core/result';
import { Announcer } from './changes';
import { Connection } from './connection';
import { type CopyApi, type CopyPlace, copyApi } from './copy';
import type { StoreError } from './errors';
import { type ImagesApi, imagesApi } from './images';
import { type ImportMode, type ImportReport, importSnapshot } from './import';
import { type NotesApi, notesApi } from './notes';
import { type PostsApi, postsApi } from './posts';
import { DB_NAME } from './schema';
import { type SearchResult, search } from './search';
import { snapshot, snapshotOfPost } from './snapshot';
import { type TalksApi, talksApi } from './talks';
import type { Ctx } from './tx';

export type { NewNote, NewPost, NewTalk, NotePatch, PostPatch, TalkPatch } from '../core/validate-patch';
export type { Change, ChangeMessage } from './changes';
export { CHANGES_CHANNEL, onChange } from './changes';
export type { CopyApi, CopyCounts, CopyPlace, CopyState } from './copy';
export type { StoreError, StoreErrorCode } from './errors';
export type { ImageInput } from './images';
export type { ImportMode, ImportReport, Tally } from './import';
export { DB_VERSION } from './migrations';
export type { AddedNote, DeletedNote } from './notes';
export type { PostView } from './posts';
export type { SearchResult } from './search';
export type { SearchIndex } from './search-index';
export type { MoveTarget } from './talks';

export interface Store {
  posts: PostsApi;
  talks: TalksApi;
  notes: NotesApi;
  images: ImagesApi;
  /** Everything, image bytes included (for Back up). */
  snapshot(): Promise<Result<Snapshot, StoreError>>;
  /** One post, its talks, notes and images (for export); undefined when the post is gone. */
  snapshotOfPost(postId: PostId): Promise<Result<Snapshot | undefined, StoreError>>;
  /** Restore: validates everything, then writes all of it in one transaction or nothing. */
  importSnapshot(snapshot: Snapshot, mode: ImportMode): Promise<Result<ImportReport, StoreError>>;
  search(query: string, limit?: number): Promise<Result<SearchResult, StoreError>>;
  /** The safety copy outside IndexedDB, when the store was opened with a place for it. */
  copy: CopyApi | undefined;
  /** Opens the database now (it otherwise opens on first use); reports a blocked upgrade early. */
  ready(): Promise<Result<void, StoreError>>;
  close(): void;
}

export interface StoreOptions {
  /** Database name; tests and benchmarks use their own. */
  name?: string;
  /** Of write transactions; DURABILITY unless a benchmark compares the two. */
  durability?: IDBTransactionDurability;
  /** Where to keep the safety copy (browser.storage.local); none without it. */
  copy?: CopyPlace;
}

/**
 * Write transactions are 'strict': IndexedDB reports a commit only once it is flushed to disk.
 * Chromium's default ('relaxed', since Chromium 121) reports it as soon as the operating
 * system has it: a browser crash loses nothing either way, but a power cut or a kernel crash
 * can lose the last second of commits, or leave the database damaged, and Chromium discards a
 * database it finds damaged. A note is saved one keystroke behind the keyboard; the answer
 * coming later costs nobody anything, since the next save only waits for it. Measured in the
 * same run (npm run bench:capture, "store durability"): see docs/security.md for the figures.
 */
export const DURABILITY: IDBTransactionDurability = 'strict';

/** A store over the extension origin's IndexedDB. Cheap: the database opens on first use. */
export function openStore(options: StoreOptions = {}): Store {
  const ctx: Ctx = {
    conn: new Connection(options.name ?? DB_NAME),
    announcer: new Announcer(),
    durability: options.durability ?? DURABILITY,
  };
  const copy = options.copy && copyApi(ctx, options.copy);
  if (copy) ctx.copy = copy;
  return {
    copy,
    posts: postsApi(ctx),
    talks: talksApi(ctx),
    notes: notesApi(ctx),
    images: imagesApi(ctx),
    snapshot: () => snapshot(ctx),
    snapshotOfPost: (postId) => snapshotOfPost(ctx, postId),
    importSnapshot: (snap, mode) => importSnapshot(ctx, snap, mode),
    search: (query, limit) => search(ctx, query, limit),
    async ready() {
      const db = await ctx.conn.get();
      return db.ok ? { ok: true, value: undefined } : db;
    },
    close() {
      ctx.conn.close();
      ctx.announcer.close();
    },
  };
}
export {
  type LibraryQueries,
  openLibraryQueries,
  type PopupSummary,
  type PostSummary,
} from './library-queries';
