// Slide text from the background: Firefox reads slides right here (its background page can
// start a Web Worker); Chromium's service worker can't, so it opens the offscreen document
// (src/ocr/offscreen.ts) whenever there is a slide to read. Either way the queue is the store's
// images without text, so a restart resumes it and slides stored before OCR get read too.
import type { Store } from '../store';
import { onChange } from '../store/changes';

interface OffscreenApi {
  runtime: { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> };
  offscreen: {
    createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  };
}

let opening: Promise<void> | null = null;

/** Opens the offscreen document unless it is open (or opening). */
function ensureOffscreen(): Promise<void> {
  const chrome = (globalThis as unknown as { chrome: OffscreenApi }).chrome;
  opening ??= (async () => {
    const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
    if (open.length > 0) return;
    await chrome.offscreen.createDocument({
      url: 'offscreen.html',
      reasons: ['WORKERS'],
      justification: 'Reads the text of stored slide pictures (OCR) in a worker, off the video page.',
    });
  })()
    // Another call may have opened it first ("only a single offscreen document"): that is fine.
    .catch(() => undefined)
    .finally(() => {
      opening = null;
    });
  return opening;
}

export async function startOcr(store: Store): Promise<void> {
  if (__BROWSER__ === 'firefox') {
    // Imported here only, so Chromium's service worker doesn't carry tesseract.js.
    const [{ startOcrQueue }, { openEngine }] = await Promise.all([
      import('../ocr/queue'),
      import('../ocr/engine'),
    ]);
    startOcrQueue(store, openEngine);
    return;
  }
  onChange((changes) => {
    if (changes.some((c) => (c.type === 'image' && c.op === 'put') || c.type === 'reset'))
      void ensureOffscreen();
  });
  const next = await store.images.nextWithoutText();
  if (next.ok && next.value) await ensureOffscreen();
}
