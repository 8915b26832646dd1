// The page-side pieces of auto-capture that run without a browser: luma, the sampling loop's
// timing and gating (fake timers, a stand-in video), per-talk prefs, the slide-area arithmetic.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  dragRect,
  nudgeRect,
  roundRect,
  spanRect,
  wholeFrame,
} from '../../../src/content/auto-capture/crop-geometry';
import { lumaOf, Unreadable } from '../../../src/content/auto-capture/luma';
import {
  loadPrefs,
  memoryArea,
  prefsKey,
  readPrefs,
  savePrefs,
} from '../../../src/content/auto-capture/prefs';
import { sampleDelayMs, startSampling } from '../../../src/content/auto-capture/sampler';
import type { TalkId } from '../../../src/core/model';
import type { LumaFrame } from '../../../src/core/slides';

describe('lumaOf', () => {
  it('is (77R + 150G + 29B) >> 8 per pixel, alpha ignored', () => {
    const rgba = [
      255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 0, 0, 255, 0, 9, 0, 0, 255, 1, 147, 51, 234, 255,
    ];
    expect([...lumaOf(rgba, 3, 2)]).toEqual([255, 0, 76, 149, 28, (77 * 147 + 150 * 51 + 29 * 234) >> 8]);
  });
});

/** A stand-in <video> and document: just the fields and events the sampler reads. */
function stage() {
  const video = Object.assign(new EventTarget(), {
    paused: true,
    ended: false,
    seeking: false,
    readyState: 4,
    currentTime: 0,
    playbackRate: 1,
  });
  const doc = Object.assign(new EventTarget(), { hidden: false });
  const frames: number[] = [];
  const breaks: number[] = [];
  const unreadable: string[] = [];
  let ad = false;
  let fail: string | null = null;
  const life = new AbortController();
  startSampling(
    {
      video: video as unknown as HTMLVideoElement,
      doc: doc as unknown as Document,
      fps: 2,
      read: (v): LumaFrame => {
        if (fail) throw new Unreadable(fail);
        return { t: v.currentTime, width: 1, height: 1, data: new Uint8Array(1) };
      },
      isAd: () => ad,
      onFrame: (f) => frames.push(f.t),
      onBreak: () => breaks.push(video.currentTime),
      onUnreadable: (r) => unreadable.push(r),
    },
    life.signal,
  );
  /** Plays `seconds` of wall time in 50 ms steps, the video's clock moving at its rate. */
  const run = (seconds: number) => {
    for (let i = 0; i < seconds * 20; i++) {
      if (!video.paused) video.currentTime += 0.05 * video.playbackRate;
      vi.advanceTimersByTime(50);
    }
  };
  const play = () => {
    video.paused = false;
    video.dispatchEvent(new Event('playing'));
  };
  const pause = () => {
    video.paused = true;
    video.dispatchEvent(new Event('pause'));
  };
  return {
    video,
    doc,
    frames,
    breaks,
    unreadable,
    life,
    run,
    play,
    pause,
    setAd: (v: boolean) => {
      ad = v;
    },
    failWith: (r: string) => {
      fail = r;
    },
  };
}

describe('the sampling loop', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('samples 2 frames per second of video while playing, none while paused, and runs no timer then', () => {
    const s = stage();
    s.run(2);
    expect(s.frames).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    s.play();
    s.run(3);
    expect(s.frames).toHaveLength(6);
    s.pause();
    expect(vi.getTimerCount()).toBe(0);
    s.run(5);
    expect(s.frames).toHaveLength(6);
  });

  it('keeps 2 frames per second of video at 2x (4 a second of wall time), and caps faster playback', () => {
    expect(sampleDelayMs(2, 1)).toBe(500);
    expect(sampleDelayMs(2, 2)).toBe(250);
    expect(sampleDelayMs(2, 16)).toBe(250);
    expect(sampleDelayMs(2, 0.5)).toBe(1000);
    const s = stage();
    s.video.playbackRate = 2;
    s.play();
    s.run(2);
    expect(s.frames).toHaveLength(8);
    const gaps = s.frames.slice(1).map((t, i) => t - (s.frames[i] ?? 0));
    for (const g of gaps) expect(g).toBeCloseTo(0.5, 5);
  });

  it('stops in a hidden tab and starts again when it is shown', () => {
    const s = stage();
    s.play();
    s.run(1);
    const n = s.frames.length;
    s.doc.hidden = true;
    s.doc.dispatchEvent(new Event('visibilitychange'));
    expect(vi.getTimerCount()).toBe(0);
    s.run(3);
    expect(s.frames).toHaveLength(n);
    s.doc.hidden = false;
    s.doc.dispatchEvent(new Event('visibilitychange'));
    s.run(1);
    expect(s.frames.length).toBeGreaterThan(n);
    // The video played on while hidden: the picture in progress doesn't continue.
    expect(s.breaks.length).toBeGreaterThan(0);
  });

  it('resets on a seek and a new source, skips frames while seeking or during an ad', () => {
    const s = stage();
    s.play();
    s.run(1);
    s.video.seeking = true;
    s.video.dispatchEvent(new Event('seeking'));
    expect(s.breaks).toHaveLength(1);
    const n = s.frames.length;
    s.run(1);
    expect(s.frames).toHaveLength(n);
    s.video.seeking = false;
    s.setAd(true);
    s.run(2);
    expect(s.frames).toHaveLength(n);
    s.setAd(false);
    s.run(1);
    expect(s.frames.length).toBeGreaterThan(n);
    expect(s.breaks).toHaveLength(2);
    s.video.dispatchEvent(new Event('emptied'));
    expect(s.breaks).toHaveLength(3);
  });

  it('stops for good when the frames cannot be read, and says why once', () => {
    const s = stage();
    s.failWith('tainted');
    s.play();
    s.run(3);
    expect(s.unreadable).toEqual(['tainted']);
    expect(s.frames).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reads asynchronously one frame at a time, and drops a frame read across a seek', async () => {
    const video = Object.assign(new EventTarget(), {
      paused: false,
      ended: false,
      seeking: false,
      readyState: 4,
      currentTime: 5,
      playbackRate: 1,
    });
    const pending: Array<() => void> = [];
    const frames: number[] = [];
    let reads = 0;
    startSampling(
      {
        video: video as unknown as HTMLVideoElement,
        doc: Object.assign(new EventTarget(), { hidden: false }) as unknown as Document,
        fps: 2,
        read: (v) => {
          reads++;
          const t = v.currentTime;
          return new Promise<LumaFrame>((resolve) =>
            pending.push(() => resolve({ t, width: 1, height: 1, data: new Uint8Array(1) })),
          );
        },
        isAd: () => false,
        onFrame: (f) => frames.push(f.t),
        onBreak: () => undefined,
        onUnreadable: () => undefined,
      },
      new AbortController().signal,
    );
    await vi.advanceTimersByTimeAsync(2000);
    expect(reads).toBe(1);
    pending.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(frames).toEqual([5]);
    video.currentTime = 5.5;
    await vi.advanceTimersByTimeAsync(500);
    expect(reads).toBe(2);
    video.dispatchEvent(new Event('seeking'));
    pending.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(frames).toEqual([5]);
  });

  it('leaves no timer and no listener when its signal aborts', () => {
    const s = stage();
    s.play();
    s.run(1);
    s.life.abort();
    expect(vi.getTimerCount()).toBe(0);
    const n = s.frames.length;
    s.video.dispatchEvent(new Event('playing'));
    s.run(2);
    expect(s.frames).toHaveLength(n);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('per-talk prefs', () => {
  const talk = 't_0000000000000001' as TalkId;
  const other = 't_0000000000000002' as TalkId;

  it('falls back to off and the whole frame for anything that does not fit', () => {
    for (const bad of [undefined, null, 3, 'on', [], { on: 'yes' }])
      expect(readPrefs(bad)).toEqual({ on: false, crop: null });
    expect(readPrefs({ on: true, crop: { x: 0.5, y: 0, width: 0.6, height: 1 } })).toEqual({
      on: true,
      crop: null,
    });
    expect(readPrefs({ on: true, crop: { x: 0, y: 0, width: 0.01, height: 1 } }).crop).toBeNull();
    expect(readPrefs({ on: true, crop: { x: 0.1, y: 0.2, width: 0.5, height: 0.5 } }).crop).toEqual({
      x: 0.1,
      y: 0.2,
      width: 0.5,
      height: 0.5,
    });
  });

  it('keeps each talk under its own key', async () => {
    const area = memoryArea();
    expect(await savePrefs(area, talk, { on: true, crop: null })).toBe(true);
    expect(await loadPrefs(area, talk)).toEqual({ on: true, crop: null });
    expect(await loadPrefs(area, other)).toEqual({ on: false, crop: null });
    expect(Object.keys(await area.get(prefsKey(talk)))).toEqual([`autoCapture:${talk}`]);
  });

  it('reads as off when storage fails, and says a save failed', async () => {
    const broken = { get: () => Promise.reject(new Error('x')), set: () => Promise.reject(new Error('x')) };
    expect(await loadPrefs(broken, talk)).toEqual({ on: false, crop: null });
    expect(await savePrefs(broken, talk, { on: true, crop: null })).toBe(false);
  });
});

describe('slide-area geometry', () => {
  it('resizes from a corner, never past the frame nor below the smallest side', () => {
    const r = { x: 0.1, y: 0.1, width: 0.5, height: 0.5 };
    expect(roundRect(dragRect(r, 'se', 0.2, 0.1))).toEqual({ x: 0.1, y: 0.1, width: 0.7, height: 0.6 });
    expect(roundRect(dragRect(r, 'nw', -0.5, -0.5))).toEqual({ x: 0, y: 0, width: 0.6, height: 0.6 });
    const tiny = dragRect(r, 'ne', -0.9, 0.9);
    expect(tiny.width).toBeCloseTo(0.05);
    expect(tiny.height).toBeCloseTo(0.05);
  });

  it('moves inside the frame, draws in any direction, nudges by keys', () => {
    const r = { x: 0.1, y: 0.1, width: 0.5, height: 0.5 };
    expect(roundRect(dragRect(r, 'move', 0.9, -0.9))).toEqual({ x: 0.5, y: 0, width: 0.5, height: 0.5 });
    expect(roundRect(spanRect(0.8, 0.9, 0.2, 0.3))).toEqual({ x: 0.2, y: 0.3, width: 0.6, height: 0.6 });
    expect(roundRect(nudgeRect(wholeFrame, 'ArrowLeft', true) ?? wholeFrame)).toEqual({
      x: 0,
      y: 0,
      width: 0.99,
      height: 1,
    });
    expect(nudgeRect(wholeFrame, 'ArrowLeft', false)).toEqual(wholeFrame);
    expect(nudgeRect(r, 'Enter', false)).toBeNull();
  });
});
