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

/** The smallest module there is: compiling it tells whether this context may run WebAssembly. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/**
 * Throws WasmBlocked where WebAssembly can't run: no WebAssembly object (Chromium without a JIT),
 * or one that can't compile (Firefox with its wasm compilers off, a policy). Checked before the
 * worker starts: tesseract.js's worker never answers when its core fails to compile, and the
 * queue would wait on it for ever.
 */
export async function checkWasm(): Promise<void> {
  if (typeof WebAssembly !== 'object') throw new WasmBlocked('WebAssembly is not available in this browser.');
  try {
    await WebAssembly.compile(EMPTY_MODULE);
  } catch (e) {
    throw new WasmBlocked(`WebAssembly can’t run here: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function openEngine(): Promise<Engine> {
  await checkWasm();
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
