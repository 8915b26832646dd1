// Reads the small luma frames the slide detector works on (160x90 by default) from a <video>.
// One canvas is kept and reused: at 2 frames a second the cost is one scaled drawImage and a
// 57 KB readback. A frame the page won't let us read is reported with the reason, once, so
// auto-capture can stop and say so instead of sampling in vain.
import type { LumaFrame } from '../../core/slides';
import { type RowScratch, readRows } from './frame-rows';

/** Y = (77R + 150G + 29B) >> 8 (BT.601 weights in integers), the detector's and the CLI's luma. */
export function lumaOf(rgba: ArrayLike<number>, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    out[i] = (77 * (rgba[p] ?? 0) + 150 * (rgba[p + 1] ?? 0) + 29 * (rgba[p + 2] ?? 0)) >> 8;
  }
  return out;
}

/** Why the frames can't be read; auto-capture can't run on this video. */
export class Unreadable extends Error {}

/** Row copies and the canvas scale differently; a wrong reading is off by far more. */
const MAX_MEAN_DIFFERENCE = 12;

export function meanDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length || a.length === 0) return Number.POSITIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}

export class LumaReader {
  private canvas: HTMLCanvasElement | null = null;
  private ctx: CanvasRenderingContext2D | null = null;
  /** Whether WebCodecs' row copies (frame-rows.ts) work for this video; null until tried. */
  // Chromium only: Firefox ESR's VideoFrame copies gave frames on which the detector found no
  // slide at all (the e2e test), and its canvas path is cheap enough there.
  private rows: boolean | null = __BROWSER__ !== 'chrome' || typeof VideoFrame === 'undefined' ? false : null;
  /** The frame copy's buffer, reused from one sample to the next. */
  private readonly scratch: RowScratch = {};
  /** Whether a sample is copying into `scratch` now. */
  private copying = false;

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {}

  /**
   * The frame on screen now, the cheapest way the browser allows; rejects with Unreadable. Every
   * frame it returns, the first included, is read the same way: the detector compares them pixel
   * by pixel, and row copies and the canvas differ by more than its thresholds on coloured areas
   * (the Y plane's BT.709 luma against the canvas's BT.601 weights).
   */
  async sample(video: HTMLVideoElement): Promise<LumaFrame> {
    if (video.mediaKeys) throw new Unreadable('the video is DRM-protected, so its frames cannot be read');
    // Two samples at once (a hand capture's while the loop's is out) must not share the buffer.
    const scratch = this.copying ? {} : this.scratch;
    this.copying = true;
    try {
      if (this.rows === true) {
        const frame = await readRows(video, this.width, this.height, scratch);
        if (frame) return frame;
        this.rows = false;
      }
      if (this.rows === null) {
        // First frame: the row copies must agree with the canvas, or the canvas it is (a browser's
        // WebCodecs may hand out a format or layout this reading doesn't expect).
        // The canvas has the last word on whether the frames can be read at all.
        const rows = await readRows(video, this.width, this.height, scratch).catch(() => null);
        const canvas = this.read(video);
        this.rows = rows !== null && meanDifference(rows.data, canvas.data) < MAX_MEAN_DIFFERENCE;
        return this.rows && rows ? rows : canvas;
      }
      return this.read(video);
    } finally {
      if (scratch === this.scratch) this.copying = false;
    }
  }

  /** The frame on screen now, through a canvas; throws Unreadable when the page doesn't let us read it. */
  read(video: HTMLVideoElement): LumaFrame {
    if (video.mediaKeys) throw new Unreadable('the video is DRM-protected, so its frames cannot be read');
    return this.readFrom(video, video.currentTime);
  }

  /**
   * A picture already drawn (a capture's full-size canvas), at video time `t`: scaling a canvas
   * skips the conversion of the video frame that drawing the video itself costs.
   */
  readFrom(source: HTMLVideoElement | HTMLCanvasElement, t: number): LumaFrame {
    if (!this.ctx) {
      this.canvas = source.ownerDocument.createElement('canvas');
      this.canvas.width = this.width;
      this.canvas.height = this.height;
      this.ctx = this.canvas.getContext('2d', { willReadFrequently: true });
      if (!this.ctx) throw new Unreadable('the browser gave no canvas to read the frames with');
    }
    this.ctx.drawImage(source, 0, 0, this.width, this.height);
    let rgba: Uint8ClampedArray;
    try {
      rgba = this.ctx.getImageData(0, 0, this.width, this.height).data;
    } catch {
      // A tainted canvas: a video from another site served without CORS.
      throw new Unreadable('the video comes from another site that does not allow reading its frames');
    }
    return { t, width: this.width, height: this.height, data: lumaOf(rgba, this.width, this.height) };
  }
}
