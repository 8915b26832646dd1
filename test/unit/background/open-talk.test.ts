// openTalk through the real router and store (fake-indexeddb): talks opened at the same
// moment with no active post yet (two embeds in one article) share the one post it creates.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { makeHandlers } from '../../../src/background/handlers';
import { route } from '../../../src/background/router';
import type { CallInput, CallName, CallReply, PageVideo } from '../../../src/core/messages';
import { freshStore, must } from '../store/helpers';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const ownId = 'talkmark-test';
const sender = { id: ownId, tab: { id: 1, windowId: 1 } } as never;

const video = (id: string): PageVideo => ({
  url: `https://www.youtube.com/watch?v=${id}`,
  site: 'youtube',
  videoId: id,
  title: `Talk ${id}`,
  channel: '',
  speakers: [],
  duration: 60,
  chapters: [],
});

describe('openTalk', () => {
  it('puts talks opened at once, before any post exists, in one post', async () => {
    const { store } = freshStore();
    const handlers = makeHandlers(store);
    const call = async <K extends CallName>(name: K, input: CallInput<K>) =>
      (await route(handlers, ownId, { talkmark: 1, call: name, input }, sender)) as CallReply<K>;
    const views = await Promise.all(
      ['embedOne111', 'embedTwo222', 'embedThree3'].map((id) => call('openTalk', video(id))),
    );
    const postIds = views.map((v) => must(v).post.id);
    expect(new Set(postIds).size).toBe(1);
    const posts = must(await store.posts.list());
    expect(posts.map((p) => p.id)).toEqual([postIds[0]]);
  });
});
