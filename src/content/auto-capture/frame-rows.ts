// A cheaper way to the small luma frame, where the browser has WebCodecs: drawing a playing
// 1080p <video> into even a 160x90 canvas converts and scales the whole frame on the main thread
// (about 60 ms on a software-only machine, bench/auto-capture), while a VideoFrame can be copied
// out as it is, in its own pixel format. One copy of the whole frame into a buffer kept between
// samples costs well under a millisecond of main thread; 90 copies of 2-row strips, the earlier
// way, cost 6-12 ms, nearly all of it per-call overhead. Each output pixel averages two source
// rows (the row pair the output row falls on) across the columns it covers. Luma comes from the
// frame's Y plane (video range widened to 0..255) or, for RGB frames, from (77R + 150G + 29B) >> 8
// as in luma.ts. Returns null when the frame's pixel format isn't one of these: the canvas path runs.
import type { LumaFrame } from '../../core/slides';
import { Unreadable } from './luma';

const yuv = new Set(['I420', 'I420A', 'I422', 'I444', 'NV12']);
const rgb: Record<string, [number, number, number]> = {
  RGBA: [0, 1, 2],
  RGBX: [0, 1, 2],
  BGRA: [2, 1, 0],
  BGRX: [2, 1, 0],
};

/** Where the copy goes; kept by the caller so a sample doesn't allocate a frame's worth of bytes. */
export interface RowScratch {
  buffer?: Uint8Array;
}

/** Averages a row pair's luma over `width` columns; `lumaAt(x)` reads one column's (2-row) luma. */
function downRow(
  out: Uint8Array,
  at: number,
  width: number,
  srcWidth: number,
  lumaAt: (x: number) => number,
) {
  for (let c = 0; c < width; c++) {
    const x0 = Math.floor((c * srcWidth) / width);
    const x1 = Math.max(x0 + 1, Math.floor(((c + 1) * srcWidth) / width));
    let sum = 0;
    for (let x = x0; x < x1; x++) sum += lumaAt(x);
    out[at + c] = Math.round(sum / (x1 - x0));
  }
}

/** The luma of a row pair's sum of Y values (0..510): their mean, video range widened unless `full`. */
function widenTable(full: boolean): Float64Array {
  const table = new Float64Array(511);
  for (let s = 0; s < 511; s++) {
    const v = s / 2;
    table[s] = full ? v : Math.min(255, Math.max(0, ((v - 16) * 255) / 219));
  }
  return table;
}
const widened = { video: widenTable(false), full: widenTable(true) };

/**
 * downRow for a Y plane, without a call per source pixel (the hot loop of a sample: a 1080p
 * frame's 160 x 90 output pixels each average a dozen columns): rows a and b of `data`.
 */
function downRowY(
  out: Uint8Array,
  at: number,
  width: number,
  srcWidth: number,
  data: Uint8Array,
  a: number,
  b: number,
  table: Float64Array,
) {
  for (let c = 0; c < width; c++) {
    const x0 = Math.floor((c * srcWidth) / width);
    const x1 = Math.max(x0 + 1, Math.floor(((c + 1) * srcWidth) / width));
    let sum = 0;
    for (let x = x0; x < x1; x++) sum += table[(data[a + x] ?? 0) + (data[b + x] ?? 0)] ?? 0;
    out[at + c] = Math.round(sum / (x1 - x0));
  }
}

/** The source row pair (its first, even row, relative to `top`) for each of `height` output rows. */
export function rowPairs(top: number, visibleHeight: number, height: number): number[] {
  const y0 = top & ~1;
  const last = top + visibleHeight - 2;
  return Array.from({ length: height }, (_, r) => {
    const y = (top + Math.floor(((r + 0.5) * visibleHeight) / height)) & ~1;
    return Math.max(y0, Math.min(y, last & ~1)) - y0;
  });
}

export async function readRows(
  video: HTMLVideoElement,
  width: number,
  height: number,
  scratch: RowScratch = {},
): Promise<LumaFrame | null> {
  const t = video.currentTime;
  let frame: VideoFrame;
  try {
    frame = new VideoFrame(video);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'SecurityError')
      throw new Unreadable('the video comes from another site that does not allow reading its frames');
    return null;
  }
  try {
    const format = frame.format ?? '';
    const order = rgb[format];
    if (!yuv.has(format) && !order) return null;
    const vis = frame.visibleRect ?? { x: 0, y: 0, width: frame.codedWidth, height: frame.codedHeight };
    // Chroma subsampling wants even rectangles.
    const x = vis.x & ~1;
    const y = vis.y & ~1;
    const w = vis.width & ~1;
    const h = (vis.y + vis.height - y) & ~1;
    if (w < 2 || h < 2) return null;
    const rect = { x, y, width: w, height: h };
    let plane: { offset: number; stride: number };
    let data: Uint8Array;
    try {
      const size = frame.allocationSize({ rect });
      if (scratch.buffer?.length !== size) scratch.buffer = new Uint8Array(size);
      data = scratch.buffer;
      const layout = await frame.copyTo(data, { rect });
      const first = layout[0];
      if (!first) return null;
      plane = first;
    } catch {
      // A browser that refuses to copy this frame: the canvas path runs instead.
      return null;
    }
    const { offset, stride } = plane;
    const out = new Uint8Array(width * height);
    const full = frame.colorSpace?.fullRange === true;
    rowPairs(vis.y, vis.height, height).forEach((row, r) => {
      const a = offset + row * stride;
      const b = a + stride;
      if (order) {
        const [R, G, B] = order;
        const px = (i: number) =>
          (77 * (data[i + R] ?? 0) + 150 * (data[i + G] ?? 0) + 29 * (data[i + B] ?? 0)) >> 8;
        downRow(out, r * width, width, w, (c) => (px(a + c * 4) + px(b + c * 4)) / 2);
      } else {
        // Video range 16..235 stretched to 0..255, so slides look the same as through a canvas.
        downRowY(out, r * width, width, w, data, a, b, full ? widened.full : widened.video);
      }
    });
    return { t, width, height, data: out };
  } finally {
    frame.close();
  }
}
