// The background calls auto-capture uses, through the real router and store (fake-indexeddb):
// a build step swaps an automatic slide's picture in place (same note, old picture deleted),
// a manual slide's picture is never swapped, and a talk's slide hashes seed the detector.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { makeHandlers } from '../../../src/background/handlers';
import { route } from '../../../src/background/router';
import { newId } from '../../../src/core/ids';
import type { CallInput, CallName, CallReply } from '../../../src/core/messages';
import type { Note } from '../../../src/core/model';
import { freshStore, jpegBlob, must } from '../store/helpers';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const ownId = 'talkmark-test';
const sender = { id: ownId, tab: { id: 1, windowId: 1 } } as never;

async function setUp() {
  const { store } = freshStore();
  const handlers = makeHandlers(store);
  const call = async <K extends CallName>(name: K, input: CallInput<K>) =>
    (await route(handlers, ownId, { talkmark: 1, call: name, input }, sender)) as CallReply<K>;
  const video = {
    url: 'https://example.org/talk',
    site: 'generic' as const,
    videoId: 'https://example.org/talk',
    title: 'A talk',
    channel: '',
    speakers: [],
    duration: 600,
    chapters: [],
  };
  const opened = must(await call('openTalk', video));
  // A talk joins its post with its first slide (the panel does this before its first addSlide).
  const view = must(await call('joinTalk', { video, talkId: opened.talk.id }));
  const slide = async (auto: boolean, phash: string, time = 12) =>
    must(
      await call('addSlide', {
        id: newId('note'),
        talkId: view.talk.id,
        time,
        text: 'kept text',
        image: jpegBlob(100),
        width: 1280,
        height: 720,
        phash,
        ...(auto ? { auto: true } : {}),
      }),
    ).note;
  return { store, call, talkId: view.talk.id, slide };
}

describe('replaceSlideImage', () => {
  it('swaps the picture of an automatic slide and deletes the old one; note, time and text stay', async () => {
    const { store, call, talkId, slide } = await setUp();
    const note = await slide(true, '00000000000000ff');
    const oldImage = note.imageId;
    const r = must(
      await call('replaceSlideImage', {
        noteId: note.id,
        image: jpegBlob(200),
        width: 1280,
        height: 720,
        phash: 'ff00000000000000',
      }),
    );
    expect(r.note.id).toBe(note.id);
    expect(r.note.imageId).not.toBe(oldImage);
    expect(r.note).toMatchObject({ time: 12, text: 'kept text', auto: true, kind: 'slide' });
    expect(r.image).toMatchObject({ size: 200, phash: 'ff00000000000000' });
    const notes: Note[] = must(await store.notes.listByTalk(talkId));
    expect(notes).toHaveLength(1);
    expect(notes[0]?.imageId).toBe(r.image.id);
    expect(must(await store.images.get(oldImage as never))).toBeUndefined();
    expect(must(await store.images.get(r.image.id))?.blob.size).toBe(200);
  });

  it('refuses a manual slide and a note that is gone, changing nothing', async () => {
    const { store, call, talkId, slide } = await setUp();
    const manual = await slide(false, '00000000000000ff');
    const r = await call('replaceSlideImage', { noteId: manual.id, image: jpegBlob(), width: 16, height: 9 });
    expect(r.ok).toBe(false);
    const gone = await call('replaceSlideImage', {
      noteId: 'n_00000000000000ee' as never,
      image: jpegBlob(),
      width: 16,
      height: 9,
    });
    expect(gone).toMatchObject({ ok: false, error: expect.stringContaining('no longer exists') });
    expect(must(await store.notes.listByTalk(talkId))).toEqual([manual]);
  });
});

describe('slideHashes', () => {
  it('lists the hashes of the talk’s slides that have one', async () => {
    const { call, talkId, slide } = await setUp();
    await slide(true, '0123456789abcdef', 5);
    await slide(false, 'fedcba9876543210', 50);
    must(
      await call('saveNote', { id: 'n_00000000000000aa' as never, talkId, time: 7, kind: 'text', text: 'x' }),
    );
    expect(must(await call('slideHashes', { talkId })).sort()).toEqual([
      '0123456789abcdef',
      'fedcba9876543210',
    ]);
  });
});
