// The popup's read, in a module of its own: the popup loads it (with the connection) before its
// first paint, and nothing else of the store's queries (the search index is the library's).
import type { Note, Post, PostId, Site, Talk, TalkId } from '../core/model';
import { ok, type Result } from '../core/result';
import { Announcer } from './changes';
import { Connection } from './connection';
import type { StoreError } from './errors';
import { byTime, DB_NAME, type StoredNote, toNote } from './schema';
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
  /** For the next read: see PopupHint. */
  hint?: PopupHint;
}

export interface Tab {
  site: Site;
  videoId: string;
}

const ACTIVE_POST = 'activePostId';

/** The active post and what the popup shows of it, read without knowing the tab. */
interface General {
  active: Post | undefined;
  own: { notes: number; slides: number } | undefined;
  recent: Post[];
  /** The active post's last talk (that exists) and its last notes. */
  last: { talk: Talk; notes: Note[] } | undefined;
  next: PopupHint | undefined;
}

/**
 * What a read found, for the next read to guess from, so that it can ask for everything in
 * one round: the active post, its last talk, the edit time of the oldest recent post shown
 * ('' when they were all the posts there were), and the talk shown for the tab's video. Only
 * ever a guess: each part is checked against the database's own answers, and what turned out
 * different is read the long way.
 */
export interface PopupHint {
  active: PostId;
  last?: TalkId;
  since: string;
  /** The tab's video the last popup was over, and the talk (and its post) it showed for it. */
  here?: { site: Site; videoId: string; talk: TalkId; post: PostId };
}

/** A hint as kept outside the database (localStorage), checked: anything else is no hint. */
export function asPopupHint(value: unknown): PopupHint | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { active, last, since, here } = value as Record<string, unknown>;
  if (typeof active !== 'string' || typeof since !== 'string') return undefined;
  if (last !== undefined && typeof last !== 'string') return undefined;
  const h = here as Record<string, unknown> | undefined;
  const strings = (o: Record<string, unknown>, keys: string[]) => keys.every((k) => typeof o[k] === 'string');
  if (
    h !== undefined &&
    (typeof h !== 'object' || h === null || !strings(h, ['site', 'videoId', 'talk', 'post']))
  )
    return undefined;
  return {
    active: active as PostId,
    ...(last === undefined ? {} : { last: last as TalkId }),
    since,
    ...(h
      ? {
          here: {
            site: h.site as Site,
            videoId: h.videoId as string,
            talk: h.talk as TalkId,
            post: h.post as PostId,
          },
        }
      : {}),
  };
}

/** A request whose failure is also the transaction's (and said there): not unhandled when unused. */
function quiet<T>(request: Promise<T>): Promise<T> {
  request.catch(() => {});
  return request;
}

export function popupQueries(ctx: Ctx) {
  /** The last `limit` of a talk's notes by video time. */
  const lastOf = (stored: StoredNote[], limit: number) => stored.map(toNote).sort(byTime).slice(-limit);

  /**
   * What needs no tab: the active post, `recentLimit` other posts, its stored counts and the
   * last notes of its last talk. On a busy machine each round trip to the database is what
   * costs, so requests go out in rounds, not one after another: without a hint, three (the
   * active post's id and the posts' edit order; the active post; what needs its sections);
   * with a right hint, one: the hint's guesses go out with the first round, and each is used
   * only where the answers it guessed turn out the same (one transaction: one snapshot).
   */
  const general = (recentLimit: number, latestLimit: number, hint?: PopupHint) =>
    read(ctx, ['kv', 'posts', 'talks', 'notes', 'counts'], async (tx): Promise<General> => {
      const posts = tx.objectStore('posts');
      const byUpdated = posts.index('byUpdated');
      const counts = tx.objectStore('counts');
      const talkStore = tx.objectStore('talks');
      const byTalk = tx.objectStore('notes').index('byTalk');
      // The first round: what needs no other answer, and the hint's guesses.
      const activeId = tx
        .objectStore('kv')
        .get(ACTIVE_POST)
        .then((id) => (typeof id === 'string' ? (id as PostId) : undefined));
      const guess = hint && {
        post: quiet(posts.get(hint.active)),
        own: quiet(counts.get(hint.active)),
        talk: quiet(hint.last ? talkStore.get(hint.last) : Promise.resolve(undefined)),
        notes: quiet(hint.last ? byTalk.getAll(hint.last) : Promise.resolve([])),
        // The posts edited since the oldest recent one shown last time, in edit order.
        edited: byUpdated.getAll(IDBKeyRange.lowerBound(hint.since)),
      };
      // Post ids in edit order (keys only): the recent ones are the last few.
      const byEdit = guess ? undefined : byUpdated.getAllKeys();
      const activeP = activeId.then((id) =>
        id === undefined ? undefined : guess && id === hint?.active ? guess.post : posts.get(id),
      );
      const recentP = Promise.all([activeId, guess?.edited, byEdit]).then(async ([id, edited, keys]) => {
        if (edited) {
          const others = edited.filter((p) => p.id !== id);
          // Right when at least as many were edited since as are shown (every post not among
          // them was edited before all of them), or when last time's were all there were.
          if (others.length >= recentLimit || hint?.since === '') return others.slice(-recentLimit).reverse();
        }
        const ids = (keys ?? (await byUpdated.getAllKeys()))
          .filter((k) => k !== id)
          .slice(-recentLimit)
          .reverse();
        return (await Promise.all(ids.map((k) => posts.get(k)))).filter((p) => p !== undefined);
      });
      const active = await activeP;
      const sectionIds = active ? active.sections.flatMap((s) => s.talkIds) : [];
      const lastId = sectionIds.at(-1);
      const known = guess && lastId !== undefined && lastId === hint?.last;
      const [own, lastTalk, lastNotes, recent] = await Promise.all([
        active ? (guess && active.id === hint?.active ? guess.own : counts.get(active.id)) : undefined,
        lastId ? (known ? guess.talk : talkStore.get(lastId)) : undefined,
        lastId ? (known ? guess.notes : byTalk.getAll(lastId)).then((n) => lastOf(n, latestLimit)) : [],
        recentP,
      ]);
      let last = lastTalk && { talk: lastTalk, notes: lastNotes };
      if (!last && active && sectionIds.length > 0) {
        // The sections name a talk that is gone: show the last one that exists.
        const existing = new Set(await talkStore.index('byPost').getAllKeys(active.id));
        const id = sectionIds.findLast((t) => existing.has(t));
        const talk = id && (await talkStore.get(id));
        last = talk ? { talk, notes: lastOf(await byTalk.getAll(talk.id), latestLimit) } : undefined;
      }
      const next = active && {
        active: active.id,
        ...(lastId ? { last: lastId } : {}),
        since: recent.length < recentLimit ? '' : (recent.at(-1)?.updatedAt ?? ''),
      };
      return { active, own, recent, last, next };
    });

  /**
   * The tab's talk (in the active post, else any post), its counts, post and last notes: two
   * rounds (the video's talks and the active post's id, then the talk's records), one when the
   * hint names the talk the last popup showed for this video and it is still the one.
   */
  const here = (tab: Tab, latestLimit: number, hint?: PopupHint) =>
    read(ctx, ['kv', 'posts', 'talks', 'notes', 'counts'], async (tx) => {
      const posts = tx.objectStore('posts');
      const counts = tx.objectStore('counts');
      const byTalk = tx.objectStore('notes').index('byTalk');
      // The talk the last popup showed for this same video: its records go out with the first round.
      const h = hint?.here?.site === tab.site && hint.here.videoId === tab.videoId ? hint.here : undefined;
      const guess = h && {
        counts: quiet(counts.get(h.talk)),
        post: quiet(posts.get(h.post)),
        notes: quiet(byTalk.getAll(h.talk)),
      };
      const [activeId, sameVideo] = await Promise.all([
        tx.objectStore('kv').get(ACTIVE_POST),
        tx.objectStore('talks').index('byVideo').getAll(tab.videoId),
      ]);
      const same = sameVideo.filter((t) => t.site === tab.site);
      const talk = same.find((t) => t.postId === activeId) ?? same[0];
      if (!talk) return undefined;
      const right = guess && talk.id === h?.talk && talk.postId === h.post;
      const [count, post, notes] = await Promise.all([
        right ? guess.counts : counts.get(talk.id),
        right ? guess.post : posts.get(talk.postId),
        (right ? guess.notes : byTalk.getAll(talk.id)).then((n) => lastOf(n, latestLimit)),
      ]);
      return { talk, counts: count, post, notes };
    });

  return {
    /**
     * Everything the popup paints, and no more: the active post, `recentLimit` other posts,
     * the tab's talk, stored counts and `latestLimit` notes of one talk (the tab's, or the
     * active post's last). `tab` may still be on its way: what needs no tab is read meanwhile
     * (asking the browser for the tab takes as long as opening the database), and the tab's
     * talk once it is known.
     */
    popup: async (
      tab: Tab | undefined | Promise<Tab | undefined>,
      recentLimit = 5,
      latestLimit = 5,
      hint?: PopupHint,
    ): Promise<Result<PopupSummary, StoreError>> => {
      const g = general(recentLimit, latestLimit, hint);
      const t = await tab;
      const [gr, hr] = await Promise.all([g, t ? here(t, latestLimit, hint) : ok(undefined)]);
      if (!gr.ok) return gr;
      if (!hr.ok) return hr;
      const { active, own, recent, last, next } = gr.value;
      const h = hr.value;
      return ok({
        active,
        counts: {
          talks: active ? active.sections.reduce((n, s) => n + s.talkIds.length, 0) : 0,
          notes: own?.notes ?? 0,
          slides: own?.slides ?? 0,
        },
        recent,
        here: h && {
          talk: h.talk,
          noteCount: h.counts?.notes ?? 0,
          slideCount: h.counts?.slides ?? 0,
          post: h.post,
        },
        latest: h ? { talk: h.talk, notes: h.notes } : last,
        ...(next
          ? {
              hint: {
                ...next,
                ...(h && t
                  ? { here: { site: t.site, videoId: t.videoId, talk: h.talk.id, post: h.talk.postId } }
                  : {}),
              },
            }
          : {}),
      });
    },
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
