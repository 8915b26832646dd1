// What auto-capture does with the detector's events (captures.ts), against a recording stand-in
// for the background: a slide is stored at the moment it appeared, marked automatic, with its
// hash; a build step replaces the picture of the slide it completes (one slide per build); the
// frame is not taken once the video has moved away from it, nor during an ad.
import { describe, expect, it, vi } from 'vitest';
import { AutoSlides, type CaptureDeps } from '../../../src/content/auto-capture/captures';
import { makeContext } from '../../../src/content/context';
import { initialPanelState } from '../../../src/content/panel/types';
import { defaultSettings } from '../../../src/content/settings';
import type { SiteAdapter } from '../../../src/content/sites/types';
import type { Thumbs } from '../../../src/content/thumbs';
import type { CallInput, CallName } from '../../../src/core/messages';
import type { Note, NoteId, TalkId } from '../../../src/core/model';
import { ok } from '../../../src/core/result';
import type { SlideEvent } from '../../../src/core/slides';

vi.mock('../../../src/content/slide', () => ({
  takeSlide: async () =>
    ok({ blob: new Blob(['x'], { type: 'image/jpeg' }), width: 1280, height: 720, via: 'frame' }),
}));

const talkId = 't_0000000000000001' as TalkId;
const event = (t: number, shownAt: number, phash: string, replaces?: number): SlideEvent => ({
  t,
  shownAt,
  phash,
  frame: { t, width: 1, height: 1, data: new Uint8Array(1) },
  ...(replaces === undefined ? {} : { replaces }),
});

function setUp() {
  const calls: Array<{ name: CallName; input: unknown }> = [];
  let next = 0;
  const note = (id: string, time: number): Note => ({
    id: id as NoteId,
    talkId,
    time,
    kind: 'slide',
    text: '',
    auto: true,
    createdAt: '',
    updatedAt: '',
  });
  const api = {
    async call<K extends CallName>(name: K, input: CallInput<K>) {
      calls.push({ name, input });
      if (name === 'addSlide') {
        const i = input as CallInput<'addSlide'>;
        return ok({ note: note(`n_${String(++next).padStart(16, '0')}`, i.time), image: null });
      }
      if (name === 'replaceSlideImage') {
        const i = input as CallInput<'replaceSlideImage'>;
        return ok({ note: note(i.noteId, 0), image: {} });
      }
      return { ok: false, error: 'unexpected' };
    },
  } as CaptureDeps['api'];
  let ad = false;
  const thumbs = { add: vi.fn() } as unknown as Thumbs;
  const deps: CaptureDeps = {
    ctx: makeContext(initialPanelState, () => undefined),
    api,
    thumbs,
    doc: {} as Document,
    adapter: { isAdPlaying: () => ad } as unknown as SiteAdapter,
    settings: () => defaultSettings,
  };
  const video = { currentTime: 0 } as HTMLVideoElement;
  const life = new AbortController();
  const slides = new AutoSlides(deps, talkId, video, life.signal);
  return { calls, slides, video, life, thumbs, setAd: (v: boolean) => (ad = v) };
}

describe('automatic slides', () => {
  it('stores each at the moment it appeared, marked automatic, with its hash', async () => {
    const s = setUp();
    s.video.currentTime = 13.5;
    s.slides.add(event(13.5, 12.5, '00000000000000ff'));
    await s.slides.settled();
    expect(s.calls).toHaveLength(1);
    expect(s.calls[0]).toMatchObject({
      name: 'addSlide',
      input: { talkId, time: 12.5, auto: true, phash: '00000000000000ff', width: 1280, height: 720 },
    });
    expect(s.thumbs.add).toHaveBeenCalledTimes(0); // the talk isn't the one the panel shows
  });

  it('replaces the picture of the slide a build step completes, through a chain of steps', async () => {
    const s = setUp();
    for (const [t, hash, replaces] of [
      [10, '0000000000000001', undefined],
      [12, '0000000000000002', 10],
      [14, '0000000000000003', 12],
    ] as const) {
      s.video.currentTime = t;
      s.slides.add(event(t, t - 1, hash, replaces));
      await s.slides.settled();
    }
    expect(s.calls.map((c) => c.name)).toEqual(['addSlide', 'replaceSlideImage', 'replaceSlideImage']);
    const first = 'n_0000000000000001';
    expect(s.calls[1]?.input).toMatchObject({ noteId: first, phash: '0000000000000002' });
    expect(s.calls[2]?.input).toMatchObject({ noteId: first, phash: '0000000000000003' });
  });

  it('takes nothing once the video has moved away from the frame, during an ad, or after the talk ended', async () => {
    const s = setUp();
    s.video.currentTime = 40;
    s.slides.add(event(13.5, 12.5, '00000000000000ff'));
    await s.slides.settled();
    s.setAd(true);
    s.slides.add(event(40, 39, '00000000000000fe'));
    await s.slides.settled();
    s.setAd(false);
    s.life.abort();
    s.slides.add(event(40, 39, '00000000000000fd'));
    await s.slides.settled();
    expect(s.calls).toEqual([]);
  });
});
