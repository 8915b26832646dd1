// Capture fidelity: each capture that lands on a slide, compared with the rendered picture of
// that slide's final build (scaled into the slide's place in the frame, 160x90 luma), as the mean
// absolute difference in luma levels (0 = identical; a crossfade mid-state or a partial build
// shows as tens of levels, encoder blur as a few).
import { spawnSync } from 'node:child_process';
import type { LumaFrame } from '../../src/core/slides/index';
import type { Truth } from './generate';

const refs = new Map<string, Uint8Array>();

function reference(png: string, w: number, h: number): Uint8Array {
  const key = `${png}@${w}x${h}`;
  const cached = refs.get(key);
  if (cached) return cached;
  const run = spawnSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-nostdin',
      '-i',
      png,
      '-vf',
      `scale=${w}:${h}:flags=area,format=gray`,
      '-f',
      'rawvideo',
      '-',
    ],
    {
      maxBuffer: 1 << 24,
    },
  );
  if (run.status !== 0) throw new Error(`ffmpeg could not read ${png}`);
  const data = new Uint8Array(run.stdout);
  refs.set(key, data);
  return data;
}

/** Mean absolute difference of each capture on a slide with a reference; null when none has one. */
export function fidelity(
  captures: readonly number[],
  frames: readonly LumaFrame[],
  truth: Truth,
  fps: number,
): number[] {
  const out: number[] = [];
  for (const t of captures) {
    const at = truth.intervals.find((iv) => t >= iv.start && t < iv.end);
    const frame = frames[Math.round(t * fps)];
    if (!at?.label || !frame) continue;
    // The final build of the slide on screen (a capture of an earlier step is judged against it).
    const final = truth.intervals.filter((iv) => iv.label === at.label && iv.final && iv.ref).pop();
    if (!final?.ref || !at.rect) continue;
    const r = at.rect;
    const x0 = Math.round(r.x * frame.width);
    const y0 = Math.round(r.y * frame.height);
    const w = Math.round(r.w * frame.width);
    const h = Math.round(r.h * frame.height);
    const ref = reference(final.ref, w, h);
    let sum = 0;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++)
        sum += Math.abs((frame.data[(y0 + y) * frame.width + x0 + x] ?? 0) - (ref[y * w + x] ?? 0));
    }
    out.push(sum / (w * h));
  }
  return out;
}
