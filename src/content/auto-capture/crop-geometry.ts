// The slide-area rectangle's arithmetic, in fractions 0..1 of the video picture: dragging a
// corner, moving the whole rectangle, nudging it with the keyboard. Pure, so it is unit-tested.
import type { CropRect } from '../../core/slides';

export type Grip = 'move' | 'nw' | 'ne' | 'sw' | 'se';

/** Smallest side, as a fraction of the picture (the detector needs a few pixels to work with). */
export const MIN_SIDE = 0.05;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The rectangle after a grip was dragged by (dx, dy), kept inside the picture and not too small. */
export function dragRect(start: CropRect, grip: Grip, dx: number, dy: number): CropRect {
  if (grip === 'move') {
    return {
      ...start,
      x: clamp(start.x + dx, 0, 1 - start.width),
      y: clamp(start.y + dy, 0, 1 - start.height),
    };
  }
  let left = start.x;
  let top = start.y;
  let right = start.x + start.width;
  let bottom = start.y + start.height;
  if (grip === 'nw' || grip === 'sw') left = clamp(left + dx, 0, right - MIN_SIDE);
  else right = clamp(right + dx, left + MIN_SIDE, 1);
  if (grip === 'nw' || grip === 'ne') top = clamp(top + dy, 0, bottom - MIN_SIDE);
  else bottom = clamp(bottom + dy, top + MIN_SIDE, 1);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** A rectangle drawn from one point to another, in either direction. */
export function spanRect(ax: number, ay: number, bx: number, by: number): CropRect {
  const x0 = clamp(Math.min(ax, bx), 0, 1 - MIN_SIDE);
  const y0 = clamp(Math.min(ay, by), 0, 1 - MIN_SIDE);
  const x1 = clamp(Math.max(ax, bx), x0 + MIN_SIDE, 1);
  const y1 = clamp(Math.max(ay, by), y0 + MIN_SIDE, 1);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Arrow keys move the rectangle; with Shift they resize it from its bottom-right corner. */
export function nudgeRect(r: CropRect, key: string, resize: boolean, step = 0.01): CropRect | null {
  const d: Record<string, [number, number]> = {
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
    ArrowUp: [0, -step],
    ArrowDown: [0, step],
  };
  const move = d[key];
  if (!move) return null;
  return dragRect(r, resize ? 'se' : 'move', move[0], move[1]);
}

/** Rounded for storage: four decimals is a tenth of a pixel at 4K. */
export function roundRect(r: CropRect): CropRect {
  const q = (v: number) => Math.round(v * 10000) / 10000;
  return { x: q(r.x), y: q(r.y), width: q(r.width), height: q(r.height) };
}

export const wholeFrame: CropRect = { x: 0, y: 0, width: 1, height: 1 };
