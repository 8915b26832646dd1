// Whether a settled picture is the next step of the build the previous capture shows (bullets
// appearing, fragments fading out or growing, a line recoloured or highlighted), so that it
// replaces that capture instead of being kept as a slide of its own.
import { type BlockGrid, changedAt, medianOffset, type Region } from './frame-ops';

/** A growing element is one line or one box: its changed rows span at most this share of the height. */
const GROW_MAX_HEIGHT = 0.16;
/** Its ink grows by at least this many rows (a 1.2x scale of a line of text at 90 rows: 5 to 7). */
const GROW_MIN_ROWS = 2;
/** ...and keeps its centre, within this many pixels across and this many rows. */
const GROW_CENTRE_X = 3;
const GROW_CENTRE_Y = 1;
/** Rows and columns with fewer ink pixels than this are noise at the ink's edge. */
const GROW_MIN_INK = 2;

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The box of the ink (pixels away from the background) inside `box`, ignoring sparse rows and columns. */
function inkBox(r: Region, box: Box, skip: (i: number) => boolean, level: number): Box | null {
  const rows = new Uint16Array(box.y1 - box.y0 + 1);
  const cols = new Uint16Array(box.x1 - box.x0 + 1);
  for (let y = box.y0; y <= box.y1; y++) {
    for (let x = box.x0; x <= box.x1; x++) {
      const i = y * r.width + x;
      if (skip(i) || Math.abs((r.data[i] ?? 0) - r.background) <= level) continue;
      rows[y - box.y0] = (rows[y - box.y0] ?? 0) + 1;
      cols[x - box.x0] = (cols[x - box.x0] ?? 0) + 1;
    }
  }
  const first = (a: Uint16Array) => a.findIndex((n) => n >= GROW_MIN_INK);
  const last = (a: Uint16Array) => a.findLastIndex((n) => n >= GROW_MIN_INK);
  if (first(rows) < 0 || first(cols) < 0) return null;
  return {
    x0: box.x0 + first(cols),
    x1: box.x0 + last(cols),
    y0: box.y0 + first(rows),
    y1: box.y0 + last(rows),
  };
}

/**
 * Whether the change is one element scaled up in place (a "grow" fragment): the changed pixels
 * make one band, and in it the new ink covers the old ink's box and outgrows it by rows and
 * columns around the same centre (clipped where it runs off the picture). A different word or
 * a new line of the same template keeps the text's height, or grows it on one side only.
 */
function grows(
  a: Region,
  b: Region,
  union: Uint8Array,
  g: BlockGrid,
  offset: number,
  level: number,
  trace?: (m: string) => void,
): boolean {
  const skip = (i: number) => (union[g.blockOf[i] ?? 0] ?? 0) !== 0;
  const box: Box = { x0: b.width, x1: -1, y0: b.height, y1: -1 };
  for (let i = 0; i < b.data.length; i++) {
    if (skip(i) || !changedAt(a, b, i, offset, level)) continue;
    const x = i % b.width;
    const y = (i - x) / b.width;
    box.x0 = Math.min(box.x0, x);
    box.x1 = Math.max(box.x1, x);
    box.y0 = Math.min(box.y0, y);
    box.y1 = Math.max(box.y1, y);
  }
  if (box.y1 - box.y0 + 1 > GROW_MAX_HEIGHT * b.height) return false;
  // A pixel wider than the change (the ink's soft edge), no taller: the lines above and below
  // are not part of the element.
  const around: Box = {
    x0: Math.max(0, box.x0 - 1),
    x1: Math.min(b.width - 1, box.x1 + 1),
    y0: box.y0,
    y1: box.y1,
  };
  const was = inkBox(a, around, skip, level);
  const is = inkBox(b, around, skip, level);
  if (!was || !is) return false;
  trace?.(`grow? was ${was.x0}-${was.x1}x${was.y0}-${was.y1} is ${is.x0}-${is.x1}x${is.y0}-${is.y1}`);
  const clippedLeft = is.x0 === 0;
  const clippedRight = is.x1 === b.width - 1;
  const centreX = (x0: number, x1: number) => (x0 + x1) / 2;
  return (
    is.y1 - is.y0 >= was.y1 - was.y0 + GROW_MIN_ROWS &&
    is.y0 < was.y0 &&
    is.y1 > was.y1 &&
    is.x0 < was.x0 &&
    is.x1 > was.x1 &&
    Math.abs((is.y0 + is.y1) / 2 - (was.y0 + was.y1) / 2) <= GROW_CENTRE_Y &&
    (clippedLeft ||
      clippedRight ||
      Math.abs(centreX(is.x0, is.x1) - centreX(was.x0, was.x1)) <= GROW_CENTRE_X)
  );
}

/** A build step adds content where the previous step was background; allow this share of overlap. */
const BUILD_OVERLAP = 0.15;
/** A build step that fades out or recolours touches at most this share of the old content. */
const BUILD_MAX_REMOVED = 0.5;
/** Share of a recolouring step's changed pixels that stay ink (in another colour). */
const BUILD_MIN_RECOLOURED = 0.8;
/**
 * A recolouring step that puts no ink on the background (at most this share of its changed
 * pixels): text turning a colour whose level is near the background's reads partly as removed,
 * so a lower share of recoloured pixels is enough. A word or a figure replaced by another one
 * lands new strokes on the background.
 */
const BUILD_MAX_ADDED_RECOLOUR = 0.05;
/**
 * A recolouring step recolours a whole element (a word, a line, a highlighted code line): its
 * changed pixels span at least this share of the width. A changed digit or letter, whose strokes
 * move within one glyph, spans a few pixels and reads as "recoloured" just as well.
 */
const BUILD_MIN_RECOLOUR_SPAN = 0.05;
/**
 * Share of recoloured pixels such a step still has (the rest reads as removed): it recolours at
 * least as much as it removes. A blue highlight on a dark deck reads about two pixels in five
 * as removed.
 */
const BUILD_MIN_RECOLOURED_NO_INK = 0.5;
/**
 * Whether `region` is the next step of the build that `c` shows: it keeps the old step's content
 * and only adds to it (bullets appearing), only takes some of it away (fragments fading out),
 * or only recolours it (a highlighted line moving, text turning red; with no ink added, partly
 * read as removed where the new colour is near the background). A different slide of the
 * same template replaces most of the old content, and a near-duplicate changes a word or a
 * figure into another one: ink appears and disappears in the same place.
 */
export function isBuildStep(
  g: BlockGrid,
  c: { region: Region; mask: Uint8Array },
  region: Region,
  mask: Uint8Array,
  level: number,
  trace?: (m: string) => void,
): boolean {
  const union = c.mask.map((m, b) => m | (mask[b] ?? 0));
  const offset = medianOffset(c.region.data, region.data, g, union);
  let changed = 0;
  let removed = 0;
  let recoloured = 0;
  let oldContent = 0;
  let left = region.width;
  let right = -1;
  for (let i = 0; i < region.data.length; i++) {
    if (union[g.blockOf[i] ?? 0]) continue;
    const was = Math.abs((c.region.data[i] ?? 0) - c.region.background) > level;
    if (was) oldContent++;
    if (!changedAt(c.region, region, i, offset, level)) continue;
    changed++;
    const x = i % region.width;
    if (x < left) left = x;
    if (x > right) right = x;
    // Where the old step was background, the change adds content.
    if (!was) continue;
    if (Math.abs((region.data[i] ?? 0) - region.background) > level) recoloured++;
    else removed++;
  }
  trace?.(`changed ${changed} removed ${removed} recoloured ${recoloured} old content ${oldContent}`);
  if (changed === 0) return false;
  if (grows(c.region, region, union, g, offset, level, trace)) return true;
  const touched = removed + recoloured;
  if (touched <= BUILD_OVERLAP * changed) return touched <= BUILD_OVERLAP * oldContent;
  if (removed >= (1 - BUILD_OVERLAP) * changed) return removed <= BUILD_MAX_REMOVED * oldContent;
  if (right - left + 1 < BUILD_MIN_RECOLOUR_SPAN * region.width) return false;
  if (recoloured >= BUILD_MIN_RECOLOURED * changed) return recoloured <= BUILD_MAX_REMOVED * oldContent;
  const added = changed - touched;
  return (
    added <= BUILD_MAX_ADDED_RECOLOUR * changed &&
    recoloured >= BUILD_MIN_RECOLOURED_NO_INK * changed &&
    touched <= BUILD_MAX_REMOVED * oldContent
  );
}
