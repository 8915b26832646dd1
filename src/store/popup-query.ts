// The popup's one read, in a module of its own: the popup loads it (with the connection) before
// its first paint, and nothing else of the store's queries (the search index is the library's).
import type { Note, Post, PostId, Site, Talk, TalkId } from '../core/model';
import type { Result } from '../core/result';
import { Announcer } from './changes';
import { Connection } from './connection';
import type { StoreError } from './errors';
import { byTime, DB_NAME, toNote } from './schema';
import { type Ctx, read } from './tx';

/** What the popup shows, read in one transaction. */
export interface PopupSummary {
  active: Post | undefined;
  /** The active post's talks, notes and slides (all zero without one). */
  counts: { talks: number; notes: number; slides: number };
  /** Posts other than the active one, most recently edited first. */
  recent: Post[];
  /** The current tab's talk in the active post (or any post), when the tab plays one we know. */
  here: { talk: Talk; noteCount: number; slideCount: number; post: Post | undefined } | undefined;
  /** The last notes (by video time) of `here`'s talk, or of the active post's last talk. */
  latest: { talk: Talk; notes: Note[] } | undefined;
}

export interface Tab {
  site: Site;
  videoId: string;
}

const ACTIVE_POST = 'activePostId';

export function popupQueries(ctx: Ctx) {
  return {
    /**
     * Everything the popup paints, and no more: the active post, `recentLimit` other posts,
     * the tab's talk, stored counts and `latestLimit` notes of one talk. Requests go out in two
     * rounds (what needs no other answer, then what needs the active post), not one after
     * another: on a busy machine each round trip to the database is what costs.
     */
    popup: (
      tab: Tab | undefined,
      recentLimit = 5,
      latestLimit = 5,
    ): Promise<Result<PopupSummary, StoreError>> =>
      read(ctx, ['kv', 'posts', 'talks', 'notes', 'counts'], async (tx) => {
        const posts = tx.objectStore('posts');
        const talkStore = tx.objectStore('talks');
        const counts = tx.objectStore('counts');
        const byTalk = tx.objectStore('notes').index('byTalk');
        const notesOf = async (id: TalkId) =>
          (await byTalk.getAll(id)).map(toNote).sort(byTime).slice(-latestLimit);
        const [active, sameVideo, byEdit] = await Promise.all([
          tx
            .objectStore('kv')
            .get(ACTIVE_POST)
            .then((id) => (typeof id === 'string' ? posts.get(id as PostId) : undefined)),
          tab ? talkStore.index('byVideo').getAll(tab.videoId) : [],
          // Post ids in edit order (keys only): the recent ones are the last few.
          posts.index('byUpdated').getAllKeys(),
        ]);
        const same = sameVideo.filter((t) => t.site === tab?.site);
        const hereTalk = same.find((t) => t.postId === active?.id) ?? same[0];
        const sectionIds = active ? active.sections.flatMap((s) => s.talkIds) : [];
        // The notes shown: the tab's talk, or else the active post's last talk.
        const shownId = hereTalk?.id ?? sectionIds.at(-1);
        const recentIds = byEdit
          .filter((id) => id !== active?.id)
          .slice(-recentLimit)
          .reverse();
        const [own, hereCounts, herePost, shownTalk, shownNotes, recent] = await Promise.all([
          active ? counts.get(active.id) : undefined,
          hereTalk ? counts.get(hereTalk.id) : undefined,
          hereTalk && hereTalk.postId !== active?.id ? posts.get(hereTalk.postId) : active,
          hereTalk ?? (shownId ? talkStore.get(shownId) : undefined),
          shownId ? notesOf(shownId) : [],
          Promise.all(recentIds.map((id) => posts.get(id))),
        ]);
        let latest: PopupSummary['latest'];
        if (shownTalk) latest = { talk: shownTalk, notes: shownNotes };
        else if (active && sectionIds.length > 0) {
          // The sections name a talk that is gone: show the last one that exists.
          const existing = new Set(await talkStore.index('byPost').getAllKeys(active.id));
          const lastId = sectionIds.findLast((id) => existing.has(id));
          const last = lastId && (await talkStore.get(lastId));
          latest = last ? { talk: last, notes: await notesOf(last.id) } : undefined;
        }
        return {
          active,
          counts: {
            talks: sectionIds.length,
            notes: own?.notes ?? 0,
            slides: own?.slides ?? 0,
          },
          recent: recent.filter((p) => p !== undefined),
          here: hereTalk && {
            talk: hereTalk,
            noteCount: hereCounts?.notes ?? 0,
            slideCount: hereCounts?.slides ?? 0,
            post: herePost,
          },
          latest,
        };
      }),
  };
}

export type PopupQueries = ReturnType<typeof popupQueries> & {
  /** Opens the database now (a page starts it while it waits for something else). */
  ready(): Promise<unknown>;
};

/** The popup's read over its own connection (shared with any other in the page: connection.ts). */
export function openPopupQueries(options: { name?: string } = {}): PopupQueries {
  const ctx: Ctx = {
    conn: new Connection(options.name ?? DB_NAME),
    announcer: new Announcer(),
    durability: 'default',
  };
  return { ...popupQueries(ctx), ready: () => ctx.conn.get() };
}
