// A slide captured by hand is shown at once from its own picture, marked as saving, and becomes a
// saved slide only when the store confirms it; when the store refuses, the panel says so, keeps
// the picture marked "not saved", and the user can retry (stored once it works) or discard it.
import { describe, expect, it, vi } from 'vitest';
import { makeContext } from '../../../src/content/context';
import { initialPanelState } from '../../../src/content/panel/types';
import { makeActions } from '../../../src/content/panel-actions';
import { defaultSettings } from '../../../src/content/settings';
import type { SiteAdapter } from '../../../src/content/sites/types';
import { Thumbs } from '../../../src/content/thumbs';
import type { Writing } from '../../../src/content/writing';
import type { CallInput, CallName, CallReply, TalkView } from '../../../src/core/messages';
import type { Note, NoteId, TalkId } from '../../../src/core/model';
import { err, ok } from '../../../src/core/result';

/** Stands for the canvas the capture drew the frame on. */
const drawn = vi.hoisted(() => ({ drawn: true }) as unknown as HTMLCanvasElement);
vi.mock('../../../src/content/slide', () => ({
  takeSlide: async () =>
    ok({
      blob: new Blob(['jpeg'], { type: 'image/jpeg' }),
      width: 1280,
      height: 720,
      via: 'frame',
      canvas: drawn,
    }),
}));

const talkId = 't_0000000000000001' as TalkId;
const view = { post: {}, talk: { id: talkId, speakers: [] }, notes: [] } as unknown as TalkView;

function setUp() {
  const ctx = makeContext({ ...initialPanelState, view }, () => undefined);
  /** Each addSlide waits here until the test answers it. */
  const replies: Array<(r: CallReply<'addSlide'>) => void> = [];
  const added: Array<CallInput<'addSlide'>> = [];
  const api = {
    call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallReply<K>> {
      if (name !== 'addSlide') return Promise.resolve(err('unexpected') as CallReply<K>);
      added.push(input as CallInput<'addSlide'>);
      return new Promise((resolve) => replies.push(resolve as (r: CallReply<'addSlide'>) => void));
    },
  };
  const thumbs = new Thumbs(
    async () => err('no stored images here'),
    (t) => ctx.set({ thumbs: t }),
  );
  const auto = { toggle: vi.fn(), pickArea: vi.fn(), manualHash: vi.fn(() => '00000000000000ff') };
  const actions = makeActions({
    ctx,
    api,
    writing: { start: vi.fn() } as unknown as Writing,
    thumbs,
    doc: {} as Document,
    adapter: { isAdPlaying: () => false } as unknown as SiteAdapter,
    usable: () => ctx.get().view,
    video: () => ({ currentTime: 42 }) as HTMLVideoElement,
    settings: () => defaultSettings,
    reopen: () => undefined,
    beforeTyping: () => undefined,
    auto,
  });
  const stored = (id: string): CallReply<'addSlide'> => {
    const note: Note = {
      id: id as NoteId,
      talkId,
      time: 42,
      kind: 'slide',
      text: '',
      imageId: 'i_1' as Note['imageId'],
      createdAt: '',
      updatedAt: '',
    };
    return ok({ note, image: null });
  };
  return { ctx, actions, added, replies, stored, auto };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('a slide captured by hand', () => {
  it('shows its picture at once, marked as saving, and becomes a saved slide with the same picture', async () => {
    const s = setUp();
    s.actions.captureSlide();
    await vi.waitFor(() => expect(s.added).toHaveLength(1));
    const [pending] = s.ctx.get().pending;
    expect(pending).toMatchObject({ talkId, time: 42, error: null });
    const url = s.ctx.get().thumbs[pending?.id ?? ''];
    expect(url).toMatch(/^blob:/);
    expect(s.ctx.get().view?.notes).toHaveLength(0); // not shown as saved yet
    expect(s.added[0]).toMatchObject({
      talkId,
      time: 42,
      width: 1280,
      height: 720,
      phash: '00000000000000ff',
    });

    s.replies.shift()?.(s.stored('n_0000000000000001'));
    await vi.waitFor(() => expect(s.ctx.get().pending).toEqual([]));
    expect(s.ctx.get().view?.notes.map((n) => n.id)).toEqual(['n_0000000000000001']);
    expect(s.ctx.get().thumbs).toEqual({ n_0000000000000001: url });
    expect(s.ctx.get().notice).toBeNull();
  });

  it('says when the store refused it, keeps it marked not saved, and stores it on retry', async () => {
    const s = setUp();
    s.actions.captureSlide();
    await vi.waitFor(() => expect(s.added).toHaveLength(1));
    s.replies.shift()?.(err('The disk is full.'));
    await vi.waitFor(() => expect(s.ctx.get().pending[0]?.error).toBe('The disk is full.'));
    expect(s.ctx.get().notice).toMatchObject({ kind: 'error' });
    expect(s.ctx.get().notice?.text).toMatch(/slide was not saved: The disk is full\./);
    expect(s.ctx.get().view?.notes).toHaveLength(0);
    const id = s.ctx.get().pending[0]?.id ?? '';
    expect(s.ctx.get().thumbs[id]).toMatch(/^blob:/);

    s.actions.retrySlide(id);
    expect(s.ctx.get().pending[0]?.error).toBeNull();
    await vi.waitFor(() => expect(s.added).toHaveLength(2));
    expect(s.added[1]).toBe(s.added[0]); // the same picture, sent again
    s.replies.shift()?.(s.stored('n_0000000000000002'));
    await vi.waitFor(() => expect(s.ctx.get().pending).toEqual([]));
    expect(s.ctx.get().view?.notes.map((n) => n.id)).toEqual(['n_0000000000000002']);
    expect(Object.keys(s.ctx.get().thumbs)).toEqual(['n_0000000000000002']);
  });

  it('is gone, picture and all, when the user discards it after a failure', async () => {
    const s = setUp();
    s.actions.captureSlide();
    await vi.waitFor(() => expect(s.added).toHaveLength(1));
    s.replies.shift()?.(err('Talkmark was updated or restarted. Reload this page to keep taking notes.'));
    await vi.waitFor(() => expect(s.ctx.get().pending[0]?.error).not.toBeNull());
    const id = s.ctx.get().pending[0]?.id ?? '';
    s.actions.discardSlide(id);
    expect(s.ctx.get().pending).toEqual([]);
    expect(s.ctx.get().thumbs).toEqual({});
    s.actions.retrySlide(id);
    await settle();
    expect(s.added).toHaveLength(1);
  });
});
