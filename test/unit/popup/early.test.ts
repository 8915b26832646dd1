// @vitest-environment happy-dom
// The popup's early start (popup-early.js): the tab and the first read for its video, started
// once, and a count of the store changes since, so the popup never paints a stale first read.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { earlyPopup } from '../../../src/popup/early';
import { openStore } from '../../../src/store';
import { must } from '../library/helpers';

const g = globalThis as { chrome?: unknown; talkmarkPopup?: unknown };

afterEach(() => {
  delete g.chrome;
  delete g.talkmarkPopup;
});

const until = async (fn: () => boolean) => {
  for (let i = 0; i < 300 && !fn(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!fn()) throw new Error(`not met: ${fn}`);
};

describe('popup early start', () => {
  it("reads the tab's talk once, and counts the changes announced after", async () => {
    const store = openStore();
    const post = must(await store.posts.create({ title: 'Day two' }));
    must(await store.posts.setActive(post.id));
    const url = 'https://www.youtube.com/watch?v=EEEEEEEEEEE';
    must(await store.talks.findOrCreate({ postId: post.id, url, site: 'youtube', videoId: 'EEEEEEEEEEE' }));
    let asked = 0;
    g.chrome = {
      tabs: {
        query: async () => {
          asked++;
          return [{ id: 7, url }];
        },
      },
    };
    const early = earlyPopup();
    expect(earlyPopup()).toBe(early);
    expect((await early.tab)?.id).toBe(7);
    const first = must(await early.first);
    expect(first.active?.id).toBe(post.id);
    expect(first.here?.talk.videoId).toBe('EEEEEEEEEEE');
    expect(asked).toBe(1);

    let heard = 0;
    early.onChange(() => heard++);
    expect(early.changes()).toBe(0);
    must(await store.posts.update(post.id, { title: 'Day two, edited' }));
    await until(() => early.changes() === 1 && heard === 1);
    store.close();
  });
});
