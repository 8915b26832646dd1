// What an OCR engine read on a slide, turned into what Talkmark stores (SlideText): the lines
// in reading order, cleaned of list markers and specks, and the slide's title. Pure: the
// extension (tesseract.js in a worker) and the CLI (tesseract.js in Node) both end here.
//
// Reading order: the engine's text blocks, grouped into bands from the top, each band read
// left to right (two columns side by side: the left column first, then the right), lines of
// a block in the engine's order. Title: the largest line in the upper part of the slide,
// when it stands out from the rest; a heading wrapped over two lines is joined.
// Constants were tuned on the "tune" decks of bench/ocr and checked on the held-out ones.

export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** 0..100 */
  confidence: number;
  box: OcrBox;
}

export interface OcrLine {
  words: OcrWord[];
  box: OcrBox;
  /** The engine's estimate of the text size (Tesseract's row height); else the box height. */
  size?: number;
}

export interface OcrBlock {
  lines: OcrLine[];
  box: OcrBox;
}

/** One page as the engine gave it, in the engine's order. */
export interface OcrPage {
  width: number;
  height: number;
  blocks: OcrBlock[];
}

export interface ReadText {
  lines: string[];
  title: string;
}

/** A word below this confidence is a speck or a picture's edge, not text. */
export const MIN_WORD_CONFIDENCE = 35;
/** A word with no letter or digit (a dash, a box's corner) needs this much to stay. */
export const MIN_SYMBOL_CONFIDENCE = 70;
/** A line whose words average below this is noise (a photo, a camera shot). */
export const MIN_LINE_CONFIDENCE = 55;
/** The title's text size must be this many times the median size of the other lines. */
export const TITLE_STANDOUT = 1.2;
/** The title's centre lies in this upper fraction of the slide. */
export const TITLE_ZONE = 0.7;
/** A gap between words wider than this many text sizes separates columns. */
export const COLUMN_GAP = 3;
/** Sizes within this ratio count as the same size (a wrapped title's second line). */
const SAME_SIZE = 0.15;
const MAX_TITLE = 200;
const MAX_LINE = 500;

const alnum = /[\p{L}\p{N}]/u;
const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;
/** List markers Tesseract reads bullets as. */
const bullet = /^[•·∙◦▪▸►‣⁃*\-–—>»o°©®e]$/u;

const sizeOf = (line: OcrLine) => (line.size && line.size > 0 ? line.size : line.box.y1 - line.box.y0);

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

interface Kept {
  text: string;
  box: OcrBox;
  size: number;
}

/** A word that reads as text whatever the engine's confidence (Tesseract rates code low). */
const looksLikeText = (w: string) => {
  const n = (w.match(/[\p{L}\p{N}]/gu) ?? []).length;
  return n >= 2 && n / w.length >= 0.5;
};

/** Words of a line split where a gap wider than COLUMN_GAP text sizes separates columns. */
function segments(line: OcrLine): OcrWord[][] {
  const size = sizeOf(line);
  const out: OcrWord[][] = [];
  for (const w of line.words) {
    const last = out.at(-1);
    const prev = last?.at(-1);
    if (last && prev && w.box.x0 - prev.box.x1 <= size * COLUMN_GAP) last.push(w);
    else out.push([w]);
  }
  return out;
}

/** The words' text without specks and list markers; null when nothing legible is left. */
function cleanWords(all: OcrWord[], size: number): Kept | null {
  const words = all.filter(
    (w) =>
      w.text.trim() !== '' &&
      (w.confidence >= MIN_WORD_CONFIDENCE || looksLikeText(w.text)) &&
      (alnum.test(w.text) || w.confidence >= MIN_SYMBOL_CONFIDENCE),
  );
  if (words.length === 0) return null;
  const mean = words.reduce((n, w) => n + w.confidence, 0) / words.length;
  // Low confidence throughout and little that reads as words: a photo or a logo, not text.
  const wordy = words.filter((w) => looksLikeText(w.text) && w.text.length >= 3).length;
  if (mean < MIN_LINE_CONFIDENCE && wordy * 2 < words.length) return null;
  const first = words[0] as OcrWord;
  // A lone marker before the line's words: a bullet, not a word (a real "e" or "o" never
  // starts a slide line on its own; an "a" does, so it is not in the list).
  if (words.length > 1 && bullet.test(first.text.trim())) words.shift();
  const text = words
    .map((w) => w.text.trim())
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_LINE);
  if ((text.match(/[\p{L}\p{N}]/gu) ?? []).length < 2) return null;
  const box = {
    x0: Math.min(...words.map((w) => w.box.x0)),
    y0: Math.min(...words.map((w) => w.box.y0)),
    x1: Math.max(...words.map((w) => w.box.x1)),
    y1: Math.max(...words.map((w) => w.box.y1)),
  };
  return { text, box, size };
}

/**
 * A block's lines in reading order. Where the engine read two columns as one line (same
 * baseline, a wide gap), the run of such lines is read column by column.
 */
function blockLines(block: OcrBlock): Kept[] {
  const rows = block.lines.map((line) =>
    segments(line)
      .map((ws) => cleanWords(ws, sizeOf(line)))
      .filter((k): k is Kept => k !== null),
  );
  const split = rows.flatMap((r, i) => (r.length > 1 ? [i] : []));
  if (split.length === 0) return rows.flat();
  const from = split[0] as number;
  const to = split.at(-1) as number;
  // Column starts: the left edges of the segments of split lines, grouped.
  const size = median(rows.flat().map((k) => k.size));
  const starts = rows
    .slice(from, to + 1)
    .flatMap((r) => (r.length > 1 ? r.map((k) => k.box.x0) : []))
    .sort((a, b) => a - b)
    .filter((x, i, xs) => i === 0 || x - (xs[i - 1] as number) > size * COLUMN_GAP);
  const column = (k: Kept) => starts.filter((x) => k.box.x0 >= x - size).length;
  const run = rows.slice(from, to + 1).flat();
  const ordered = run
    .map((k, i) => ({ k, i, c: column(k) }))
    .sort((a, b) => a.c - b.c || a.i - b.i)
    .map((e) => e.k);
  return [...rows.slice(0, from).flat(), ...ordered, ...rows.slice(to + 1).flat()];
}

const overlap = (a0: number, a1: number, b0: number, b1: number) =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** Blocks in reading order: bands of vertically overlapping blocks from the top, each left to right. */
function orderBlocks(blocks: OcrBlock[]): OcrBlock[] {
  const byTop = [...blocks].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  const bands: { y0: number; y1: number; blocks: OcrBlock[] }[] = [];
  for (const block of byTop) {
    const band = bands.at(-1);
    const h = Math.min(block.box.y1 - block.box.y0, band ? band.y1 - band.y0 : Number.POSITIVE_INFINITY);
    // Side by side when they share at least half the shorter one's height.
    if (band && h > 0 && overlap(band.y0, band.y1, block.box.y0, block.box.y1) >= h / 2) {
      band.blocks.push(block);
      band.y1 = Math.max(band.y1, block.box.y1);
    } else bands.push({ y0: block.box.y0, y1: block.box.y1, blocks: [block] });
  }
  return bands.flatMap((b) => b.blocks.sort((a, c) => a.box.x0 - c.box.x0));
}

/** The title: the largest line high on the slide when it stands out, joined with a wrapped second line. */
function pickTitle(lines: Kept[], height: number): string {
  const candidates = lines.filter(
    (l) => letters(l.text) >= 2 && (l.box.y0 + l.box.y1) / 2 <= height * TITLE_ZONE,
  );
  if (candidates.length === 0) return '';
  // Largest first; among lines of the same size, the topmost.
  const best = candidates.reduce((a, b) => {
    if (b.size > a.size * (1 + SAME_SIZE)) return b;
    if (a.size > b.size * (1 + SAME_SIZE)) return a;
    return b.box.y0 < a.box.y0 ? b : a;
  });
  const at = lines.indexOf(best);
  const sameSize = (l: Kept) => Math.abs(l.size - best.size) <= best.size * SAME_SIZE;
  const parts = [best];
  // A heading wrapped onto the next line: same size, just below, starting near the same x.
  for (let i = at + 1; i < lines.length; i++) {
    const next = lines[i] as Kept;
    const prev = parts.at(-1) as Kept;
    const gap = next.box.y0 - prev.box.y1;
    if (parts.length === 3 || !sameSize(next) || gap < 0 || gap > best.size * 0.9) break;
    parts.push(next);
  }
  const others = lines.filter((l) => !parts.includes(l)).map((l) => l.size);
  // Nothing to stand out from: a lone line is the title; several of one size are not.
  if (others.length === 0 && parts.length > 1) return '';
  if (others.length > 0 && best.size < median(others) * TITLE_STANDOUT) return '';
  return parts
    .map((p) => p.text)
    .join(' ')
    .slice(0, MAX_TITLE);
}

/** Lines in reading order and the title, from what the engine read on one slide. */
export function slideTextOf(page: OcrPage): ReadText {
  const kept: Kept[] = [];
  for (const block of orderBlocks(page.blocks)) {
    kept.push(...blockLines(block));
  }
  return { lines: kept.map((k) => k.text), title: pickTitle(kept, page.height) };
}
