// Cheap reads for the popup and the library's lists: counts come from the byTalk index
// (IDBIndex.count), never from loading notes, so a first paint stays fast with years of notes.
// Also a small key-value slot for what a page wants to remember between visits (the export
// folder's FileSystemDirectoryHandle, which is structured-cloneable but not JSON).
// Adds no field to the Store interface; its Connection shares the page's one open database
// with the store's (connection.ts).
import type { Note, Post, PostId, Site, Talk, TalkId } from '../core/model';
import type { Result } from '../core/result';
import { Announcer } from './changes';
import { Connection } from './connection';
import type { StoreError } from './errors';
import { byTime } from './posts';
import { DB_NAME, toNote } from './schema';
import { type Ctx, done, read, write } from './tx';

/** What the popup shows, read in one transaction. */
export interface PopupSummary {
  active: Post | undefined;
  /** The active post's talks in section order, each with its note count. */
  talks: Array<{ talk: Talk; noteCount: number }>;
  /** Posts other than the active one, most recently edited first. */
  recent: Post[];
  /** The current tab's talk in the active post (or any post), when the tab plays one we know. */
  here: { talk: Talk; noteCount: number; post: Post | undefined } | undefined;
  /** The last notes (by video time) of `here`'s talk, or of the active post's last talk. */
  latest: { talk: Talk; notes: Note[] } | undefined;
}

export interface PostSummary {
  post: Post;
  talkCount: number;
  noteCount: number;
}

export interface Tab {
  site: Site;
  videoId: string;
}

const ACTIVE_POST = 'activePostId';

export function libraryQueries(ctx: Ctx) {
  return {
    /**
     * Everything the popup paints; `recentLimit` posts, `latestLimit` notes. Requests go out
     * in two rounds (what needs no other answer, then what needs the active post), not one
     * after another: on a busy machine each round trip to the database is what costs.
     */
    popup: (
      tab: Tab | undefined,
      recentLimit = 5,
      latestLimit = 5,
    ): Promise<Result<PopupSummary, StoreError>> =>
      read(ctx, ['kv', 'posts', 'talks', 'notes'], async (tx) => {
        const talkStore = tx.objectStore('talks');
        const byTalk = tx.objectStore('notes').index('byTalk');
        const notesOf = async (id: TalkId) =>
          (await byTalk.getAll(id)).map(toNote).sort(byTime).slice(-latestLimit);
        const [activeId, posts, sameVideo] = await Promise.all([
          tx.objectStore('kv').get(ACTIVE_POST),
          tx.objectStore('posts').getAll(),
          tab ? talkStore.index('byVideo').getAll(tab.videoId) : [],
        ]);
        const active = posts.find((p) => p.id === activeId);
        const same = sameVideo.filter((t) => t.site === tab?.site);
        const hereTalk = same.find((t) => t.postId === active?.id) ?? same[0];
        const sectionIds = active ? active.sections.flatMap((s) => s.talkIds) : [];
        // The notes shown: the tab's talk, or else the active post's last talk.
        const shownId = hereTalk?.id ?? sectionIds.at(-1);
        const [own, counts, hereCount, shownNotes] = await Promise.all([
          active ? talkStore.index('byPost').getAll(active.id) : [],
          Promise.all(sectionIds.map((id) => byTalk.count(id))),
          hereTalk ? byTalk.count(hereTalk.id) : 0,
          shownId ? notesOf(shownId) : [],
        ]);
        const byId = new Map(own.map((t) => [t.id, t]));
        const talks: PopupSummary['talks'] = sectionIds.flatMap((id, i) => {
          const talk = byId.get(id);
          return talk ? [{ talk, noteCount: counts[i] ?? 0 }] : [];
        });
        const here: PopupSummary['here'] = hereTalk && {
          talk: hereTalk,
          noteCount: hereCount,
          post: posts.find((p) => p.id === hereTalk.postId),
        };
        let latest: PopupSummary['latest'];
        const shown = hereTalk ?? (shownId && byId.get(shownId));
        if (shown) latest = { talk: shown, notes: shownNotes };
        else {
          // The sections name a talk that is gone: show the last one that exists.
          const last = talks.at(-1)?.talk;
          latest = last && { talk: last, notes: await notesOf(last.id) };
        }
        const recent = posts
          .filter((p) => p.id !== active?.id)
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
          .slice(0, recentLimit);
        return { active, talks, recent, here, latest };
      }),

    /** Every post with how many talks and notes it holds (counted through the indexes). */
    postSummaries: () =>
      read(ctx, ['posts', 'talks', 'notes'], async (tx): Promise<PostSummary[]> => {
        const [posts, talks] = await Promise.all([
          tx.objectStore('posts').getAll(),
          tx.objectStore('talks').getAll(),
        ]);
        const byTalk = tx.objectStore('notes').index('byTalk');
        const counts = await Promise.all(talks.map((t) => byTalk.count(t.id)));
        const perPost = new Map<PostId, { talks: number; notes: number }>();
        talks.forEach((t, i) => {
          const c = perPost.get(t.postId) ?? { talks: 0, notes: 0 };
          c.talks++;
          c.notes += counts[i] ?? 0;
          perPost.set(t.postId, c);
        });
        return posts.map((post) => ({
          post,
          talkCount: perPost.get(post.id)?.talks ?? 0,
          noteCount: perPost.get(post.id)?.notes ?? 0,
        }));
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

export type LibraryQueries = ReturnType<typeof libraryQueries> & { close(): void };

export function openLibraryQueries(options: { name?: string } = {}): LibraryQueries {
  const ctx: Ctx = { conn: new Connection(options.name ?? DB_NAME), announcer: new Announcer() };
  return {
    ...libraryQueries(ctx),
    close() {
      ctx.conn.close();
      ctx.announcer.close();
    },
  };
}
