// Finds the parts of the frame that keep moving (a speaker camera box in a picture-in-picture
// layout, a demo video playing inside a slide) so the detector can ignore them. A block becomes
// "dynamic" only after moving in five samples in a row (2.5 s at 2 fps): a cut, a crossfade or a
// dissolve between two slides of the same template moves the text blocks for at most 1.5 s, and
// those blocks must stay visible to the detector or the next slide would look like the last one.
// Dynamic blocks stay masked until they have rested about 9 s, so a speaker who stands still for a
// few seconds does not turn into "a new slide".
import type { BlockGrid } from './frame-ops';

/** Consecutive moving samples that make a block dynamic. */
const MASK_AFTER = 5;
/** Activity kept per resting sample, once masked (activity starts at 1). */
const DECAY = 0.9;
const UNMASK_BELOW = 0.15;
/** A sample where more than this share of blocks moved is a global change, not local motion. */
const GLOBAL_SHARE = 0.5;

export class MotionMask {
  readonly mask: Uint8Array;
  private readonly activity: Float32Array;
  private readonly run: Uint8Array;

  constructor(private readonly grid: BlockGrid) {
    this.mask = new Uint8Array(grid.count);
    this.activity = new Float32Array(grid.count);
    this.run = new Uint8Array(grid.count);
  }

  /** Feeds one sample's per-block change counts; `minPixels` changed pixels make a block "moved". */
  update(changes: Uint16Array, minPixels: number): void {
    let moved = 0;
    for (let b = 0; b < changes.length; b++) if ((changes[b] ?? 0) >= minPixels) moved++;
    if (moved > GLOBAL_SHARE * this.grid.count) return;
    for (let b = 0; b < changes.length; b++) {
      if ((changes[b] ?? 0) >= minPixels) {
        const run = Math.min(255, (this.run[b] ?? 0) + 1);
        this.run[b] = run;
        if (run >= MASK_AFTER) {
          this.activity[b] = 1;
          this.mask[b] = 1;
        }
      } else {
        this.run[b] = 0;
        const a = (this.activity[b] ?? 0) * DECAY;
        this.activity[b] = a;
        if (a < UNMASK_BELOW) this.mask[b] = 0;
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
    this.activity.fill(0);
    this.run.fill(0);
  }
}
