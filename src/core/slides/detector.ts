// The slide detector: fed downscaled luma frames at ~2 fps, it says "a new slide has settled".
//
// Per frame: (1) the change from the previous frame, and a large drift from the frame that
// opened the current still run, feed the motion mask (camera boxes, videos inside slides); (2)
// that drift, outside the mask and with the brightness shift removed, decides whether the
// picture is still still; (3) once it has been still for `settleSeconds`, the picture is judged
// once: it must look like a slide (one dominant flat background; camera pictures don't), differ
// from the slide on screen before, and not be a slide captured earlier in this talk (pixel
// comparison for slides seen in this session, perceptual hash for `knownHashes` from earlier
// sessions).
//
// Incremental builds: decided to capture every settled step and let the next step *replace* it
// (`replaces` = the time of the capture it supersedes) when the new step only adds content on
// the old step's background. The page can't know that a build is finished until the slide
// changes, and by then the frame is gone; replacing keeps one capture per slide, in its final
// state, with no delay.

import { isBuildStep } from './builds';
import {
  BlockGrid,
  composition,
  countChanges,
  cropRegion,
  grown,
  maskedMovedShare,
  movedShare,
  type Region,
  summarize,
} from './frame-ops';
import { differsFromHandTaken } from './hand-taken';
import { sameInOtherLayout } from './layouts';
import { MotionMask } from './motion-mask';
import { hammingDistance, phash } from './phash';
import { type DetectorOptions, type LumaFrame, type SlideEvent, slideDefaults } from './types';

export interface SlideDetector {
  /** Feeds the next sampled frame (in time order); returns an event when a new slide has settled. */
  push(frame: LumaFrame): SlideEvent | null;
  /** Forgets the picture in progress (call on seek, source change, long pause); keeps the talk's slides. */
  reset(): void;
  /**
   * Registers a slide captured some other way (a manual capture) so it isn't captured again:
   * its hash, and when given, its frame (compared pixel by pixel like the detector's own
   * captures, which holds where the hash of a frame read another way lands a few bits off).
   */
  remember(hash: string, frame?: LumaFrame): void;
}

interface Capture {
  /** Time of the emitted event; null for a slide recognised from `knownHashes`. */
  t: number | null;
  region: Region;
  mask: Uint8Array;
  phash: string;
  /** Taken by hand: its hash came from another reading of the frame, so compare pixels always. */
  manual?: boolean;
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
/** judge()'s answer when the picture is mostly masked: look again at the next sample. */
const MASKED = 'masked';
/** A pixel that moves by more than this between neighbouring samples is grain (sensor noise). */
const GRAIN_LEVEL = 3;
/** Above this share of grainy pixels a picture that isn't flat is a camera shot. */
const MAX_STILL_GRAIN = 0.05;
/**
 * A calm camera shot (a speaker standing still before an even wall) has enough flat area to pass
 * for a slide, but keeps some grain and less flat area than a slide: above this grain share and
 * under FLAT_CAMERA_MAX_FLAT flat share it is judged again at the next sample rather than taken,
 * so a slide whose grain came from the end of a transition is still taken a moment later.
 */
const FLAT_CAMERA_GRAIN = 0.01;
const FLAT_CAMERA_MAX_FLAT = 0.65;
/** judge()'s answer for a picture that may be a calm camera: judge it again with fresh grain. */
const CAMERA_LIKE = 'camera-like';
/**
 * Samples in a row in which nothing under the motion mask moved (not even grain) before the mask
 * is dropped as stale: a camera shot or a playing video has gone and a still slide shows where it
 * was. A live camera or video keeps moving somewhere under its mask from one sample to the next.
 */
const STALE_MASK_SAMPLES = 3;
/** Share of the masked pixels that may move by a grain level while the mask counts as resting. */
const STALE_MASK_MOVED = 0.002;
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

/** Share of unmasked pixels that moved by more than GRAIN_LEVEL (brightness shift removed). */
const grainShare = (a: Region, b: Region, g: BlockGrid, mask: Uint8Array): number =>
  movedShare(a.data, b.data, g, mask, GRAIN_LEVEL);

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
  /** Per-block changes since the anchor, for the motion mask. */
  let drift = new Uint16Array(0);
  let prev: Region | null = null;
  let anchor: Region | null = null;
  let anchorT = 0;
  let judged = false;
  /** Largest share of grainy pixels between neighbouring samples since the still run began. */
  let grain = 0;
  let current: Capture | null = null;
  /** Samples in a row in which nothing under the motion mask moved. */
  let maskResting = 0;

  function reset(): void {
    prev = null;
    anchor = null;
    judged = false;
    maskResting = 0;
    motion?.clear();
  }

  /** A change worth a new slide: enough changed pixels overall, or a few packed in one block. */
  const significant = (change: { total: number; peak: number }, pixels: number, peak = CONCENTRATED_PIXELS) =>
    change.total >= pixels || change.peak >= peak;

  /** Whether a region differs from a capture, outside both masks, brightness shift removed. */
  function differs(
    g: BlockGrid,
    c: Capture,
    region: Region,
    mask: Uint8Array,
    level: number,
    pixels: number,
    peak = CONCENTRATED_PIXELS,
  ) {
    const union = c.mask.map((m, b) => m | (mask[b] ?? 0));
    countChanges(c.region, region, level, g, union, counts);
    return significant(summarize(counts, union), pixels, peak);
  }

  function judge(
    g: BlockGrid,
    m: MotionMask,
    region: Region,
    frame: LumaFrame,
    shownAt: number,
  ): SlideEvent | null | typeof MASKED | typeof CAMERA_LIKE {
    const { level, pixels } = thresholds(options.sensitivity, region.data.length);
    const masked = m.maskedShare();
    const comp = composition(region, g, m.mask, level);
    trace?.(
      frame.t,
      `settled: masked ${masked.toFixed(2)} background ${comp.backgroundShare.toFixed(2)} flat ${comp.flatShare.toFixed(2)} content ${comp.contentPixels}`,
    );
    if (masked > MAX_MASKED_SHARE) return MASKED;
    // A gradient, photo or pattern background fails the flat test, but it is as still as any
    // slide between two samples, while a camera picture keeps its sensor grain.
    const flat = comp.backgroundShare >= MIN_BACKGROUND_SHARE && comp.flatShare >= MIN_FLAT_SHARE;
    trace?.(frame.t, `grain ${grain.toFixed(3)}`);
    if (!flat && grain > MAX_STILL_GRAIN) return null;
    if (grain > FLAT_CAMERA_GRAIN && comp.flatShare < FLAT_CAMERA_MAX_FLAT) return CAMERA_LIKE;
    if (comp.contentPixels < pixels) return null;
    const sameAs = (c: Capture) =>
      c.region.width === region.width &&
      c.region.data.length === region.data.length &&
      !(c.manual
        ? differsFromHandTaken(g, c, region, m.mask)
        : differs(g, c, region, m.mask, Math.round(level * CAPTURE_LEVEL_FACTOR), pixels));
    if (current && sameAs(current)) {
      trace?.(frame.t, 'same as the slide before');
      return null;
    }
    // A camera box is masked as its moving parts are found: until its mask is whole, the
    // speaker moving just past its edge would read as a slide that changed there. Beside the
    // slide just taken, what changed only in the blocks around the mask is that camera.
    if (
      current &&
      m.maskedShare() > 0 &&
      current.region.width === region.width &&
      !differs(g, current, region, grown(g, m.mask), Math.round(level * CAPTURE_LEVEL_FACTOR), pixels)
    ) {
      trace?.(frame.t, 'same as the slide before, but for the edge of the camera');
      return null;
    }

    // Masked blocks are painted with the background so a camera box doesn't change the hash.
    const painted = region.data.slice();
    for (let i = 0; i < painted.length; i++) if (m.mask[g.blockOf[i] ?? 0]) painted[i] = comp.background;
    const hash = phash({ width: region.width, height: region.height, data: painted });
    const record: Capture = { t: frame.t, region, mask: m.mask.slice(), phash: hash };

    const seen =
      captures.find(
        (c) => (c.manual || hammingDistance(c.phash, hash) <= CANDIDATE_HASH_DISTANCE) && sameAs(c),
      ) ??
      captures.find(
        (c) =>
          c.region.width === region.width &&
          sameInOtherLayout(c.region, region, trace && ((m) => trace(frame.t, `${c.t} ${m}`))),
      );
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
      isBuildStep(
        g,
        previous,
        region,
        m.mask,
        Math.round(level * CAPTURE_LEVEL_FACTOR),
        trace && ((msg) => trace(frame.t, `build? ${previous.t} ${msg}`)),
      )
    ) {
      event.replaces = previous.t;
      captures.splice(captures.indexOf(previous), 1, record);
    } else {
      captures.push(record);
    }
    current = record;
    return event;
  }

  function gridFor(region: Region): BlockGrid {
    if (!grid || grid.width !== region.width || grid.height !== region.height) {
      grid = new BlockGrid(region.width, region.height, BLOCK_SIZE);
      motion = new MotionMask(grid);
      counts = new Uint16Array(grid.count);
      drift = new Uint16Array(grid.count);
      reset();
    }
    return grid;
  }

  function remember(hash: string, frame?: LumaFrame): void {
    known.push(hash);
    if (!frame) return;
    const region = cropRegion(frame, options.crop);
    const g = gridFor(region);
    const record: Capture = { t: null, region, mask: new Uint8Array(g.count), phash: hash, manual: true };
    captures.push(record);
    // Taken by hand while it is on screen: it is the slide a build step would continue.
    current = record;
  }

  function push(frame: LumaFrame): SlideEvent | null {
    const region = cropRegion(frame, options.crop);
    const g = gridFor(region);
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
    // A slow camera (a speaker swaying, a pan) moves its edges by under a pixel per sample, too
    // little to count between neighbouring samples, yet enough since the anchor to keep the
    // picture from settling: a block also moves where it changed since the anchor by as much as
    // unsettles the picture, so such a camera gets masked like a fast one.
    countChanges(anchor, region, level, g, m.mask, drift);
    for (let b = 0; b < counts.length; b++) {
      const d = drift[b] ?? 0;
      if (d >= CONCENTRATED_PIXELS && d > (counts[b] ?? 0)) counts[b] = d;
    }
    m.update(counts, BLOCK_MOVED_PIXELS);
    const before = prev;
    prev = region;
    // The mask decays over ~9 s of rest block by block (a speaker may stand still that long), but
    // when nothing under it moves at all, the whole picture is still: a stale mask would keep
    // the slide now shown there unjudged (or judged on a part of it).
    if (
      m.maskedShare() > 0 &&
      maskedMovedShare(before.data, region.data, g, m.mask, GRAIN_LEVEL) <= STALE_MASK_MOVED
    ) {
      maskResting++;
      if (maskResting >= STALE_MASK_SAMPLES) {
        trace?.(frame.t, 'stale mask dropped');
        m.clear();
        maskResting = 0;
      }
    } else {
      maskResting = 0;
    }

    // The changes since the anchor, counted above (the mask only sets their brightness offset).
    const change = summarize(drift, m.mask);
    trace?.(frame.t, `changed ${change.total} (peak ${change.peak}) masked ${m.maskedShare().toFixed(2)}`);
    if (significant(change, pixels)) {
      anchor = region;
      anchorT = frame.t;
      judged = false;
      grain = 0;
      return null;
    }
    // Once judged, the picture isn't judged again until it changes (which resets the grain).
    if (judged) return null;
    grain = Math.max(grain, grainShare(before, region, g, m.mask));
    // A small tolerance: sample times from a video element are not exact multiples of 1/fps.
    if (frame.t - anchorT < options.settleSeconds - 0.05) return null;
    judged = true;
    const verdict = judge(g, m, region, frame, anchorT);
    // Mostly masked: judged again as the stale mask decays, however long the picture stays.
    if (verdict === MASKED) {
      judged = false;
      return null;
    }
    // Maybe a calm camera: judged again at the next sample, on that sample's grain alone.
    if (verdict === CAMERA_LIKE) {
      judged = false;
      grain = 0;
      return null;
    }
    return verdict;
  }

  return {
    push,
    reset,
    remember,
  };
}
