// Cheap reads for the popup (popup-query.ts) and the library's lists: counts are the stored ones (counts.ts,
// schema v4), never counted from the notes, and the popup reads only the records its first
// screen shows, so a first paint stays fast with years of notes.
// Also a small key-value slot for what a page wants to remember between visits (the export
// folder's FileSystemDirectoryHandle, which is structured-cloneable but not JSON).
// Adds no field to the Store interface; its Connection shares the page's one open database
// with the store's (connection.ts).
import type { Post, TalkId } from '../core/model';
import { Announcer } from './changes';
import { Connection } from './connection';
import { noCounts } from './counts';
import { popupQueries } from './popup-query';
import { type Counts, DB_NAME } from './schema';
import { SearchIndex } from './search-index';
import { type Ctx, done, read, write } from './tx';

export interface PostSummary {
  post: Post;
  talkCount: number;
  noteCount: number;
  slideCount: number;
}

export type { PopupSummary, Tab } from './popup-query';

export function libraryQueries(ctx: Ctx) {
  return {
    ...popupQueries(ctx),

    /** Every post with how many talks, notes and slides it holds (the stored counts). */
    postSummaries: () =>
      read(ctx, ['posts', 'counts'], async (tx): Promise<PostSummary[]> => {
        const counts = tx.objectStore('counts');
        const [posts, ids, values] = await Promise.all([
          tx.objectStore('posts').getAll(),
          counts.getAllKeys(),
          counts.getAll(),
        ]);
        const byId = new Map<string, Counts>(ids.map((id, i) => [id, values[i] ?? noCounts]));
        return posts.map((post) => {
          const c = byId.get(post.id) ?? noCounts;
          return {
            post,
            talkCount: post.sections.reduce((n, s) => n + s.talkIds.length, 0),
            noteCount: c.notes,
            slideCount: c.slides,
          };
        });
      }),

    /** Talks by id (search results name the talk and post a note is in). */
    talksById: (ids: readonly TalkId[]) =>
      read(ctx, ['talks'], async (tx) => {
        const found = await Promise.all([...new Set(ids)].map((id) => tx.objectStore('talks').get(id)));
        return new Map(found.flatMap((t) => (t ? [[t.id, t] as const] : [])));
      }),

    getKv: (key: string) => read(ctx, ['kv'], (tx) => tx.objectStore('kv').get(key)),

    setKv: (key: string, value: unknown) =>
      write(ctx, ['kv'], async (tx) => {
        await tx.objectStore('kv').put(value, key);
        return done(undefined, [{ type: 'kv', key }]);
      }),
  };
}

export type LibraryQueries = ReturnType<typeof libraryQueries> & {
  /** A search index over this database, for a page that searches (search-index.ts). */
  searchIndex(): SearchIndex;
  /** Opens the database now (a page starts it while it waits for something else). */
  ready(): Promise<unknown>;
  close(): void;
};

export function openLibraryQueries(options: { name?: string } = {}): LibraryQueries {
  // Reads only: the durability of writes doesn't apply.
  const ctx: Ctx = {
    conn: new Connection(options.name ?? DB_NAME),
    announcer: new Announcer(),
    durability: 'default',
  };
  return {
    ...libraryQueries(ctx),
    searchIndex: () => new SearchIndex(ctx),
    ready: () => ctx.conn.get(),
    close() {
      ctx.conn.close();
      ctx.announcer.close();
    },
  };
}
