// A cheaper way to the small luma frame, where the browser has WebCodecs: drawing a playing
// 1080p <video> into even a 160x90 canvas converts and scales the whole frame on the main thread
// (about 150 ms on a software-only machine, bench/auto-capture), while a VideoFrame can copy out
// just the rows the 160x90 frame needs (90 copies of a 2-pixel-high strip, about 9 ms). Each
// output pixel averages its strip across the columns it covers. Luma comes from the frame's Y
// plane (video range widened to 0..255) or, for RGB frames, from (77R + 150G + 29B) >> 8 as in
// luma.ts. Returns null when the frame's pixel format isn't one of these: the canvas path runs.
import type { LumaFrame } from '../../core/slides';
import { Unreadable } from './luma';

const yuv = new Set(['I420', 'I420A', 'I422', 'I444', 'NV12']);
const rgb: Record<string, [number, number, number]> = {
  RGBA: [0, 1, 2],
  RGBX: [0, 1, 2],
  BGRA: [2, 1, 0],
  BGRX: [2, 1, 0],
};

/** Averages a strip's luma over `width` columns; `lumaAt(x)` reads one column's (2-row) luma. */
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

export async function readRows(
  video: HTMLVideoElement,
  width: number,
  height: number,
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
    const w = vis.width & ~1;
    const rows = Array.from(
      { length: height },
      (_, r) => (vis.y + Math.floor(((r + 0.5) * vis.height) / height)) & ~1,
    );
    let strips: Uint8Array[];
    try {
      const size = frame.allocationSize({ rect: { x, y: rows[0] ?? 0, width: w, height: 2 } });
      strips = await Promise.all(
        rows.map(async (y) => {
          const buf = new Uint8Array(size);
          await frame.copyTo(buf, {
            rect: { x, y: Math.min(y, vis.y + vis.height - 2), width: w, height: 2 },
          });
          return buf;
        }),
      );
    } catch {
      // A browser that refuses partial copies of this frame: the canvas path runs instead.
      return null;
    }
    const out = new Uint8Array(width * height);
    const full = frame.colorSpace?.fullRange === true;
    strips.forEach((s, r) => {
      if (order) {
        const [R, G, B] = order;
        const px = (i: number) => (77 * (s[i + R] ?? 0) + 150 * (s[i + G] ?? 0) + 29 * (s[i + B] ?? 0)) >> 8;
        downRow(out, r * width, width, w, (c) => (px(c * 4) + px((w + c) * 4)) / 2);
      } else {
        // Video range 16..235 stretched to 0..255, so slides look the same as through a canvas.
        const widen = (v: number) => (full ? v : Math.min(255, Math.max(0, ((v - 16) * 255) / 219)));
        downRow(out, r * width, width, w, (c) => widen(((s[c] ?? 0) + (s[w + c] ?? 0)) / 2));
      }
    });
    return { t, width, height, data: out };
  } finally {
    frame.close();
  }
}
