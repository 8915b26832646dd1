// The slide detector: fed downscaled luma frames at ~2 fps, it says "a new slide has settled".
//
// Per frame: (1) the change from the previous frame feeds the motion mask (camera boxes, videos
// inside slides); (2) the change from the frame that opened the current still run, outside the
// mask and with the brightness shift removed, decides whether the picture is still still; (3) once
// it has been still for `settleSeconds`, the picture is judged once: it must look like a slide
// (one dominant flat background; camera pictures don't), differ from the slide on screen before,
// and not be a slide captured earlier in this talk (pixel comparison for slides seen in this
// session, perceptual hash for `knownHashes` from earlier sessions).
//
// Incremental builds: decided to capture every settled step and let the next step *replace* it
// (`replaces` = the time of the capture it supersedes) when the new step only adds content on
// the old step's background. The page can't know that a build is finished until the slide
// changes, and by then the frame is gone; replacing keeps one capture per slide, in its final
// state, with no delay.
import {
  BlockGrid,
  changedAt,
  composition,
  countChanges,
  cropRegion,
  medianOffset,
  type Region,
  summarize,
} from './frame-ops';
import { MotionMask } from './motion-mask';
import { hammingDistance, phash } from './phash';
import { type DetectorOptions, type LumaFrame, type SlideEvent, slideDefaults } from './types';

export interface SlideDetector {
  /** Feeds the next sampled frame (in time order); returns an event when a new slide has settled. */
  push(frame: LumaFrame): SlideEvent | null;
  /** Forgets the picture in progress (call on seek, source change, long pause); keeps the talk's slides. */
  reset(): void;
  /** Adds the hash of a slide captured some other way (a manual capture), so it isn't captured again. */
  remember(hash: string): void;
}

interface Capture {
  /** Time of the emitted event; null for a slide recognised from `knownHashes`. */
  t: number | null;
  region: Region;
  mask: Uint8Array;
  phash: string;
}

const BLOCK_SIZE = 10;
/** Changed pixels that make a block count as moving. */
const BLOCK_MOVED_PIXELS = 2;
/** Above this masked share the picture is mostly motion: a camera shot, not a slide. */
const MAX_MASKED_SHARE = 0.5;
/** A slide's background covers at least this share of its area. */
const MIN_BACKGROUND_SHARE = 0.3;
/**
 * Share of pixels equal to their neighbours: 0.7-0.9 on slides (flat fills, even with grain and
 * compression), about 0.25 on camera pictures (texture, lighting gradients, sensor noise).
 */
const MIN_FLAT_SHARE = 0.5;
/**
 * Changed pixels within one block that count as a change even below the frame-wide count: a
 * changed digit is small but concentrated, noise is spread out.
 */
const CONCENTRATED_PIXELS = 5;
/**
 * Comparing with a capture taken seconds earlier needs a slightly higher level than comparing
 * neighbouring samples: heavily compressed video sharpens a static slide over the frames after a
 * transition, which moves text edges by more than frame-to-frame noise.
 */
const CAPTURE_LEVEL_FACTOR = 1.3;
/** A build step adds content where the previous step was background; allow this share of overlap. */
const BUILD_OVERLAP = 0.15;
/** Hash distance under which a slide counts as one captured in an earlier session. */
const KNOWN_HASH_DISTANCE = 4;
/** Hash distance under which two captures are compared pixel by pixel. */
const CANDIDATE_HASH_DISTANCE = 20;

/** Pixel thresholds derived from the sensitivity, for a region of `area` pixels. */
function thresholds(sensitivity: number, area: number): { level: number; pixels: number } {
  const s = Math.min(1, Math.max(0, sensitivity));
  return {
    level: Math.round(14 - 8 * s),
    pixels: Math.max(3, Math.round(area * 0.0006 * 4 ** (0.5 - s))),
  };
}

/** Optional diagnostics: why each settled picture was or wasn't captured (used when tuning). */
export type DetectorTrace = (t: number, message: string) => void;

export function createSlideDetector(
  partial: Partial<DetectorOptions> = {},
  trace?: DetectorTrace,
): SlideDetector {
  const options: DetectorOptions = { ...slideDefaults, ...partial };
  const known = [...options.knownHashes];
  const captures: Capture[] = [];
  let grid: BlockGrid | null = null;
  let motion: MotionMask | null = null;
  let counts = new Uint16Array(0);
  let prev: Region | null = null;
  let anchor: Region | null = null;
  let anchorT = 0;
  let judged = false;
  let current: Capture | null = null;

  function reset(): void {
    prev = null;
    anchor = null;
    judged = false;
    motion?.clear();
  }

  /** A change worth a new slide: enough changed pixels overall, or a few packed in one block. */
  const significant = (change: { total: number; peak: number }, pixels: number) =>
    change.total >= pixels || change.peak >= CONCENTRATED_PIXELS;

  /** Whether a region differs from a capture, outside both masks, brightness shift removed. */
  function differs(
    g: BlockGrid,
    c: Capture,
    region: Region,
    mask: Uint8Array,
    level: number,
    pixels: number,
  ) {
    const union = c.mask.map((m, b) => m | (mask[b] ?? 0));
    countChanges(c.region, region, level, g, union, counts);
    return significant(summarize(counts, union), pixels);
  }

  function isBuild(g: BlockGrid, c: Capture, region: Region, mask: Uint8Array, level: number): boolean {
    const union = c.mask.map((m, b) => m | (mask[b] ?? 0));
    const offset = medianOffset(c.region.data, region.data, g, union);
    let changed = 0;
    let onContent = 0;
    for (let i = 0; i < region.data.length; i++) {
      if (union[g.blockOf[i] ?? 0] || !changedAt(c.region, region, i, offset, level)) continue;
      changed++;
      if (Math.abs((c.region.data[i] ?? 0) - c.region.background) > level) onContent++;
    }
    return changed > 0 && onContent <= BUILD_OVERLAP * changed;
  }

  function judge(g: BlockGrid, m: MotionMask, region: Region, frame: LumaFrame, shownAt: number) {
    const { level, pixels } = thresholds(options.sensitivity, region.data.length);
    const masked = m.maskedShare();
    const comp = composition(region, g, m.mask, level);
    trace?.(
      frame.t,
      `settled: masked ${masked.toFixed(2)} background ${comp.backgroundShare.toFixed(2)} flat ${comp.flatShare.toFixed(2)} content ${comp.contentPixels}`,
    );
    if (masked > MAX_MASKED_SHARE) return null;
    if (comp.backgroundShare < MIN_BACKGROUND_SHARE || comp.flatShare < MIN_FLAT_SHARE) return null;
    if (comp.contentPixels < pixels) return null;
    const sameAs = (c: Capture) =>
      c.region.width === region.width &&
      c.region.data.length === region.data.length &&
      !differs(g, c, region, m.mask, Math.round(level * CAPTURE_LEVEL_FACTOR), pixels);
    if (current && sameAs(current)) {
      trace?.(frame.t, 'same as the slide before');
      return null;
    }

    // Masked blocks are painted with the background so a camera box doesn't change the hash.
    const painted = region.data.slice();
    for (let i = 0; i < painted.length; i++) if (m.mask[g.blockOf[i] ?? 0]) painted[i] = comp.background;
    const hash = phash({ width: region.width, height: region.height, data: painted });
    const record: Capture = { t: frame.t, region, mask: m.mask.slice(), phash: hash };

    const seen = captures.find((c) => hammingDistance(c.phash, hash) <= CANDIDATE_HASH_DISTANCE && sameAs(c));
    if (seen) {
      trace?.(frame.t, `seen at ${seen.t}`);
      current = seen;
      return null;
    }
    if (known.some((k) => hammingDistance(k, hash) <= KNOWN_HASH_DISTANCE)) {
      current = { ...record, t: null };
      captures.push(current);
      return null;
    }
    const event: SlideEvent = {
      t: frame.t,
      shownAt,
      phash: hash,
      frame: { t: frame.t, width: frame.width, height: frame.height, data: frame.data.slice() },
    };
    const previous = current;
    if (
      previous &&
      previous.t !== null &&
      previous.region.width === region.width &&
      isBuild(g, previous, region, m.mask, Math.round(level * CAPTURE_LEVEL_FACTOR))
    ) {
      event.replaces = previous.t;
      captures.splice(captures.indexOf(previous), 1, record);
    } else {
      captures.push(record);
    }
    current = record;
    return event;
  }

  function push(frame: LumaFrame): SlideEvent | null {
    const region = cropRegion(frame, options.crop);
    if (!grid || grid.width !== region.width || grid.height !== region.height) {
      grid = new BlockGrid(region.width, region.height, BLOCK_SIZE);
      motion = new MotionMask(grid);
      counts = new Uint16Array(grid.count);
      reset();
    }
    const g = grid;
    const m = motion ?? new MotionMask(g);
    motion = m;
    if (!prev || !anchor) {
      prev = region;
      anchor = region;
      anchorT = frame.t;
      return null;
    }
    const { level, pixels } = thresholds(options.sensitivity, region.data.length);
    countChanges(prev, region, level, g, m.mask, counts);
    m.update(counts, BLOCK_MOVED_PIXELS);
    prev = region;

    countChanges(anchor, region, level, g, m.mask, counts);
    const change = summarize(counts, m.mask);
    trace?.(frame.t, `changed ${change.total} (peak ${change.peak}) masked ${m.maskedShare().toFixed(2)}`);
    if (significant(change, pixels)) {
      anchor = region;
      anchorT = frame.t;
      judged = false;
      return null;
    }
    // A small tolerance: sample times from a video element are not exact multiples of 1/fps.
    if (judged || frame.t - anchorT < options.settleSeconds - 0.05) return null;
    judged = true;
    return judge(g, m, region, frame, anchorT);
  }

  return {
    push,
    reset,
    remember: (hash) => {
      known.push(hash);
    },
  };
}
