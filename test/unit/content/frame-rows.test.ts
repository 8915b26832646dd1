// The WebCodecs path to the detector's small luma frame (frame-rows.ts), against a stand-in
// VideoFrame that holds real pixel planes: one copy of the frame per sample into a buffer that is
// reused, each output pixel the average of its row pair over the columns it covers, video range
// widened to 0..255, RGB frames through the same luma weights as the canvas path, and the frame
// always closed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readRows, rowPairs } from '../../../src/content/auto-capture/frame-rows';

type Rect = { x: number; y: number; width: number; height: number };

/** A frame of `w`x`h` whose first plane's byte at (x, y) is `value(x, y)` (per channel for RGB). */
function source(format: string, w: number, h: number, value: (x: number, y: number, ch: number) => number) {
  return { format, w, h, value, copies: 0, closed: 0 };
}
type Source = ReturnType<typeof source>;

class FakeFrame {
  readonly format: string;
  readonly codedWidth: number;
  readonly codedHeight: number;
  readonly visibleRect: Rect;
  readonly colorSpace = { fullRange: false };
  constructor(private readonly src: Source) {
    this.format = src.format;
    this.codedWidth = src.w;
    this.codedHeight = src.h + 8;
    this.visibleRect = { x: 0, y: 0, width: src.w, height: src.h };
  }
  private bpp() {
    return this.format.startsWith('I') ? 1 : 4;
  }
  allocationSize({ rect }: { rect: Rect }) {
    // The first plane, then room for chroma (its content doesn't matter here).
    return rect.width * rect.height * this.bpp() * (this.bpp() === 1 ? 1.5 : 1);
  }
  async copyTo(buf: Uint8Array, { rect }: { rect: Rect }) {
    this.src.copies++;
    const bpp = this.bpp();
    const stride = rect.width * bpp;
    for (let y = 0; y < rect.height; y++)
      for (let x = 0; x < rect.width; x++)
        for (let ch = 0; ch < bpp; ch++)
          buf[y * stride + x * bpp + ch] = this.src.value(rect.x + x, rect.y + y, ch);
    return [{ offset: 0, stride }];
  }
  close() {
    this.src.closed++;
  }
}

/** `new VideoFrame(video)` makes a FakeFrame of the stand-in video's source. */
const useFakeFrames = () =>
  vi.stubGlobal(
    'VideoFrame',
    class extends FakeFrame {
      constructor(v: { src: Source }) {
        super(v.src);
      }
    },
  );

const video = (src: Source, t = 12.5) => ({ currentTime: t, src }) as unknown as HTMLVideoElement;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('rowPairs', () => {
  it('takes the even row pair under the middle of each output row, inside the frame', () => {
    expect(rowPairs(0, 1080, 90).slice(0, 3)).toEqual([6, 18, 30]);
    expect(rowPairs(0, 1080, 90).at(-1)).toBe(1074);
    expect(rowPairs(0, 4, 4)).toEqual([0, 0, 2, 2]);
  });
});

describe('readRows', () => {
  it('averages each row pair over the columns an output pixel covers, widening video range', async () => {
    useFakeFrames();
    // Top half 16 (video black), bottom half 235 (video white); columns 0-3 of the top half
    // alternate rows 16 and 235 (a row pair averages to the middle).
    const src = source('I420', 320, 180, (x, y) => (y >= 90 ? 235 : x < 4 && y % 2 ? 235 : 16));
    const frame = await readRows(video(src), 160, 90);
    expect(frame).not.toBeNull();
    const data = frame?.data ?? new Uint8Array();
    expect(frame?.t).toBe(12.5);
    expect(data[0 * 160 + 0]).toBe(128); // (16 + 235) / 2 widened
    expect(data[0 * 160 + 1]).toBe(128);
    expect(data[0 * 160 + 2]).toBe(0);
    expect(data[44 * 160 + 100]).toBe(0);
    expect(data[45 * 160 + 100]).toBe(255);
    expect(data[89 * 160 + 159]).toBe(255);
    expect(src.copies).toBe(1);
    expect(src.closed).toBe(1);
  });

  it('copies each frame once, into the same buffer every time', async () => {
    useFakeFrames();
    const src = source('I420', 640, 360, (x) => (x < 320 ? 16 : 235));
    const scratch = {};
    await readRows(video(src), 160, 90, scratch);
    const first = (scratch as { buffer?: Uint8Array }).buffer;
    const frame = await readRows(video(src), 160, 90, scratch);
    expect(first).toBeInstanceOf(Uint8Array);
    expect((scratch as { buffer?: Uint8Array }).buffer).toBe(first);
    expect(src.copies).toBe(2);
    expect(frame?.data[10 * 160 + 79]).toBe(0);
    expect(frame?.data[10 * 160 + 80]).toBe(255);
  });

  it('reads RGB frames with the canvas path’s luma weights', async () => {
    useFakeFrames();
    // BGRA: channel 0 is blue. Pure red on the left, pure blue on the right.
    const src = source('BGRA', 320, 180, (x, _y, ch) =>
      x < 160 ? (ch === 2 ? 255 : 0) : ch === 0 ? 255 : 0,
    );
    const frame = await readRows(video(src), 160, 90);
    expect(frame?.data[0]).toBe((77 * 255) >> 8);
    expect(frame?.data[159]).toBe((29 * 255) >> 8);
    expect(src.closed).toBe(1);
  });

  it('leaves formats it cannot read to the canvas path, and still closes the frame', async () => {
    useFakeFrames();
    const src = source('P010', 320, 180, () => 0);
    expect(await readRows(video(src), 160, 90)).toBeNull();
    expect(src.copies).toBe(0);
    expect(src.closed).toBe(1);
  });
});
