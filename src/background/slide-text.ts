// What the video page's panel says about slide text: when OCR found it can't run in this
// browser (wasm blocked), the same status the library reads (ocr/status.ts), until the user
// dismissed the panel's notice once. Tabs hear when either changes, so an open panel says it
// as soon as the first slide's reading fails, and every panel drops it once one is dismissed.

import { OCR_STATUS_KEY, OCR_TOLD_KEY, type OcrStatus } from '../ocr/status';
import type { Change } from '../store/changes';
import { type LibraryQueries, openLibraryQueries } from '../store/library-queries';
import type { Handlers } from './router';

export type Kv = Pick<LibraryQueries, 'getKv' | 'setKv'>;

/** The extension's own kv, opened on first use. */
export function lazyKv(): Kv {
  let queries: LibraryQueries | undefined;
  const get = () => {
    queries ??= openLibraryQueries();
    return queries;
  };
  return { getKv: (key) => get().getKv(key), setKv: (key, value) => get().setKv(key, value) };
}

async function read(kv: Kv, key: string): Promise<unknown> {
  const got = await kv.getKv(key);
  if (!got.ok) throw new Error(got.error.message);
  return got.value;
}

export function slideTextHandlers(kv: Kv): Pick<Handlers, 'slideTextNotice' | 'dismissSlideTextNotice'> {
  return {
    async slideTextNotice() {
      const status = (await read(kv, OCR_STATUS_KEY)) as OcrStatus | undefined;
      if (status?.state !== 'unavailable') return { unavailable: null };
      if ((await read(kv, OCR_TOLD_KEY)) === true) return { unavailable: null };
      return { unavailable: status.message };
    },
    async dismissSlideTextNotice() {
      const set = await kv.setKv(OCR_TOLD_KEY, true);
      if (!set.ok) throw new Error(set.error.message);
      return { unavailable: null };
    },
  };
}

/** Whether a batch of store changes touches what the panel says about slide text. */
export function slideTextChanged(changes: readonly Change[]): boolean {
  return changes.some((c) => c.type === 'kv' && (c.key === OCR_STATUS_KEY || c.key === OCR_TOLD_KEY));
}
