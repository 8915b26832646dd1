// Tesseract in the extension: tesseract.js's worker, its wasm core and the English data, all
// packaged in ocr/ (build.mjs copies them). Every path is an extension URL, so nothing is ever
// fetched from tesseract.js's default CDN; no cache either (the data is in the package).

import { createWorker, OEM, type Worker } from 'tesseract.js';
import browser from 'webextension-polyfill';
import type { ImageMeta, SlideText } from '../core/model';
import { slideTextOf } from '../core/ocr/slide-text';
import { ENGINE_LABEL, pageFromTesseract, type TesseractData } from '../core/ocr/tesseract-page';

/** Files build.mjs puts in ocr/ (the SIMD LSTM core: every browser Talkmark supports has SIMD). */
export const OCR_FILES = {
  worker: 'ocr/worker.min.js',
  core: 'ocr/tesseract-core-simd-lstm.js',
  lang: 'ocr',
} as const;

export interface Engine {
  read(blob: Blob, meta: ImageMeta): Promise<SlideText>;
  close(): Promise<void>;
}

/** Raised when this browser can't run WebAssembly here (blocked by policy, or missing). */
export class WasmBlocked extends Error {}

export async function openEngine(): Promise<Engine> {
  if (typeof WebAssembly !== 'object') throw new WasmBlocked('WebAssembly is not available in this browser.');
  let worker: Worker;
  try {
    worker = await createWorker('eng', OEM.LSTM_ONLY, {
      workerPath: browser.runtime.getURL(OCR_FILES.worker),
      corePath: browser.runtime.getURL(OCR_FILES.core),
      langPath: browser.runtime.getURL(OCR_FILES.lang),
      // A blob: worker would need blob: in script-src; the packaged file needs nothing more.
      workerBlobURL: false,
      cacheMethod: 'none',
      gzip: true,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // A wasm compile refused by a policy shows up as a CompileError or a CSP message.
    if (/wasm|WebAssembly|CompileError|Content Security Policy/i.test(message))
      throw new WasmBlocked(message);
    throw e;
  }
  return {
    async read(blob, meta) {
      const { data } = await worker.recognize(blob, {}, { blocks: true, text: false });
      const text = slideTextOf(pageFromTesseract(data as unknown as TesseractData, meta.width, meta.height));
      return { ...text, engine: ENGINE_LABEL, readAt: new Date().toISOString() };
    },
    async close() {
      await worker.terminate();
    },
  };
}
