// The OCR queue: every stored image without text, read one at a time, oldest first in key
// order. Nothing is kept of the queue itself (it is "images without text"), so it resumes
// after a restart and covers slides stored before OCR existed (the one-off background pass).
// Runs in an extension context, never in the video page: Chromium's offscreen document,
// Firefox's background page.
import type { ImageId } from '../core/model';
import type { Store } from '../store';
import { onChange } from '../store/changes';
import { openLibraryQueries } from '../store/library-queries';
import type { Engine } from './engine';
import { WasmBlocked } from './engine';
import { OCR_STATUS_KEY, type OcrStatus } from './status';

/** The worker is let go after this long without work (it holds ~100 MB). */
const IDLE_MS = 30_000;

export function startOcrQueue(store: Store, open: () => Promise<Engine>): { stop(): void } {
  let engine: Promise<Engine> | null = null;
  let running = false;
  let again = false;
  let stopped = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  // Images that failed this session (a picture the engine can't decode): not retried until
  // the next start, so one bad image can't spin the queue.
  const failed = new Set<ImageId>();

  const release = () => {
    const e = engine;
    engine = null;
    void e?.then((x) => x.close()).catch(() => {});
  };

  async function drain(): Promise<void> {
    for (;;) {
      if (stopped) return;
      const next = await store.images.nextWithoutText(failed);
      if (!next.ok || !next.value) return;
      const { meta, blob } = next.value;
      try {
        engine ??= open();
        const text = await (await engine).read(blob, meta);
        // Refused when the slide was deleted meanwhile: nothing to keep.
        await store.images.setText(meta.id, text);
      } catch (e) {
        if (e instanceof WasmBlocked) {
          stopped = true;
          engine = null;
          const status: OcrStatus = { state: 'unavailable', message: e.message };
          const kv = openLibraryQueries();
          await kv.setKv(OCR_STATUS_KEY, status);
          kv.close();
          return;
        }
        failed.add(meta.id);
        release();
      }
    }
  }

  async function kick(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(idle);
    do {
      again = false;
      await drain();
    } while (again && !stopped);
    running = false;
    idle = setTimeout(release, IDLE_MS);
  }

  const unsubscribe = onChange((changes) => {
    if (changes.some((c) => (c.type === 'image' && c.op === 'put') || c.type === 'reset')) void kick();
  });
  void kick();
  return {
    stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(idle);
      release();
    },
  };
}
