// @vitest-environment happy-dom
// The popup's early start (popup-early.js): the tab and the first read for its video, started
// once, and a count of the store changes since, so the popup never paints a stale first read.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { earlyPopup } from '../../../src/popup/early';
import { openStore } from '../../../src/store';
import { must } from '../library/helpers';

const g = globalThis as { browser?: unknown; chrome?: unknown; talkmarkPopup?: unknown };

afterEach(() => {
  delete g.browser;
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

  it("in Firefox, takes the tab from the popup's window: the active one of its tabs", async () => {
    const store = openStore();
    const post = must(await store.posts.create({ title: 'Day three' }));
    must(await store.posts.setActive(post.id));
    const url = 'https://www.youtube.com/watch?v=FFFFFFFFFFF';
    must(await store.talks.findOrCreate({ postId: post.id, url, site: 'youtube', videoId: 'FFFFFFFFFFF' }));
    const asked: unknown[] = [];
    g.browser = {
      windows: {
        getCurrent: async (info: unknown) => {
          asked.push(info);
          return {
            id: 1,
            tabs: [
              { id: 3, active: false, url: 'https://example.org/' },
              { id: 4, active: true, url },
              { id: 5, active: false },
            ],
          };
        },
      },
      // Never asked: Firefox builds the `tabs` namespace slowly on first use.
      get tabs(): never {
        throw new Error('the tabs namespace was touched');
      },
    };
    const early = earlyPopup();
    expect((await early.tab)?.id).toBe(4);
    expect(asked).toEqual([{ populate: true }]);
    const first = must(await early.first);
    expect(first.here?.talk.videoId).toBe('FFFFFFFFFFF');
    store.close();
  });

  it('reads without a tab when the browser will not say', async () => {
    g.browser = { windows: { getCurrent: async () => Promise.reject(new Error('no window')) } };
    const early = earlyPopup();
    expect(await early.tab).toBeUndefined();
    expect(must(await early.first).here).toBeUndefined();
  });
});
