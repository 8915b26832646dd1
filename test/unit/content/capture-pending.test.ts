// A slide captured by hand is shown the moment its frame is drawn, from the frame's small copy,
// marked as saving; it is encoded and stored after that, and becomes a saved slide only when the
// store confirms it. When the encode fails or the store refuses, the panel says so, keeps the
// picture marked "not saved", and the user can retry (encoded again from the kept frame if need
// be, stored once it works) or discard it. A frame that can't be read goes to the screenshot.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DrawnFrame } from '../../../src/content/capture';
import { makeContext } from '../../../src/content/context';
import { initialPanelState } from '../../../src/content/panel/types';
import { makeActions } from '../../../src/content/panel-actions';
import { defaultSettings } from '../../../src/content/settings';
import type { SiteAdapter } from '../../../src/content/sites/types';
import { Thumbs } from '../../../src/content/thumbs';
import type { Writing } from '../../../src/content/writing';
import type { CallInput, CallName, CallReply, TalkView } from '../../../src/core/messages';
import type { Note, NoteId, TalkId } from '../../../src/core/model';
import { err, ok, type Result } from '../../../src/core/result';

const m = vi.hoisted(() => ({
  draw: null as unknown as (...a: unknown[]) => Promise<unknown>,
  encode: null as unknown as (...a: unknown[]) => Promise<unknown>,
  screenshot: null as unknown as (...a: unknown[]) => Promise<unknown>,
}));
vi.mock('../../../src/content/capture', async (original) => ({
  ...(await original<typeof import('../../../src/content/capture')>()),
  drawFrame: (...a: unknown[]) => m.draw(...a),
  encodeFrame: (...a: unknown[]) => m.encode(...a),
}));
vi.mock('../../../src/content/slide', () => ({
  screenshotSlide: (...a: unknown[]) => m.screenshot(...a),
}));

/** Stand for the canvases the capture drew the frame on: full size and the small copy. */
const frame = {
  canvas: { full: true },
  preview: { small: true },
  width: 1280,
  height: 720,
} as unknown as DrawnFrame;
const jpeg = new Blob(['jpeg'], { type: 'image/jpeg' });

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const talkId = 't_0000000000000001' as TalkId;
const view = { post: {}, talk: { id: talkId, speakers: [] }, notes: [] } as unknown as TalkView;

function setUp({ ad = (): boolean => false }: { ad?: () => boolean } = {}) {
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
  const writing = { start: vi.fn() };
  const actions = makeActions({
    ctx,
    api,
    writing: writing as unknown as Writing,
    thumbs,
    doc: {} as Document,
    adapter: { isAdPlaying: ad } as unknown as SiteAdapter,
    usable: () => ctx.get().view,
    video: () => ({ currentTime: 42 }) as HTMLVideoElement,
    settings: () => defaultSettings,
    reopen: () => undefined,
    beforeTyping: () => undefined,
    auto,
    slideText: { dismiss: vi.fn() },
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
  return { ctx, actions, added, replies, stored, auto, writing };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

/** Each encode waits here until the test answers it. */
let encodes: Array<(r: Result<Blob>) => void>;

beforeEach(() => {
  encodes = [];
  m.draw = vi.fn(async () => ok(frame));
  m.encode = vi.fn(() => {
    const d = deferred<Result<Blob>>();
    encodes.push(d.resolve);
    return d.promise;
  });
  m.screenshot = vi.fn(async () => err('no screenshot expected'));
});

describe('a slide captured by hand', () => {
  it('shows the drawn frame at once, marked as saving, before it is encoded or stored', async () => {
    const s = setUp();
    s.actions.captureSlide();
    await vi.waitFor(() => expect(s.ctx.get().pending).toHaveLength(1));
    const [pending] = s.ctx.get().pending;
    expect(pending).toMatchObject({ talkId, time: 42, error: null });
    expect(pending?.preview).toBe(frame.preview);
    // Hashed from the small copy, not by drawing the video again.
    expect(s.auto.manualHash).toHaveBeenCalledWith(frame.preview);
    expect(m.encode).toHaveBeenCalledWith(frame, expect.objectContaining({ mime: 'image/jpeg' }));
    expect(s.added).toHaveLength(0); // not encoded yet, so nothing sent
    expect(s.ctx.get().view?.notes).toHaveLength(0);

    encodes.shift()?.(ok(jpeg));
    await vi.waitFor(() => expect(s.added).toHaveLength(1));
    expect(s.added[0]).toMatchObject({
      talkId,
      time: 42,
      width: 1280,
      height: 720,
      image: jpeg,
      phash: '00000000000000ff',
    });
    const url = s.ctx.get().thumbs[pending?.id ?? ''];
    expect(url).toMatch(/^blob:/);
    expect(s.ctx.get().pending).toHaveLength(1); // still saving

    s.replies.shift()?.(s.stored('n_0000000000000001'));
    await vi.waitFor(() => expect(s.ctx.get().pending).toEqual([]));
    expect(s.ctx.get().view?.notes.map((n) => n.id)).toEqual(['n_0000000000000001']);
    // The saved slide shows the stored (encoded) picture.
    expect(s.ctx.get().thumbs).toEqual({ n_0000000000000001: url });
    expect(s.ctx.get().notice).toBeNull();
  });

  it('says when the store refused it, keeps it marked not saved, and stores it on retry', async () => {
    const s = setUp();
    s.actions.captureSlide();
    await vi.waitFor(() => expect(encodes).toHaveLength(1));
    encodes.shift()?.(ok(jpeg));
    await vi.waitFor(() => expect(s.added).toHaveLength(1));
    s.replies.shift()?.(err('The disk is full.'));
    await vi.waitFor(() => expect(s.ctx.get().pending[0]?.error).toBe('The disk is full.'));
    expect(s.ctx.get().notice).toMatchObject({ kind: 'error' });
    expect(s.ctx.get().notice?.text).toMatch(/slide was not saved: The disk is full\./);
    expect(s.ctx.get().view?.notes).toHaveLength(0);
    const id = s.ctx.get().pending[0]?.id ?? '';
    expect(s.ctx.get().pending[0]?.preview).toBe(frame.preview);

    s.actions.retrySlide(id);
    expect(s.ctx.get().pending[0]?.error).toBeNull();
    await vi.waitFor(() => expect(s.added).toHaveLength(2));
    expect(s.added[1]).toEqual(s.added[0]); // the same slide and picture, sent again
    expect(s.added[1]?.image).toBe(jpeg);
    expect(m.encode).toHaveBeenCalledTimes(1); // not encoded twice
    s.replies.shift()?.(s.stored('n_0000000000000002'));
    await vi.waitFor(() => expect(s.ctx.get().pending).toEqual([]));
    expect(s.ctx.get().view?.notes.map((n) => n.id)).toEqual(['n_0000000000000002']);
    expect(Object.keys(s.ctx.get().thumbs)).toEqual(['n_0000000000000002']);
  });

  it('says when the picture could not be encoded, keeps the thumbnail, and encodes again on retry', async () => {
    const s = setUp();
    s.actions.captureSlide();
    await vi.waitFor(() => expect(encodes).toHaveLength(1));
    encodes.shift()?.(err('The browser could not encode the picture as JPEG.'));
    await vi.waitFor(() => expect(s.ctx.get().pending[0]?.error).toMatch(/could not encode/));
    expect(s.added).toHaveLength(0);
    expect(s.ctx.get().notice?.text).toMatch(/picture could not be made: The browser could not encode/);
    expect(s.ctx.get().pending[0]?.preview).toBe(frame.preview);
    expect(s.ctx.get().view?.notes).toHaveLength(0);

    s.actions.retrySlide(s.ctx.get().pending[0]?.id ?? '');
    expect(s.ctx.get().pending[0]?.error).toBeNull();
    await vi.waitFor(() => expect(encodes).toHaveLength(1));
    expect(m.encode).toHaveBeenLastCalledWith(frame, expect.anything()); // the frame that was drawn
    encodes.shift()?.(ok(jpeg));
    await vi.waitFor(() => expect(s.added).toHaveLength(1));
    expect(s.added[0]?.image).toBe(jpeg);
    s.replies.shift()?.(s.stored('n_0000000000000003'));
    await vi.waitFor(() => expect(s.ctx.get().view?.notes.map((n) => n.id)).toEqual(['n_0000000000000003']));
    expect(s.ctx.get().pending).toEqual([]);
  });

  it('is gone, picture and all, when the user discards it after a failure', async () => {
    const s = setUp();
    s.actions.captureSlide();
    await vi.waitFor(() => expect(encodes).toHaveLength(1));
    encodes.shift()?.(ok(jpeg));
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

  it('is not stored when discarded while its picture was being encoded', async () => {
    const s = setUp();
    s.actions.captureSlide();
    await vi.waitFor(() => expect(encodes).toHaveLength(1));
    s.actions.discardSlide(s.ctx.get().pending[0]?.id ?? '');
    encodes.shift()?.(ok(jpeg));
    await settle();
    expect(s.added).toHaveLength(0);
    expect(s.ctx.get().pending).toEqual([]);
    expect(s.ctx.get().thumbs).toEqual({});
  });

  it('falls back to the screenshot when the frame cannot be read, and shows that picture', async () => {
    m.draw = vi.fn(async () =>
      err('The video comes from another site that does not allow reading its frames.'),
    );
    const shot = new Blob(['png'], { type: 'image/jpeg' });
    m.screenshot = vi.fn(async () => ok({ blob: shot, width: 640, height: 360, via: 'screenshot' }));
    const s = setUp();
    s.actions.captureSlide();
    await vi.waitFor(() => expect(s.added).toHaveLength(1));
    expect(m.screenshot).toHaveBeenCalledWith(
      expect.anything(),
      'The video comes from another site that does not allow reading its frames.',
      expect.objectContaining({ mime: 'image/jpeg' }),
      expect.any(Function),
    );
    expect(m.encode).not.toHaveBeenCalled();
    expect(s.added[0]).toMatchObject({ image: shot, width: 640, height: 360 });
    const [pending] = s.ctx.get().pending;
    expect(pending?.preview).toBeUndefined();
    expect(s.ctx.get().thumbs[pending?.id ?? '']).toMatch(/^blob:/);
    s.replies.shift()?.(s.stored('n_0000000000000004'));
    await vi.waitFor(() => expect(s.ctx.get().pending).toEqual([]));
    expect(s.ctx.get().view?.notes.map((n) => n.id)).toEqual(['n_0000000000000004']);
  });

  it('keeps the moment as a note without a picture when the frame and the screenshot both fail', async () => {
    m.draw = vi.fn(async () => err('This video is DRM-protected: its frames cannot be read.'));
    m.screenshot = vi.fn(async () =>
      err('This video is DRM-protected. The screenshot fallback failed too: busy'),
    );
    const s = setUp();
    s.actions.captureSlide();
    await vi.waitFor(() => expect(s.writing.start).toHaveBeenCalled());
    expect(s.writing.start).toHaveBeenCalledWith(view, 42, 'slide');
    expect(s.ctx.get().notice?.text).toMatch(/No picture for this slide\. This video is DRM-protected/);
    expect(s.ctx.get().pending).toEqual([]);
    expect(s.added).toHaveLength(0);
  });

  it('keeps nothing when an ad started while the frame was drawn', async () => {
    let adOn = false;
    m.draw = vi.fn(async () => {
      adOn = true;
      return ok(frame);
    });
    const s = setUp({ ad: () => adOn });
    s.actions.captureSlide();
    await vi.waitFor(() => expect(s.ctx.get().notice?.text).toMatch(/An ad started/));
    expect(s.ctx.get().pending).toEqual([]);
    expect(m.encode).not.toHaveBeenCalled();
    expect(s.added).toHaveLength(0);
  });
});
