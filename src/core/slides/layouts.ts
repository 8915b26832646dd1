// Whether two pictures show one slide in two layouts (beside a camera picture, then full frame,
// or back): the slide's rectangle is found in each by its background level, and the ink, scaled
// to one grid over each rectangle, must land in the same places.
import type { Region } from './frame-ops';

/** Side of the grid two layouts of a slide are compared on (16:9 cells over the slide's rectangle). */
const LAYOUT_COLS = 16;
const LAYOUT_ROWS = 9;
/** Slide rectangles whose sides differ by at most this many pixels are the same layout. */
const SAME_RECT_PIXELS = 4;
/** Largest difference of aspect ratio between two rectangles showing the same slide. */
const LAYOUT_ASPECT = 0.1;
/** Pixels of a row or column at the background level that put it inside the slide's rectangle. */
const RECT_MIN_PIXELS = 3;
/** Levels from the background that still count as background when finding the rectangle. */
const RECT_LEVEL = 6;
/**
 * Largest mean difference of ink density (0..1 of the contrast) between two layouts of one slide:
 * another slide of the same template moves its text lines by whole cells.
 */
const LAYOUT_MAX_DIFFERENCE = 0.03;

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The slide's rectangle in a picture: the rows and columns holding its background level (a slide
 * beside a camera picture sits on another colour; a slide full frame fills the picture).
 */
function slideRectOf(region: Region, level: number): Rect | null {
  const { width, height, data } = region;
  const rows = new Uint16Array(height);
  const cols = new Uint16Array(width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x] ?? 0;
      if (v - level <= RECT_LEVEL && level - v <= RECT_LEVEL) {
        rows[y] = (rows[y] ?? 0) + 1;
        cols[x] = (cols[x] ?? 0) + 1;
      }
    }
  }
  const first = (a: Uint16Array) => a.findIndex((n) => n >= RECT_MIN_PIXELS);
  const last = (a: Uint16Array) => a.length - 1 - [...a].reverse().findIndex((n) => n >= RECT_MIN_PIXELS);
  const [x0, y0] = [first(cols), first(rows)];
  if (x0 < 0 || y0 < 0) return null;
  const rect = { x0, y0, x1: last(cols) + 1, y1: last(rows) + 1 };
  return rect.x1 - rect.x0 >= width / 4 && rect.y1 - rect.y0 >= height / 4 ? rect : null;
}

/** Mean distance from the background level per cell of a grid over the rectangle (ink density). */
function inkGrid(region: Region, rect: Rect, level: number): Float32Array {
  const out = new Float32Array(LAYOUT_COLS * LAYOUT_ROWS);
  const w = rect.x1 - rect.x0;
  const h = rect.y1 - rect.y0;
  for (let cy = 0; cy < LAYOUT_ROWS; cy++) {
    const ya = rect.y0 + Math.floor((cy * h) / LAYOUT_ROWS);
    const yb = Math.max(ya + 1, rect.y0 + Math.floor(((cy + 1) * h) / LAYOUT_ROWS));
    for (let cx = 0; cx < LAYOUT_COLS; cx++) {
      const xa = rect.x0 + Math.floor((cx * w) / LAYOUT_COLS);
      const xb = Math.max(xa + 1, rect.x0 + Math.floor(((cx + 1) * w) / LAYOUT_COLS));
      let sum = 0;
      for (let y = ya; y < yb; y++) {
        for (let x = xa; x < xb; x++) sum += Math.abs((region.data[y * region.width + x] ?? 0) - level);
      }
      out[cy * LAYOUT_COLS + cx] = sum / ((yb - ya) * (xb - xa));
    }
  }
  return out;
}

/**
 * Whether `region` shows the slide of capture `c` in another layout (beside a camera picture
 * and then full frame, or back): their slide rectangles differ in size, not in shape, and the
 * ink, scaled to one grid over each rectangle, lands in the same places.
 */
export function sameInOtherLayout(c: Region, region: Region, trace?: (m: string) => void): boolean {
  // Either picture's dominant level may be the frame around a small slide: try both.
  const levels = c.background === region.background ? [c.background] : [c.background, region.background];
  return levels.some((level) => sameAtLevel(c, region, level, trace));
}

function sameAtLevel(c: Region, region: Region, level: number, trace?: (m: string) => void): boolean {
  const a = slideRectOf(c, level);
  const b = slideRectOf(region, level);
  if (!a || !b) return false;
  const [aw, ah, bw, bh] = [a.x1 - a.x0, a.y1 - a.y0, b.x1 - b.x0, b.y1 - b.y0];
  if (Math.abs(aw - bw) <= SAME_RECT_PIXELS && Math.abs(ah - bh) <= SAME_RECT_PIXELS) return false;
  if (Math.abs(aw / ah - bw / bh) > LAYOUT_ASPECT * (bw / bh)) return false;
  const ga = inkGrid(c, a, level);
  const gb = inkGrid(region, b, level);
  let diff = 0;
  let contrast = 0;
  for (let k = 0; k < ga.length; k++) {
    diff += Math.abs((ga[k] ?? 0) - (gb[k] ?? 0));
    contrast = Math.max(contrast, ga[k] ?? 0, gb[k] ?? 0);
  }
  const difference = contrast ? diff / ga.length / contrast : 1;
  trace?.(`other layout? ${aw}x${ah} vs ${bw}x${bh} difference ${difference.toFixed(3)}`);
  return difference <= LAYOUT_MAX_DIFFERENCE;
}
