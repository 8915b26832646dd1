// Whether a settled picture is a slide the user captured by hand: compared block by block,
// since the hand-taken frame came through another path than the sampling loop's.
import { type BlockGrid, blockMeans, medianOffset, type Region } from './frame-ops';

/**
 * A frame taken by hand was read through another path (the capture's canvas, not the sampling
 * loop's copy, which in Chromium scales differently): text edges move by more, so it is compared
 * more loosely. The cost is that a near-duplicate of a hand-taken slide may be taken for it.
 */
/** Block means (10x10 pixels) further apart than this count as a changed block. */
const MANUAL_BLOCK_LEVEL = 10;
/**
 * More changed blocks than this share: another picture than the hand-taken one. A moving part
 * the mask hasn't caught yet (it needs seconds) changes a few blocks; another slide of the same
 * template changes its title and text lines, tens of blocks.
 */
const MANUAL_BLOCKS = 0.08;

/** Whether a region differs from a hand-taken capture, block by block (brightness shift removed). */
export function differsFromHandTaken(
  g: BlockGrid,
  c: { region: Region; mask: Uint8Array },
  region: Region,
  mask: Uint8Array,
): boolean {
  const union = c.mask.map((m, b) => m | (mask[b] ?? 0));
  const offset = medianOffset(c.region.data, region.data, g, union);
  const a = blockMeans(g, c.region.data);
  const b = blockMeans(g, region.data);
  let changed = 0;
  for (let k = 0; k < g.count; k++) {
    if (!union[k] && Math.abs((b[k] ?? 0) - (a[k] ?? 0) - offset) > MANUAL_BLOCK_LEVEL) changed++;
  }
  return changed > MANUAL_BLOCKS * g.count;
}
