// Pixel-level building blocks of the detector: crop, block grid, flicker-compensated differences
// and the histogram statistics that tell a slide from a camera picture. Plain loops over typed
// arrays: a 160x90 frame is 14,400 pixels and the whole detector has a budget of 1 ms a frame.
import type { CropRect, LumaFrame } from './types';

export interface Region {
  width: number;
  height: number;
  data: Uint8Array;
  /** The dominant level (a slide's background), the reference for the gain tolerance. */
  background: number;
}

/**
 * Brightness changes that scale the picture (auto-exposure, contrast pumping) move a pixel in
 * proportion to its distance from the background; this share of that distance is tolerated.
 */
const GAIN_TOLERANCE = 0.1;

const levelHistogram = new Uint32Array(256);
/** Neighbours within this many levels count as flat (decoded, downscaled video keeps little grain). */
const FLAT_STEP = 1;

/** Centre of the most populated window of 9 levels (compression spreads a flat colour a little). */
function dominantLevel(histogram: Uint32Array): { level: number; count: number } {
  let window = 0;
  for (let v = 0; v < 9; v++) window += histogram[v] ?? 0;
  let best = window;
  let level = 4;
  for (let v = 9; v < 256; v++) {
    window += (histogram[v] ?? 0) - (histogram[v - 9] ?? 0);
    if (window > best) {
      best = window;
      level = v - 4;
    }
  }
  return { level, count: best };
}

function withBackground(width: number, height: number, data: Uint8Array): Region {
  levelHistogram.fill(0);
  for (let i = 0; i < data.length; i++) {
    const v = data[i] ?? 0;
    levelHistogram[v] = (levelHistogram[v] ?? 0) + 1;
  }
  return { width, height, data, background: dominantLevel(levelHistogram).level };
}

/** A copy of the frame (or of its crop rectangle): callers may reuse their buffer for the next frame. */
export function cropRegion(frame: LumaFrame, crop: CropRect | null): Region {
  if (!crop)
    return withBackground(frame.width, frame.height, frame.data.slice(0, frame.width * frame.height));
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const x0 = Math.floor(clamp(crop.x) * frame.width);
  const y0 = Math.floor(clamp(crop.y) * frame.height);
  const x1 = Math.max(x0 + 1, Math.round(clamp(crop.x + crop.width) * frame.width));
  const y1 = Math.max(y0 + 1, Math.round(clamp(crop.y + crop.height) * frame.height));
  const width = Math.min(x1, frame.width) - x0;
  const height = Math.min(y1, frame.height) - y0;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const from = (y0 + y) * frame.width + x0;
    data.set(frame.data.subarray(from, from + width), y * width);
  }
  return withBackground(width, height, data);
}

/** Square blocks over a region: motion is tracked, and masked, per block. */
export class BlockGrid {
  readonly count: number;
  readonly cols: number;
  /** Block index of every pixel. */
  readonly blockOf: Uint16Array;
  /** Pixels in each block (edge blocks are smaller). */
  readonly sizeOf: Uint16Array;

  constructor(
    readonly width: number,
    readonly height: number,
    /** Side of a block in pixels. */
    readonly size: number,
  ) {
    const cols = Math.ceil(width / size);
    const rows = Math.ceil(height / size);
    this.cols = cols;
    this.count = cols * rows;
    this.blockOf = new Uint16Array(width * height);
    this.sizeOf = new Uint16Array(this.count);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const b = Math.floor(y / size) * cols + Math.floor(x / size);
        this.blockOf[y * width + x] = b;
        this.sizeOf[b] = (this.sizeOf[b] ?? 0) + 1;
      }
    }
  }
}

const diffHistogram = new Uint32Array(511);
/** Per level of the earlier frame: the change a pixel may make before it counts (countChanges). */
const allowedAt = new Float64Array(256);

/** Whether any block is masked: without a mask the loops below run over the whole region at once. */
function anyMasked(mask: Uint8Array): boolean {
  for (let b = 0; b < mask.length; b++) if (mask[b]) return true;
  return false;
}

/**
 * Calls `span(from, to)` for each run of pixels [from, to) outside the masked blocks: one run for
 * the whole region when nothing is masked, else one per row and unmasked block. The hot loops
 * of the detector run per span, so no pixel looks up its block.
 */
function forUnmasked(grid: BlockGrid, mask: Uint8Array, span: (from: number, to: number) => void): void {
  const { width, height, size, cols } = grid;
  if (!anyMasked(mask)) {
    span(0, width * height);
    return;
  }
  for (let y = 0; y < height; y++) {
    const rowBlocks = Math.floor(y / size) * cols;
    const row = y * width;
    for (let bx = 0; bx < cols; bx++) {
      if (mask[rowBlocks + bx]) continue;
      span(row + bx * size, row + Math.min(width, (bx + 1) * size));
    }
  }
}

/**
 * The median of (b - a) over pixels whose block is not masked: the global brightness shift
 * between two frames. A median ignores the pixels that really changed as long as most did not,
 * so flicker and auto-exposure drift cancel out while a changed word still shows.
 */
export function medianOffset(a: Uint8Array, b: Uint8Array, grid: BlockGrid, mask: Uint8Array): number {
  diffHistogram.fill(0);
  let n = 0;
  forUnmasked(grid, mask, (from, to) => {
    for (let i = from; i < to; i++) {
      const d = (b[i] ?? 0) - (a[i] ?? 0) + 255;
      diffHistogram[d] = (diffHistogram[d] ?? 0) + 1;
    }
    n += to - from;
  });
  let seen = 0;
  for (let d = 0; d < 511; d++) {
    seen += diffHistogram[d] ?? 0;
    if (seen * 2 >= n) return d - 255;
  }
  return 0;
}

/** Whether pixel i changed from a to b, given the brightness shift between them. */
export function changedAt(a: Region, b: Region, i: number, offset: number, level: number): boolean {
  const before = a.data[i] ?? 0;
  const d = (b.data[i] ?? 0) - before - offset;
  const allowed = level + GAIN_TOLERANCE * Math.abs(before - a.background);
  return d > allowed || d < -allowed;
}

/**
 * Per block, how many pixels of b differ from a once the brightness shift (the median difference)
 * is removed, by more than `level` plus the gain tolerance. Masked blocks are counted too (the
 * motion mask keeps them masked while they move); only the shift is measured without them.
 */
export function countChanges(
  a: Region,
  b: Region,
  level: number,
  grid: BlockGrid,
  mask: Uint8Array,
  out: Uint16Array,
): void {
  const offset = medianOffset(a.data, b.data, grid, mask);
  out.fill(0);
  const { blockOf } = grid;
  const bg = a.background;
  for (let v = 0; v < 256; v++) allowedAt[v] = level + GAIN_TOLERANCE * (v > bg ? v - bg : bg - v);
  const ad = a.data;
  const bd = b.data;
  for (let i = 0; i < ad.length; i++) {
    const before = ad[i] ?? 0;
    const d = (bd[i] ?? 0) - before - offset;
    const allowed = allowedAt[before] ?? 0;
    if (d > allowed || d < -allowed) {
      const block = blockOf[i] ?? 0;
      out[block] = (out[block] ?? 0) + 1;
    }
  }
}

/**
 * Share of unmasked pixels of b that moved from a by more than `level` once the brightness shift
 * is removed (grain: sensor noise between neighbouring samples).
 */
export function movedShare(
  a: Uint8Array,
  b: Uint8Array,
  grid: BlockGrid,
  mask: Uint8Array,
  level: number,
): number {
  const offset = medianOffset(a, b, grid, mask);
  let moved = 0;
  let n = 0;
  forUnmasked(grid, mask, (from, to) => {
    for (let i = from; i < to; i++) {
      const d = (b[i] ?? 0) - (a[i] ?? 0) - offset;
      if (d > level || d < -level) moved++;
    }
    n += to - from;
  });
  return n ? moved / n : 0;
}

/**
 * Share of the pixels inside the masked blocks that moved from a to b by more than `level` (no
 * brightness shift removed): 0 when the masked area shows a still picture, as a stale mask does
 * once the camera shot or the playing video that set it has gone.
 */
export function maskedMovedShare(
  a: Uint8Array,
  b: Uint8Array,
  grid: BlockGrid,
  mask: Uint8Array,
  level: number,
): number {
  const { blockOf } = grid;
  let moved = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    if (!mask[blockOf[i] ?? 0]) continue;
    n++;
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d > level || d < -level) moved++;
  }
  return n ? moved / n : 0;
}

/** Total and largest per-block count over blocks that no mask covers. */
export function summarize(counts: Uint16Array, ...masks: Uint8Array[]): { total: number; peak: number } {
  let total = 0;
  let peak = 0;
  for (let b = 0; b < counts.length; b++) {
    if (masks.some((m) => m[b])) continue;
    const c = counts[b] ?? 0;
    total += c;
    if (c > peak) peak = c;
  }
  return { total, peak };
}

export interface Composition {
  /** The dominant luma level (the slide's background). */
  background: number;
  /** Share of unmasked pixels within a few levels of the background. */
  backgroundShare: number;
  /** Unmasked pixels that stand out from the background by more than the threshold (text, shapes). */
  contentPixels: number;
  /** Share of unmasked pixels equal (within 1 level) to their right and lower neighbours. */
  flatShare: number;
  /** Unmasked pixels considered. */
  pixels: number;
}

/**
 * What the unmasked area is made of. Slides (light or dark) are mostly one flat background with
 * sharp content on top; a camera picture spreads over many levels (lighting gradients, texture,
 * sensor noise), so its most common level holds only a small share of the pixels.
 */
export function composition(
  region: Region,
  grid: BlockGrid,
  mask: Uint8Array,
  threshold: number,
): Composition {
  levelHistogram.fill(0);
  let pixels = 0;
  let flat = 0;
  const { data, width } = region;
  const last = data.length - width;
  for (let i = 0; i < data.length; i++) {
    if (mask[grid.blockOf[i] ?? 0]) continue;
    const v = data[i] ?? 0;
    levelHistogram[v] = (levelHistogram[v] ?? 0) + 1;
    pixels++;
    if (i < last && (i + 1) % width !== 0) {
      const dx = (data[i + 1] ?? 0) - v;
      const dy = (data[i + width] ?? 0) - v;
      if (dx <= FLAT_STEP && dx >= -FLAT_STEP && dy <= FLAT_STEP && dy >= -FLAT_STEP) flat++;
    }
  }
  const { level: background, count: best } = dominantLevel(levelHistogram);
  let contentPixels = 0;
  for (let v = 0; v < 256; v++) {
    if (Math.abs(v - background) > threshold) contentPixels += levelHistogram[v] ?? 0;
  }
  return {
    background,
    backgroundShare: pixels ? best / pixels : 0,
    contentPixels,
    flatShare: pixels ? flat / pixels : 0,
    pixels,
  };
}

/** Per-block mean of the unmasked pixels. */
export function blockMeans(g: BlockGrid, data: Uint8Array): Float32Array {
  const sums = new Float32Array(g.count);
  for (let i = 0; i < data.length; i++) {
    const b = g.blockOf[i] ?? 0;
    sums[b] = (sums[b] ?? 0) + (data[i] ?? 0);
  }
  for (let b = 0; b < g.count; b++) sums[b] = (sums[b] ?? 0) / (g.sizeOf[b] || 1);
  return sums;
}

/** `mask` grown by one block on every side (and corner). */
export function grown(g: BlockGrid, mask: Uint8Array): Uint8Array {
  const out = mask.slice();
  const rows = g.count / g.cols;
  for (let b = 0; b < mask.length; b++) {
    if (!mask[b]) continue;
    const x = b % g.cols;
    const y = (b - x) / g.cols;
    for (let yy = Math.max(0, y - 1); yy <= Math.min(rows - 1, y + 1); yy++)
      for (let xx = Math.max(0, x - 1); xx <= Math.min(g.cols - 1, x + 1); xx++) out[yy * g.cols + xx] = 1;
  }
  return out;
}
