// Where OCR says it can't run in this browser: written by the queue (ocr/queue.ts), read by the
// library and by the video page's panel (through the background), which say so. A module of
// its own so neither loads the engine.

/** Key in the store's kv: { state: 'unavailable', message } once OCR can't run here. */
export const OCR_STATUS_KEY = 'ocr-status';

/**
 * Key in the store's kv: true once the user dismissed the panel's notice about it. Apart from
 * the status, which the queue writes again on every start that finds wasm blocked: the panel
 * says it once, not after every browser restart.
 */
export const OCR_TOLD_KEY = 'ocr-status-told';

export interface OcrStatus {
  state: 'unavailable';
  message: string;
}
