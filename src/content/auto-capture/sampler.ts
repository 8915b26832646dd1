// The sampling loop: a frame every 1/fps seconds *of video* (what the CLI samples too, so the
// detector sees the same frames in both), only while the video plays in a visible tab, never
// while it seeks or an ad plays. At 2x speed that is 4 frames a second of wall time; faster
// playback is capped there. While paused or hidden no timer runs at all: a `playing` or
// `visibilitychange` event starts it again. Everything stops with the signal.
import type { LumaFrame } from '../../core/slides';
import { Unreadable } from './luma';

export interface SamplerDeps {
  video: HTMLVideoElement;
  doc: Document;
  /** Sampled frames per second of video. */
  fps: number;
  /** May answer later (WebCodecs copies are asynchronous); no new sample is taken meanwhile. */
  read(video: HTMLVideoElement): LumaFrame | Promise<LumaFrame>;
  isAd(): boolean;
  onFrame(frame: LumaFrame): void;
  /** What the detector was watching doesn't continue (seek, new source, ad, time jump): reset it. */
  onBreak(): void;
  /** The frames can't be read at all; sampling has stopped. */
  onUnreadable(reason: string): void;
}

/** Playback faster than this doesn't sample faster (wall time): at most 2 x fps per second. */
const MAX_RATE = 2;
/** A gap in video time larger than this between two samples (no seek seen) breaks the picture. */
const MAX_GAP_SECONDS = 3;

/** Wall-clock delay between samples at this playback rate. */
export function sampleDelayMs(fps: number, playbackRate: number): number {
  const rate = Math.min(MAX_RATE, Math.max(0.1, Number.isFinite(playbackRate) ? playbackRate : 1));
  return 1000 / fps / rate;
}

export function startSampling(d: SamplerDeps, signal: AbortSignal): void {
  const { video, doc } = d;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastT: number | null = null;
  let inAd = false;
  let stopped = false;
  let reading = false;
  /** Counts breaks, so a frame read across one is dropped. */
  let breaks = 0;

  const running = () => !stopped && !signal.aborted && !video.paused && !video.ended && !doc.hidden;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const schedule = () => {
    if (timer !== null || reading || !running()) return;
    timer = setTimeout(tick, sampleDelayMs(d.fps, video.playbackRate));
  };
  const breakOff = () => {
    breaks++;
    lastT = null;
    d.onBreak();
  };

  function tick() {
    timer = null;
    if (!running()) return;
    if (d.isAd()) {
      inAd = true;
      return schedule();
    }
    if (inAd) {
      inAd = false;
      breakOff();
    }
    if (video.seeking || video.readyState < 2) return schedule();
    let frame: LumaFrame | Promise<LumaFrame>;
    try {
      frame = d.read(video);
    } catch (e) {
      return fail(e);
    }
    if (!(frame instanceof Promise)) return use(frame);
    // No second read starts while this one is out (schedule() checks `reading`).
    reading = true;
    const epoch = breaks;
    frame.then(
      (f) => {
        reading = false;
        // A seek or a new source while it was read: the frame belongs to what came before.
        if (running() && breaks === epoch) use(f);
        else schedule();
      },
      (e) => {
        reading = false;
        fail(e);
      },
    );
  }

  function fail(e: unknown) {
    if (!(e instanceof Unreadable)) throw e;
    stopped = true;
    d.onUnreadable(e.message);
  }

  function use(frame: LumaFrame) {
    // The same frame again (a stalled stream): nothing new to look at.
    if (frame.t === lastT) return schedule();
    if (lastT !== null && (frame.t < lastT || frame.t - lastT > MAX_GAP_SECONDS)) breakOff();
    lastT = frame.t;
    d.onFrame(frame);
    schedule();
  }

  const on = (target: EventTarget, type: string, fn: () => void) =>
    target.addEventListener(type, fn, { signal });
  on(video, 'playing', schedule);
  on(video, 'pause', cancel);
  on(video, 'ended', cancel);
  on(video, 'seeking', breakOff);
  on(video, 'seeked', schedule);
  // A new source in the same element (YouTube reuses it for the next video).
  on(video, 'emptied', breakOff);
  on(doc, 'visibilitychange', () => (doc.hidden ? cancel() : schedule()));
  signal.addEventListener('abort', cancel, { once: true });
  schedule();
}
