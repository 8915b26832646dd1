// Finds the parts of the frame that keep moving (a speaker camera box in a picture-in-picture
// layout, a demo video playing inside a slide) so the detector can ignore them. A block becomes
// "dynamic" only after moving in about four samples in a row (2 s at 2 fps) while the rest of the
// frame stood still: a slide change or a crossfade moves most blocks at once for at most a
// second or two and never builds up. Dynamic blocks stay masked until they have rested a while,
// so a speaker who stands still for a few seconds does not turn into "a new slide".
import type { BlockGrid } from './frame-ops';

/** Activity gained per moving sample (exponential average towards 1). */
const RISE = 0.25;
/** Activity kept per resting sample. */
const DECAY = 0.85;
const MASK_ABOVE = 0.6;
const UNMASK_BELOW = 0.15;
/** A sample where more than this share of blocks moved is a global change, not local motion. */
const GLOBAL_SHARE = 0.5;

export class MotionMask {
  readonly mask: Uint8Array;
  private readonly activity: Float32Array;

  constructor(private readonly grid: BlockGrid) {
    this.mask = new Uint8Array(grid.count);
    this.activity = new Float32Array(grid.count);
  }

  /** Feeds one sample's per-block change counts; `minPixels` changed pixels make a block "moved". */
  update(changes: Uint16Array, minPixels: number): void {
    let moved = 0;
    for (let b = 0; b < changes.length; b++) if ((changes[b] ?? 0) >= minPixels) moved++;
    if (moved > GLOBAL_SHARE * this.grid.count) return;
    for (let b = 0; b < changes.length; b++) {
      const a = this.activity[b] ?? 0;
      const next = (changes[b] ?? 0) >= minPixels ? a + RISE * (1 - a) : a * DECAY;
      this.activity[b] = next;
      if (next > MASK_ABOVE) this.mask[b] = 1;
      else if (next < UNMASK_BELOW) this.mask[b] = 0;
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
  }
}
