// A talk joins its post with its first note, quote or slide, not when its video is visited:
// openTalk and joinTalk through the real router and store (fake-indexeddb), and the panel's
// call wrapper (src/content/joining.ts) that joins before the first write.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { makeHandlers } from '../../../src/background/handlers';
import { route } from '../../../src/background/router';
import { isJoined, makeJoining } from '../../../src/content/joining';
import { newId } from '../../../src/core/ids';
import type { CallInput, CallName, CallReply, PageVideo, TalkView } from '../../../src/core/messages';
import { freshStore, jpegBlob, must } from '../store/helpers';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const ownId = 'talkmark-test';
const sender = { id: ownId, tab: { id: 1, windowId: 1 } } as never;

const video = (id: string): PageVideo => ({
  url: `https://www.youtube.com/watch?v=${id}`,
  site: 'youtube',
  videoId: id,
  title: `Talk ${id}`,
  channel: 'Some Channel',
  speakers: [],
  duration: 60,
  chapters: [],
});

async function setUp() {
  const { store } = freshStore();
  const handlers = makeHandlers(store);
  const calls: CallName[] = [];
  const raw = {
    call: async <K extends CallName>(name: K, input: CallInput<K>) => {
      calls.push(name);
      return (await route(handlers, ownId, { talkmark: 1, call: name, input }, sender)) as CallReply<K>;
    },
  };
  const joinedViews: TalkView[] = [];
  const joining = makeJoining(raw, (v) => joinedViews.push(v));
  const open = async (v: PageVideo) => {
    const view = must(await raw.call('openTalk', v));
    joining.opened(view, v);
    return view;
  };
  const talksOfPost = async (view: TalkView) =>
    must(await store.posts.get(view.post.id))?.sections.flatMap((s) => s.talkIds) ?? [];
  return { store, raw, api: joining.api, open, calls, joinedViews, talksOfPost };
}

describe('a talk joins its post with its first note', () => {
  it('visiting a video (and the next one) adds no talk to the post', async () => {
    const { store, open, api, talksOfPost } = await setUp();
    const first = await open(video('aaaaaaaaaaa'));
    const next = await open(video('bbbbbbbbbbb'));
    expect(isJoined(first)).toBe(false);
    expect(await talksOfPost(next)).toEqual([]);
    expect(must(await store.talks.findByVideo('youtube', 'bbbbbbbbbbb'))).toEqual([]);
    // Reading a talk that hasn't joined asks nothing of the store and finds nothing in it.
    expect(must(await api.call('listNotes', { talkId: next.talk.id }))).toEqual([]);
    expect(must(await api.call('slideHashes', { talkId: next.talk.id }))).toEqual([]);
  });

  it('the first note adds the talk, once, with the speakers corrected before it', async () => {
    const { open, api, talksOfPost, joinedViews, calls } = await setUp();
    const view = await open(video('aaaaaaaaaaa'));
    const edited = must(
      await api.call('updateTalk', { id: view.talk.id, speakers: [{ name: 'Ada Lovelace' }] }),
    );
    expect(edited.speakers).toEqual([{ name: 'Ada Lovelace' }]);
    expect(await talksOfPost(view)).toEqual([]);
    const note = (text: string) => ({
      id: newId('note'),
      talkId: view.talk.id,
      time: 3,
      kind: 'text' as const,
      text,
    });
    // A note and a slide taken at the same moment: one talk joins, both land in it.
    const [saved, slide] = await Promise.all([
      api.call('saveNote', note('first')),
      api.call('addSlide', {
        id: newId('note'),
        talkId: view.talk.id,
        time: 4,
        text: '',
        image: jpegBlob(100),
        width: 64,
        height: 36,
      }),
    ]);
    expect(must(saved).talkId).toBe(view.talk.id);
    expect(must(slide).note.talkId).toBe(view.talk.id);
    expect(calls.filter((c) => c === 'joinTalk')).toHaveLength(1);
    expect(await talksOfPost(view)).toEqual([view.talk.id]);
    expect(joinedViews).toHaveLength(1);
    expect(joinedViews[0]?.talk.speakers).toEqual([{ name: 'Ada Lovelace' }]);
    expect(isJoined(joinedViews[0] as TalkView)).toBe(true);
    // Visiting it again finds the stored talk with its notes.
    const again = await open(video('aaaaaaaaaaa'));
    expect(again.talk.id).toBe(view.talk.id);
    expect(again.notes).toHaveLength(2);
  });

  it('a talk another tab added meanwhile takes the note under its own id', async () => {
    const { open, raw, api, talksOfPost } = await setUp();
    const here = await open(video('aaaaaaaaaaa'));
    const elsewhere = must(await raw.call('openTalk', video('aaaaaaaaaaa')));
    must(await raw.call('joinTalk', { video: video('aaaaaaaaaaa'), talkId: elsewhere.talk.id }));
    const note = { id: newId('note'), talkId: here.talk.id, time: 1, kind: 'text' as const, text: 'x' };
    expect(must(await api.call('saveNote', note)).talkId).toBe(elsewhere.talk.id);
    expect(must(await api.call('saveNote', { ...note, text: 'xy' })).talkId).toBe(elsewhere.talk.id);
    expect(await talksOfPost(here)).toEqual([elsewhere.talk.id]);
  });

  it('joinTalk refuses an id the page did not make', async () => {
    const { raw } = await setUp();
    const r = await raw.call('joinTalk', { video: video('aaaaaaaaaaa'), talkId: 't_short' as never });
    expect(r.ok).toBe(false);
  });
});
