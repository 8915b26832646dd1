// Whether a settled picture is the next step of the build the previous capture shows (bullets
// appearing, fragments fading out, a line recoloured or highlighted), so that it replaces that
// capture instead of being kept as a slide of its own.
import { type BlockGrid, changedAt, medianOffset, type Region } from './frame-ops';

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
/** Share of recoloured pixels such a step still has (the rest reads as removed). */
const BUILD_MIN_RECOLOURED_NO_INK = 0.65;
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
