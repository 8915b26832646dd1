// The popup's first read with a hint (what the last read found): one round of requests when
// the hint is right, and the same answer as without a hint whatever the hint says, over random
// libraries, edits and tabs, with hints stale, made up, nearly right or spoiled.
import { afterEach, describe, expect, it } from 'vitest';
import type { PostId, TalkId } from '../../../src/core/model';
import { openLibraryQueries } from '../../../src/store';
import { asPopupHint, type PopupHint } from '../../../src/store/popup-query';
import { rng } from '../slides/synth';
import { freshStore, must } from './helpers';

/**
 * For each request issued on an object store or index, how many requests had been answered
 * when it went out: a read in one round issues every request before the first answer.
 */
function watchRounds(): { issuedAfter: number[]; stop(): void } {
  const issuedAfter: number[] = [];
  let answered = 0;
  const undo: Array<() => void> = [];
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    for (const name of ['get', 'getAll', 'getAllKeys'] as const) {
      const target = proto as unknown as Record<string, (...args: unknown[]) => IDBRequest>;
      const original = target[name] as (...args: unknown[]) => IDBRequest;
      target[name] = function (this: unknown, ...args: unknown[]) {
        const request = original.apply(this, args);
        issuedAfter.push(answered);
        request.addEventListener('success', () => answered++);
        return request;
      };
      undo.push(() => {
        target[name] = original;
      });
    }
  }
  return {
    issuedAfter,
    stop: () => {
      for (const u of undo) u();
    },
  };
}

let watching: ReturnType<typeof watchRounds> | undefined;
afterEach(() => watching?.stop());

/** A library of `posts` posts, each with `talks` talks of two notes, the last post active. */
async function library(posts: number, talks: number) {
  const { store, name } = freshStore();
  const ids: PostId[] = [];
  for (let p = 0; p < posts; p++) {
    const post = must(await store.posts.create({ title: `Day ${p}` }));
    ids.push(post.id);
    for (let t = 0; t < talks; t++) {
      const { talk } = must(
        await store.talks.findOrCreate({
          postId: post.id,
          url: `https://youtu.be/v${p}x${t}`,
          site: 'youtube',
          videoId: `v${p}x${t}`,
        }),
      );
      for (const time of [30, 10])
        must(await store.notes.add({ talkId: talk.id, time, kind: 'text', text: `n${time}` }));
    }
  }
  must(await store.posts.setActive(ids[ids.length - 1] as PostId));
  return { store, name, ids };
}

describe('the popup read with a hint', () => {
  it('asks for everything in one round when the hint is right, and in three without one', async () => {
    const { store, name } = await library(8, 3);
    const queries = openLibraryQueries({ name });
    const cold = must(await queries.popup(undefined));
    expect(cold.hint).toBeDefined();
    watching = watchRounds();
    const warm = must(await queries.popup(undefined, 5, 5, cold.hint));
    expect(warm).toEqual(cold);
    expect(watching.issuedAfter.length).toBeGreaterThan(0);
    expect(Math.max(...watching.issuedAfter)).toBe(0);
    watching.stop();
    // Over a video of another post: its talk's records go out in the same round too.
    const tab = { site: 'youtube' as const, videoId: 'v3x1' };
    const coldTab = must(await queries.popup(tab));
    expect(coldTab.here?.talk.videoId).toBe('v3x1');
    expect(coldTab.hint?.here?.videoId).toBe('v3x1');
    watching = watchRounds();
    expect(must(await queries.popup(tab, 5, 5, coldTab.hint))).toEqual(coldTab);
    expect(Math.max(...watching.issuedAfter)).toBe(0);
    watching.stop();
    // Without a hint: the active post's id, then the post, then what its sections name.
    watching = watchRounds();
    must(await queries.popup(undefined));
    expect(new Set(watching.issuedAfter).size).toBeGreaterThanOrEqual(3);
    queries.close();
    store.close();
  });

  it('answers as without a hint, whatever the hint, across random edits', async () => {
    const random = rng(20261207);
    const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(random() * xs.length)];
    const { store, name, ids } = await library(9, 2);
    const queries = openLibraryQueries({ name });
    const talkIds: TalkId[] = [];
    const videos = ids.flatMap((_, p) => [0, 1].map((t) => `v${p}x${t}`));
    for (const id of ids)
      for (const s of must(await store.posts.get(id))?.sections ?? []) talkIds.push(...s.talkIds);
    let stale: PopupHint | undefined;
    let hits = 0;
    let overVideo = 0;
    for (let step = 0; step < 60; step++) {
      const live = must(await store.posts.list()).map((p) => p.id);
      const r = random();
      // An edit: a new post, a post made active, renamed or deleted, a talk added, moved or
      // deleted, a note added to a talk.
      if (r < 0.12) ids.push(must(await store.posts.create({ title: `New ${step}` })).id);
      else if (r < 0.3 && live.length) must(await store.posts.setActive(pick(live) as PostId));
      else if (r < 0.45 && live.length)
        must(await store.posts.update(pick(live) as PostId, { title: `R${step}` }));
      else if (r < 0.55 && live.length > 1) must(await store.posts.delete(pick(live) as PostId));
      else if (r < 0.7 && live.length) {
        // A new video, or one another post has a talk of already.
        const postId = pick(live) as PostId;
        const videoId = random() < 0.5 ? `s${step}` : (pick(videos) as string);
        const made = must(
          await store.talks.findOrCreate({
            postId,
            url: `https://youtu.be/${videoId}`,
            site: 'youtube',
            videoId,
          }),
        );
        talkIds.push(made.talk.id);
        videos.push(videoId);
      } else if (r < 0.75 && talkIds.length && live.length) {
        // A talk moved to another post keeps its id.
        const to = must(await store.posts.get(pick(live) as PostId));
        const sectionId = to?.sections[0]?.id;
        if (to && sectionId) await store.talks.move(pick(talkIds) as TalkId, { postId: to.id, sectionId });
      } else if (r < 0.82 && talkIds.length) await store.talks.delete(pick(talkIds) as TalkId);
      else if (talkIds.length)
        await store.notes.add({
          talkId: pick(talkIds) as TalkId,
          time: step,
          kind: 'text',
          text: `s${step}`,
        });
      // The tab: none, a video of the library, a video it has no talk of.
      const video = pick([undefined, 'zzzzzzzzzzz', ...videos, ...videos]);
      const tab = video === undefined ? undefined : { site: 'youtube' as const, videoId: video };
      const truth = must(await queries.popup(tab, 3, 2));
      // Hints: last read's (stale by one edit), this read's own, made up from live ids.
      const madeUp: PopupHint = {
        active: (pick(ids) ?? ('post-x' as PostId)) as PostId,
        ...(random() < 0.8 ? { last: (pick(talkIds) ?? ('talk-x' as TalkId)) as TalkId } : {}),
        since: pick(['', '9999', '2000-01-01T00:00:00.000Z', truth.hint?.since ?? '']) as string,
        ...(random() < 0.7
          ? {
              here: {
                site: 'youtube' as const,
                videoId: random() < 0.7 ? (video ?? 'x') : (pick(videos) as string),
                talk: (pick(talkIds) ?? ('talk-x' as TalkId)) as TalkId,
                post: (pick(ids) ?? ('post-x' as PostId)) as PostId,
              },
            }
          : {}),
      };
      // A near miss: this read's own hint with one part changed, the rest right.
      const own = truth.hint;
      const other = {
        active: (pick(ids) ?? 'post-x') as PostId,
        last: (pick(talkIds) ?? 'talk-x') as TalkId,
        since: pick(['', '9999', '2000-01-01T00:00:00.000Z']) as string,
      };
      const part = pick(['active', 'last', 'since', 'talk', 'post', 'videoId'] as const);
      const nearMiss: PopupHint | undefined = own && {
        ...own,
        ...(part === 'active' || part === 'last' || part === 'since' ? { [part]: other[part] } : {}),
        ...(own.here && part === 'talk' ? { here: { ...own.here, talk: other.last } } : {}),
        ...(own.here && part === 'post' ? { here: { ...own.here, post: other.active } } : {}),
        ...(own.here && part === 'videoId' ? { here: { ...own.here, videoId: pick(videos) as string } } : {}),
      };
      for (const hint of [stale, own, madeUp, nearMiss]) {
        const guessed = must(await queries.popup(tab, 3, 2, hint));
        expect(guessed).toEqual(truth);
      }
      const general = (h: PopupHint | undefined) => JSON.stringify({ ...h, here: undefined });
      if (stale && general(stale) === general(truth.hint)) hits++;
      if (truth.hint?.here) overVideo++;
      stale = truth.hint;
    }
    // The walk went through both: hints that still held and hints an edit had made wrong.
    expect(hits).toBeGreaterThan(5);
    expect(hits).toBeLessThan(55);
    expect(overVideo).toBeGreaterThan(10);
    queries.close();
    store.close();
  });

  it('takes a hint kept outside the database only when it has the right shape', () => {
    expect(asPopupHint({ active: 'p1', last: 't1', since: '' })).toEqual({
      active: 'p1',
      last: 't1',
      since: '',
    });
    expect(asPopupHint({ active: 'p1', since: '2026-12-07' })).toEqual({ active: 'p1', since: '2026-12-07' });
    const here = { site: 'youtube', videoId: 'AAAAAAAAAAA', talk: 't1', post: 'p1' };
    expect(asPopupHint({ active: 'p1', since: '', here, extra: 1 })).toEqual({
      active: 'p1',
      since: '',
      here,
    });
    for (const spoiled of [
      null,
      'p1',
      42,
      [],
      {},
      { active: 1, since: '' },
      { active: 'p1' },
      { active: 'p1', since: '', last: 3 },
      { active: 'p1', since: '', here: 'v' },
      { active: 'p1', since: '', here: null },
      { active: 'p1', since: '', here: { ...here, talk: 7 } },
    ])
      expect(asPopupHint(spoiled)).toBeUndefined();
  });
});
