// The popup's first read with a hint (what the last read found): one round of requests when
// the hint is right, and the same answer as without a hint whatever the hint says, over random
// libraries and edits, with hints stale, made up or spoiled.
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
    for (const id of ids)
      for (const s of must(await store.posts.get(id))?.sections ?? []) talkIds.push(...s.talkIds);
    let stale: PopupHint | undefined;
    let hits = 0;
    for (let step = 0; step < 60; step++) {
      const live = must(await store.posts.list()).map((p) => p.id);
      const r = random();
      // An edit: a new post, a post made active, renamed or deleted, a talk added or deleted,
      // a note added to a talk.
      if (r < 0.12) ids.push(must(await store.posts.create({ title: `New ${step}` })).id);
      else if (r < 0.3 && live.length) must(await store.posts.setActive(pick(live) as PostId));
      else if (r < 0.45 && live.length)
        must(await store.posts.update(pick(live) as PostId, { title: `R${step}` }));
      else if (r < 0.55 && live.length > 1) must(await store.posts.delete(pick(live) as PostId));
      else if (r < 0.7 && live.length) {
        const postId = pick(live) as PostId;
        const made = must(
          await store.talks.findOrCreate({
            postId,
            url: `https://youtu.be/s${step}`,
            site: 'youtube',
            videoId: `s${step}`,
          }),
        );
        talkIds.push(made.talk.id);
      } else if (r < 0.8 && talkIds.length) await store.talks.delete(pick(talkIds) as TalkId);
      else if (talkIds.length)
        await store.notes.add({
          talkId: pick(talkIds) as TalkId,
          time: step,
          kind: 'text',
          text: `s${step}`,
        });
      const truth = must(await queries.popup(undefined, 3, 2));
      // Hints: last read's (stale by one edit), this read's own, made up from live ids, spoiled.
      const madeUp: PopupHint = {
        active: (pick(ids) ?? ('post-x' as PostId)) as PostId,
        ...(random() < 0.8 ? { last: (pick(talkIds) ?? ('talk-x' as TalkId)) as TalkId } : {}),
        since: pick(['', '9999', '2000-01-01T00:00:00.000Z', truth.hint?.since ?? '']) as string,
      };
      for (const hint of [stale, truth.hint, madeUp]) {
        const guessed = must(await queries.popup(undefined, 3, 2, hint));
        expect(guessed).toEqual(truth);
      }
      if (stale && JSON.stringify(stale) === JSON.stringify(truth.hint)) hits++;
      stale = truth.hint;
    }
    // The walk went through both: hints that still held and hints an edit had made wrong.
    expect(hits).toBeGreaterThan(5);
    expect(hits).toBeLessThan(55);
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
    for (const spoiled of [
      null,
      'p1',
      42,
      [],
      {},
      { active: 1, since: '' },
      { active: 'p1' },
      { active: 'p1', since: '', last: 3 },
    ])
      expect(asPopupHint(spoiled)).toBeUndefined();
  });
});
