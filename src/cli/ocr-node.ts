// Slide OCR in Node for `talkmark slides --ocr` and the OCR bench: tesseract.js with the
// English data installed beside it (no download: langPath is the package's folder), read
// into the same SlideText as the extension through core/ocr.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SlideText } from '../core/model';
import { imageSize } from '../core/ocr/image-size';
import { slideTextOf } from '../core/ocr/slide-text';
import { ENGINE_LABEL, pageFromTesseract, type TesseractData } from '../core/ocr/tesseract-page';

export interface NodeOcr {
  /** The slide's text and title from a PNG or JPEG file. */
  read(file: string): Promise<SlideText>;
  /** The engine's own recognise on the same file, nothing after it (the bench's reference). */
  bare(file: string): Promise<string>;
  close(): Promise<void>;
}

export async function openNodeOcr(): Promise<NodeOcr> {
  const require = createRequire(import.meta.url);
  const langPath = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
  const { createWorker, OEM } = await import('tesseract.js');
  // LSTM only (the int model has no legacy engine); no cache: the data is on disk already.
  const worker = await createWorker('eng', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
  return {
    async read(file) {
      const bytes = readFileSync(file);
      const size = imageSize(bytes);
      if (!size) throw new Error(`${file}: not a PNG or JPEG image`);
      const { data } = await worker.recognize(bytes, {}, { blocks: true, text: false });
      const text = slideTextOf(pageFromTesseract(data as unknown as TesseractData, size.width, size.height));
      return { ...text, engine: ENGINE_LABEL, readAt: new Date().toISOString() };
    },
    async bare(file) {
      const { data } = await worker.recognize(readFileSync(file));
      return data.text;
    },
    async close() {
      await worker.terminate();
    },
  };
}
