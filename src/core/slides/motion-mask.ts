// Finds the parts of the frame that keep moving (a speaker camera box in a picture-in-picture
// layout, a demo video playing inside a slide) so the detector can ignore them.
//
// A block becomes "dynamic" when it moved in at least 5 of the last 8 samples (4 s at 2 fps)
// while the rest of the frame stood still: a cut, a crossfade or a dissolve between two slides of
// the same template moves the text blocks for at most 1.5 s (3-4 samples), and those blocks must
// stay visible or the next slide would look like the last one. Camera pictures don't move
// everywhere all the time (a flat wall, a pause), so the mask is the bounding rectangle of each
// group of dynamic blocks, grown by one block: camera boxes and embedded videos are rectangles.
// Dynamic blocks stay dynamic until they have rested about 9 s, so a speaker who stands still for
// a few seconds does not turn into "a new slide".
import type { BlockGrid } from './frame-ops';

const WINDOW_MOVES = 5;
/**
 * A small or slow camera picture moves its edges by about a pixel between samples: the change
 * crosses the level in every other sample or so, never 5 of 8. Moves that come back apart (at
 * least this many separate runs of moves in the window) are that camera, not a transition, which
 * moves a block in one run.
 */
const INTERMITTENT_RUNS = 3;
/** Activity kept per resting sample, once dynamic (activity starts at 1). */
const DECAY = 0.9;
const UNMASK_BELOW = 0.15;
/**
 * Only samples where at most this share of blocks moved count: a camera box or a demo video is a
 * small part of the frame, while a change between two slides moves the whole text area.
 */
const LOCAL_SHARE = 0.25;

const popcount8 = (v: number) => {
  let n = 0;
  for (let x = v; x; x &= x - 1) n++;
  return n;
};

export class MotionMask {
  /** 1 for blocks to ignore. */
  readonly mask: Uint8Array;
  private readonly dynamic: Uint8Array;
  private readonly activity: Float32Array;
  /** Last 8 samples of each block, one bit per sample (1 = moved). */
  private readonly history: Uint8Array;
  private readonly cols: number;
  private readonly rows: number;

  constructor(private readonly grid: BlockGrid) {
    this.mask = new Uint8Array(grid.count);
    this.dynamic = new Uint8Array(grid.count);
    this.activity = new Float32Array(grid.count);
    this.history = new Uint8Array(grid.count);
    this.cols = grid.cols;
    this.rows = grid.count / grid.cols;
  }

  /** Feeds one sample's per-block change counts; `minPixels` changed pixels make a block "moved". */
  update(changes: Uint16Array, minPixels: number): void {
    let moved = 0;
    for (let b = 0; b < changes.length; b++) if ((changes[b] ?? 0) >= minPixels) moved++;
    if (moved > LOCAL_SHARE * this.grid.count) return;
    let changed = false;
    for (let b = 0; b < changes.length; b++) {
      const move = (changes[b] ?? 0) >= minPixels;
      const history = (((this.history[b] ?? 0) << 1) | (move ? 1 : 0)) & 0xff;
      this.history[b] = history;
      let dynamic = this.dynamic[b] ?? 0;
      const runs = popcount8(history & ~(history >> 1));
      if (move && (popcount8(history) >= WINDOW_MOVES || runs >= INTERMITTENT_RUNS)) {
        this.activity[b] = 1;
        dynamic = 1;
      } else if (!move) {
        const a = (this.activity[b] ?? 0) * DECAY;
        this.activity[b] = a;
        if (a < UNMASK_BELOW) dynamic = 0;
      }
      if (dynamic !== this.dynamic[b]) {
        this.dynamic[b] = dynamic;
        changed = true;
      }
    }
    if (changed) this.rebuildMask();
  }

  /** Mask = each 4-connected group of dynamic blocks' bounding rectangle, grown by one block. */
  private rebuildMask(): void {
    const { cols, rows } = this;
    this.mask.fill(0);
    const seen = new Uint8Array(this.dynamic.length);
    const stack: number[] = [];
    for (let start = 0; start < this.dynamic.length; start++) {
      if (!this.dynamic[start] || seen[start]) continue;
      let [x0, y0, x1, y1] = [cols, rows, -1, -1];
      stack.push(start);
      seen[start] = 1;
      while (stack.length) {
        const b = stack.pop() ?? 0;
        const x = b % cols;
        const y = (b - x) / cols;
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
        const neighbours = [
          x > 0 ? b - 1 : -1,
          x < cols - 1 ? b + 1 : -1,
          y > 0 ? b - cols : -1,
          y < rows - 1 ? b + cols : -1,
        ];
        for (const n of neighbours) {
          if (n >= 0 && this.dynamic[n] && !seen[n]) {
            seen[n] = 1;
            stack.push(n);
          }
        }
      }
      for (let y = Math.max(0, y0 - 1); y <= Math.min(rows - 1, y1 + 1); y++) {
        for (let x = Math.max(0, x0 - 1); x <= Math.min(cols - 1, x1 + 1); x++) this.mask[y * cols + x] = 1;
      }
    }
  }

  /** Share of the region's pixels currently masked. */
  maskedShare(): number {
    let masked = 0;
    for (let b = 0; b < this.mask.length; b++) if (this.mask[b]) masked += this.grid.sizeOf[b] ?? 0;
    return masked / (this.grid.width * this.grid.height);
  }

  clear(): void {
    this.mask.fill(0);
    this.dynamic.fill(0);
    this.activity.fill(0);
    this.history.fill(0);
  }
}
