// Where OCR says it can't run in this browser: written by the queue (ocr/queue.ts), read by the
// library, which says so. A module of its own so the library doesn't load the engine.

/** Key in the store's kv: { state: 'unavailable', message } once OCR can't run here. */
export const OCR_STATUS_KEY = 'ocr-status';

export interface OcrStatus {
  state: 'unavailable';
  message: string;
}
