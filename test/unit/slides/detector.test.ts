import { describe, expect, it } from 'vitest';
import {
  createSlideDetector,
  type DetectorOptions,
  type LumaFrame,
  type SlideEvent,
} from '../../../src/core/slides/index';
import {
  blend,
  calmCamera,
  camera,
  dark,
  degrade,
  H,
  paste,
  rng,
  slide,
  textLine,
  timeline,
  W,
} from './synth';

function run(frames: LumaFrame[], options: Partial<DetectorOptions> = {}): SlideEvent[] {
  const detector = createSlideDetector(options);
  return frames.flatMap((f) => detector.push(f) ?? []);
}

/** Capture times once build steps have replaced their predecessors (what the page ends up with). */
function kept(events: SlideEvent[]): number[] {
  const times: number[] = [];
  for (const e of events) {
    const i = e.replaces === undefined ? -1 : times.indexOf(e.replaces);
    if (i >= 0) times.splice(i, 1, e.t);
    else times.push(e.t);
  }
  return times;
}

const A = slide(['INTRODUCTION', '- WHY STREAMS', '- WHAT BROKE']);
const B = slide(['ARCHITECTURE', '- PRODUCERS WRITE LOGS', '- WORKERS CONSUME']);
const C = slide(['LESSONS', '- IDEMPOTENCY WINS', '- WATCH THE LAG']);
const still = (data: Uint8Array) => () => data;

describe('createSlideDetector', () => {
  it('captures each slide once after hard cuts, while it is on screen and after it settled', () => {
    const events = run(
      timeline([
        [5, still(A)],
        [5, still(B)],
        [5, still(C)],
      ]),
    );
    expect(events.map((e) => e.t)).toEqual([1, 6, 11]);
    expect(events.every((e) => e.replaces === undefined)).toBe(true);
    expect(events[1]?.shownAt).toBe(5);
  });

  it('waits out a crossfade and captures only its end state', () => {
    const events = run(
      timeline([
        [5, still(A)],
        [1.5, (t) => blend(A, B, (t - 5 + 0.5) / 2)],
        [5, still(B)],
      ]),
    );
    expect(events).toHaveLength(2);
    expect(events[1]?.t).toBeGreaterThanOrEqual(7);
  });

  it('replaces the capture as an incremental build completes', () => {
    const step1 = slide(['THREE RULES', '- ONE WRITER']);
    const step2 = slide(['THREE RULES', '- ONE WRITER', '- IDEMPOTENT RETRIES']);
    const step3 = slide(['THREE RULES', '- ONE WRITER', '- IDEMPOTENT RETRIES', '- ALERT ON LAG']);
    const events = run(
      timeline([
        [4, still(step1)],
        [4, still(step2)],
        [4, still(step3)],
        [4, still(C)],
      ]),
    );
    expect(events.map((e) => [e.t, e.replaces])).toEqual([
      [1, undefined],
      [5, 1],
      [9, 5],
      [13, undefined],
    ]);
    expect(kept(events)).toEqual([9, 13]);
  });

  it('takes a line turning a colour near the background, partly read as removed, for a build step', () => {
    const lines = ['THREE RULES', '- ONE WRITER', '- IDEMPOTENT RETRIES'];
    const before = slide(lines);
    // The highlight moves off line 2 (rows 23-32): its ink turns light grey, and one pixel in
    // four comes so close to the background that it reads as removed. No ink lands elsewhere.
    const after = before.slice();
    let ink = 0;
    for (let i = 23 * W; i < 33 * W; i++) {
      if (after[i] !== 30) continue;
      after[i] = ink++ % 4 === 3 ? 236 : 150;
    }
    const events = run(
      timeline([
        [4, still(before)],
        [4, still(after)],
        [4, still(C)],
      ]),
    );
    expect(events.map((e) => [e.t, e.replaces])).toEqual([
      [1, undefined],
      [5, 1],
      [9, undefined],
    ]);
  });

  it('takes a highlighted code line whose colour reads as removed for two pixels in five for a build step', () => {
    const lines = ['WALKTHROUGH', 'FN MIRROR ITEMS', '  CONST LIMIT 64', '  RETURN TRUE'];
    const before = slide(lines);
    // The first step of a walkthrough highlights line 3 (rows 36-45) in a colour whose level is
    // near the background: two of its ink pixels in five read as removed, the rest as
    // recoloured, and no ink lands elsewhere (seen on a dark deck's blue highlight).
    const after = before.slice();
    let ink = 0;
    for (let i = 36 * W; i < 46 * W; i++) {
      if (after[i] !== 30) continue;
      after[i] = ink++ % 5 >= 3 ? 236 : 150;
    }
    const events = run(
      timeline([
        [4, still(before)],
        [4, still(after)],
        [4, still(C)],
      ]),
    );
    expect(events.map((e) => [e.t, e.replaces])).toEqual([
      [1, undefined],
      [5, 1],
      [9, undefined],
    ]);
  });

  it('takes a line scaled up in place (a grow fragment) for a build step', () => {
    const before = slide(['ONE RULE']);
    textLine(before, 'MIRROR EVERY CONSUMER', 1, 70, 40, 30);
    textLine(before, 'THROTTLE THE TOPIC', 1, 70, 52, 30);
    const after = slide(['ONE RULE']);
    textLine(after, 'MIRROR EVERY CONSUMER', 1, 70, 40, 30);
    textLine(after, 'THROTTLE THE TOPIC', 1.3, 70, 52, 30);
    const events = run(
      timeline([
        [4, still(before)],
        [4, still(after)],
        [4, still(C)],
      ]),
    );
    expect(events.map((e) => [e.t, e.replaces])).toEqual([
      [1, undefined],
      [5, 1],
      [9, undefined],
    ]);
  });

  it('keeps a slide whose line became a larger line below, not around, the old one', () => {
    // Same template, next slide: the last line is now a subheading that starts on the old
    // line's row and reaches down. Its ink grows on one side only.
    const before = slide(['ONE RULE']);
    textLine(before, 'MIRROR EVERY CONSUMER', 1, 70, 40, 30);
    textLine(before, 'THROTTLE THE TOPIC', 1, 70, 52, 30);
    const after = slide(['ONE RULE']);
    textLine(after, 'MIRROR EVERY CONSUMER', 1, 70, 40, 30);
    textLine(after, 'BACKPRESSURE WINS', 1.5, 70, 57, 30);
    const events = run(
      timeline([
        [4, still(before)],
        [4, still(after)],
      ]),
    );
    expect(events.map((e) => [e.t, e.replaces])).toEqual([
      [1, undefined],
      [5, undefined],
    ]);
  });

  it('treats slides that differ by one number as different slides, not as a build', () => {
    const q1 = slide(['RESULTS', 'REVENUE UP 12 PCT']);
    const q2 = slide(['RESULTS', 'REVENUE UP 17 PCT']);
    const events = run(
      timeline([
        [5, still(q1)],
        [5, still(q2)],
      ]),
    );
    expect(events.map((e) => [e.t, e.replaces])).toEqual([
      [1, undefined],
      [6, undefined],
    ]);
  });

  it('keeps a slide whose one changed digit reads as recoloured ink, not as a build step', () => {
    // Downscaled and blurred, a digit turning into another keeps ink where both glyphs have
    // strokes, at another level: a few pixels within one glyph "recoloured", nothing added.
    const q1 = slide(['RESULTS', 'REVENUE UP 12 PCT', 'CHURN AT 3 PCT']);
    const q2 = q1.slice();
    let n = 0;
    for (let y = 23; y < 33 && n < 8; y++) {
      for (let x = 102; x < 108 && n < 8; x++) {
        if (q2[y * W + x] !== 30) continue;
        q2[y * W + x] = 110;
        n++;
      }
    }
    expect(n).toBeGreaterThanOrEqual(6);
    const events = run(
      timeline([
        [5, still(q1)],
        [5, still(q2)],
      ]),
    );
    expect(events.map((e) => [e.t, e.replaces])).toEqual([
      [1, undefined],
      [6, undefined],
    ]);
  });

  it('never captures speaker-camera shots, moving or calm, and does not recapture the slide after them', () => {
    const random = rng(1);
    const events = run(
      timeline([
        [5, still(A)],
        [8, (t) => camera(t, random)],
        [5, still(A)],
        [8, (t) => camera(t, random, W, H, 1)],
        [5, still(B)],
      ]),
    );
    expect(events.map((e) => e.t)).toEqual([1, 27]);
  });

  it('drops the motion mask a camera shot left once nothing under it moves, and takes the slide after it', () => {
    // Motion along a diagonal of the camera picture (a speaker walking towards the camera): its
    // bounding rectangle masks the whole frame, and the slide after the shot stays 7 s, less than
    // the ~9 s the mask needs to decay block by block.
    const wall = calmCamera(() => 0.5);
    const walking = (t: number) => {
      const out = wall.slice();
      const step = Math.round(t * 2);
      for (let y = 0; y < H; y++) {
        for (let x = 0; x < W; x++) {
          const [bx, by] = [Math.floor(x / 10), Math.floor(y / 10)];
          const onPath = by === Math.floor((bx * 9) / 16) || by === Math.floor(((bx + 1) * 9) / 16);
          if (onPath) out[y * W + x] = (x + y + step) % 3 === 0 ? 50 : 110;
        }
      }
      return out;
    };
    const events = run(
      timeline([
        [5, still(A)],
        [8, walking],
        [7, still(B)],
      ]),
    );
    expect(events.map((e) => e.t)).toEqual([1, expect.any(Number)]);
    // B is on screen from 13 s to 20 s: taken within 3 s, once the mask has rested 1.5 s.
    expect(events[1]?.t).toBeGreaterThanOrEqual(14);
    expect(events[1]?.t).toBeLessThanOrEqual(16);
  });

  it('never captures a calm camera shot that is flat enough to pass for a slide, and takes the slide after it', () => {
    const random = rng(3);
    const events = run(
      timeline([
        [5, still(A)],
        [8, () => calmCamera(random)],
        [5, still(B)],
      ]),
    );
    expect(events.map((e) => e.t)).toEqual([1, 14]);
  });

  it('does not capture a slide again when the speaker goes back to it', () => {
    const events = run(
      timeline([
        [5, still(A)],
        [5, still(B)],
        [5, still(A)],
        [5, still(C)],
        [5, still(B)],
      ]),
    );
    expect(events.map((e) => e.t)).toEqual([1, 6, 16]);
  });

  it('skips slides whose hashes the page seeded from earlier sessions', () => {
    const first = run(
      timeline([
        [5, still(A)],
        [5, still(B)],
      ]),
    );
    const seeded = run(
      timeline([
        [5, still(B)],
        [5, still(A)],
        [5, still(C)],
      ]),
      {
        knownHashes: first.map((e) => e.phash),
      },
    );
    expect(seeded.map((e) => e.t)).toEqual([11]);
  });

  it('ignores the camera box of a picture-in-picture layout', () => {
    const random = rng(2);
    const pip = (deck: Uint8Array) => (t: number) => {
      const small = slide(['X'], { bg: 0, fg: 0 }, 40, 50);
      return paste(
        paste(new Uint8Array(W * H).fill(40), deck.subarray(0), W, 62, 0, 14),
        camera(t, random, 40, 50, 6).map((v, i) => v | (small[i] ?? 0)),
        40,
        50,
        118,
        20,
      );
    };
    const deck = (lines: string[]) => slide(lines, { bg: 240, fg: 30, bar: 90 }, W, 62).slice(0, W * 62);
    const frames = timeline([
      [8, pip(deck(['INTRO', 'TEXT ONE']))],
      [6, pip(deck(['AGENDA', 'TEXT TWO']))],
      [6, pip(deck(['CLOSING', 'TEXT THREE']))],
    ]);
    expect(run(frames)).toHaveLength(3);
    // With a crop rectangle on the slide area, capture starts as soon as the slide settles.
    const cropped = run(frames, { crop: { x: 0, y: 0.15, width: 0.72, height: 0.7 } });
    expect(cropped.map((e) => e.t)).toEqual([1, 9, 15]);
  });

  it('does not capture a slide again when the layout changes from beside the speaker to full frame', () => {
    const random = rng(6);
    // Text softened by a 3x3 box blur, as decoded video renders it.
    const soft = (d: Uint8Array) =>
      d.map((_, i) => {
        const [x, y] = [i % W, Math.floor(i / W)];
        let [sum, n] = [0, 0];
        for (let yy = Math.max(0, y - 1); yy <= Math.min(H - 1, y + 1); yy++) {
          for (let xx = Math.max(0, x - 1); xx <= Math.min(W - 1, x + 1); xx++) {
            sum += d[yy * W + xx] ?? 0;
            n++;
          }
        }
        return Math.round(sum / n);
      });
    // Area-average downscale of a full-frame slide to w x h (the stream layout's slide box).
    const shrink = (full: Uint8Array, w: number, h: number) => {
      const out = new Uint8Array(w * h);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const [xa, xb] = [Math.floor((x * W) / w), Math.floor(((x + 1) * W) / w)];
          const [ya, yb] = [Math.floor((y * H) / h), Math.floor(((y + 1) * H) / h)];
          let sum = 0;
          for (let yy = ya; yy < yb; yy++) for (let xx = xa; xx < xb; xx++) sum += full[yy * W + xx] ?? 0;
          out[y * w + x] = Math.round(sum / ((xb - xa) * (yb - ya)));
        }
      }
      return out;
    };
    const beside = (full: Uint8Array) => (t: number) =>
      paste(
        paste(new Uint8Array(W * H).fill(33), shrink(full, 110, 62), 110, 62, 3, 14),
        camera(t, random, 40, 60, 6),
        40,
        60,
        117,
        15,
      );
    const [b, c] = [soft(B), soft(C)];
    const events = run(
      timeline([
        [8, beside(b)],
        [6, still(b)],
        [6, still(c)],
      ]),
    );
    // B beside the speaker, then B full frame (the slide already taken), then C.
    expect(events).toHaveLength(2);
    expect(events[1]?.t).toBeGreaterThanOrEqual(14);
  });

  it('takes the slides beside a speaker who moves too slowly to change between two samples', () => {
    // A soft-edged speaker drifting by under a pixel per sample, as decoded video shows a small
    // camera box: its edge brightens by 10 levels a sample (under the change level there) for four
    // samples, then darkens again. No sample differs from the one before, yet the picture keeps
    // drifting from the one it settled on.
    const step = 10;
    const drifting = (d: Uint8Array) => (t: number) => {
      const k = Math.round(t * 2) % 8;
      const lift = step * (k < 4 ? k : 8 - k);
      const box = new Uint8Array(40 * 60).fill(200);
      for (let y = 15; y < 60; y++) for (let x = 14; x < 22; x++) box[y * 40 + x] = 150 + lift;
      return paste(paste(new Uint8Array(W * H).fill(40), d, W, 62, 0, 14), box, 40, 60, 116, 16);
    };
    const deck = (lines: string[]) => slide(lines, { bg: 240, fg: 30, bar: 90 }, W, 62).slice(0, W * 62);
    const frames = timeline([
      [8, drifting(deck(['INTRO', 'TEXT ONE']))],
      [8, drifting(deck(['AGENDA', 'TEXT TWO']))],
      [8, drifting(deck(['CLOSING', 'TEXT THREE']))],
    ]);
    const events = run(frames);
    // One capture a slide, each while it is on screen, none replaced by a step of the camera.
    expect(events.map((e) => Math.floor(e.t / 8))).toEqual([0, 1, 2]);
    expect(events.filter((e) => e.replaces !== undefined)).toEqual([]);
  });

  it("does not take the speaker reaching past the camera box's mask for a changed slide", () => {
    const random = rng(11);
    // The speaker sways in one column of blocks (masked, with a block around it); every 5 s a
    // hand reaches one block further for 2.5 s, beyond the mask.
    const speaker = (d: Uint8Array) => (t: number) => {
      const frame = paste(new Uint8Array(W * H).fill(40), d, 106, 62, 2, 14);
      const k = Math.round(t * 2);
      const cx = 124 + 3 * Math.sin(k * 1.7);
      for (let y = 20; y < 80; y++) {
        for (let x = 110; x < 150; x++) {
          const body = y >= 40 && Math.abs(x - cx) < 3;
          const hand = k % 10 >= 5 && y >= 50 && y < 58 && x >= 141 && x < 147;
          frame[y * W + x] = body || hand ? 60 : 150 + Math.round((random() - 0.5) * 2);
        }
      }
      return frame;
    };
    const deck = (lines: string[]) => slide(lines, { bg: 240, fg: 30, bar: 90 }, 106, 62);
    const frames = timeline([
      [10, speaker(deck(['INTRO', 'ONE']))],
      [10, speaker(deck(['AGENDA', 'TWO']))],
      [10, speaker(deck(['CLOSING', 'THREE']))],
    ]);
    const events = run(frames);
    expect(events.map((e) => Math.floor(e.t / 10))).toEqual([0, 1, 2]);
    expect(events.filter((e) => e.replaces !== undefined)).toEqual([]);
  });

  it('ignores a demo video playing inside a slide', () => {
    const random = rng(3);
    const withVideo = (deck: Uint8Array) => (t: number) =>
      paste(deck, camera(t * 3, random, 40, 30, 10), 40, 30, 110, 50);
    const d1 = slide(['LIVE DEMO', 'CONSUMER LAG']);
    const d2 = slide(['FAILOVER DEMO', 'REGION TWO']);
    const events = run(
      timeline([
        [9, withVideo(d1)],
        [9, withVideo(d2)],
      ]),
    );
    expect(events).toHaveLength(2);
    expect(events[0]?.t).toBeLessThan(9);
    expect(events[1]?.t).toBeGreaterThanOrEqual(9);
  });

  it('is not fooled by brightness flicker and noise', () => {
    // Grain of +-1 level is what survives downscaling to 160x90 and compression; the bench's
    // flicker-noise video covers heavy grain through a real decode. Strong per-pixel noise at
    // 160x90 reads as a camera picture (see MIN_FLAT_SHARE).
    const random = rng(4);
    const flicker = (deck: Uint8Array) => (t: number) =>
      degrade(deck, 1 + 0.06 * Math.sin(t * 5), 10 * Math.sin(t * 3.1), 1, random);
    const events = run(
      timeline([
        [6, flicker(A)],
        [6, flicker(B)],
        [6, flicker(C)],
      ]),
    );
    expect(events).toHaveLength(3);
  });

  it('sees a one-digit change on a dark deck', () => {
    const d1 = slide(['ERROR BUDGET', '42 MINUTES LEFT'], dark);
    const d2 = slide(['ERROR BUDGET', '47 MINUTES LEFT'], dark);
    expect(
      run(
        timeline([
          [5, still(d1)],
          [5, still(d2)],
        ]),
      ).map((e) => e.t),
    ).toEqual([1, 6]);
  });

  it('ignores blank frames (black between talks)', () => {
    expect(run(timeline([[5, () => new Uint8Array(W * H)]]))).toEqual([]);
  });

  it('keeps the talk memory across reset() (a seek) and copies frames whose buffer the caller reuses', () => {
    const detector = createSlideDetector();
    const buffer = new Uint8Array(W * H);
    const events: SlideEvent[] = [];
    const feed = (t0: number, data: Uint8Array) => {
      for (let i = 0; i < 8; i++) {
        buffer.set(data);
        const e = detector.push({ t: t0 + i / 2, width: W, height: H, data: buffer });
        if (e) events.push(e);
      }
    };
    feed(0, A);
    detector.reset();
    feed(100, A);
    feed(104, B);
    expect(events.map((e) => e.t)).toEqual([1, 105]);
    expect(events[0]?.frame.data).toEqual(A);
  });

  it('gives a 16-hex-digit hash that differs between slides', () => {
    const events = run(
      timeline([
        [5, still(A)],
        [5, still(C)],
      ]),
    );
    expect(events[0]?.phash).toMatch(/^[0-9a-f]{16}$/);
    expect(events[0]?.phash).not.toBe(events[1]?.phash);
  });
});

describe('a slide captured by hand', () => {
  it('is never captured again, matched by its frame even when its hash was read another way', () => {
    const detector = createSlideDetector();
    // The hand-taken frame went through another path (noise, a little brighter); its hash is
    // deliberately useless, so only the frame can tell it is slide B.
    detector.remember('0000000000000000', {
      t: 7,
      width: W,
      height: H,
      data: degrade(B, 1.02, 2, 3, rng(5)),
    });
    const events = timeline([
      [5, still(A)],
      [5, still(B)],
      [5, still(C)],
    ]).flatMap((f) => detector.push(f) ?? []);
    expect(events.map((e) => e.t)).toEqual([1, 11]);
  });

  it('is still captured automatically when the hand-taken frame was another slide', () => {
    const detector = createSlideDetector();
    detector.remember('0000000000000000', { t: 2, width: W, height: H, data: C });
    const events = timeline([
      [5, still(A)],
      [5, still(B)],
    ]).flatMap((f) => detector.push(f) ?? []);
    expect(events.map((e) => e.t)).toEqual([1, 6]);
  });
});
