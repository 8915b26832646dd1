// Tesseract.js's result (its `blocks` output) as the engine-neutral OcrPage slide-text.ts reads.
// Typed structurally, so core does not depend on tesseract.js; both the extension's worker
// host and the CLI pass what `recognize(image, {}, { blocks: true })` returned.
import type { OcrBlock, OcrBox, OcrPage } from './slide-text';

/** The engine and data every reading is stamped with (SlideText.engine). */
export const ENGINE_LABEL = 'tesseract.js 7 eng 4.0.0_best_int';

interface TBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TWord {
  text: string;
  confidence: number;
  bbox: TBox;
}
interface TLine {
  words: TWord[];
  bbox: TBox;
  rowAttributes?: { rowHeight?: number };
}
interface TBlock {
  bbox: TBox;
  paragraphs: { lines: TLine[] }[];
}

/** The parts of tesseract.js's RecognizeResult['data'] that are read. */
export interface TesseractData {
  blocks: TBlock[] | null;
}

const box = (b: TBox): OcrBox => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 });

export function pageFromTesseract(data: TesseractData, width: number, height: number): OcrPage {
  const blocks: OcrBlock[] = (data.blocks ?? []).map((b) => ({
    box: box(b.bbox),
    lines: b.paragraphs.flatMap((p) =>
      p.lines.map((l) => ({
        box: box(l.bbox),
        words: l.words.map((w) => ({ text: w.text, confidence: w.confidence, box: box(w.bbox) })),
        ...(l.rowAttributes?.rowHeight ? { size: l.rowAttributes.rowHeight } : {}),
      })),
    ),
  }));
  return { width, height, blocks };
}
