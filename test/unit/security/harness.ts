// The background as an attacker meets it: the real router and handlers over a real store
// (fake-indexeddb), seeded with a small library, and a way to tell whether a call left the
// store exactly as it was. Not a test itself.
import 'fake-indexeddb/auto';
import { expect } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { makeHandlers } from '../../../src/background/handlers';
import { route } from '../../../src/background/router';
import type { CallName } from '../../../src/core/messages';
import type { Snapshot } from '../../../src/core/model';
import type { Result } from '../../../src/core/result';
import type { Store } from '../../../src/store';
import { ids, sampleSnapshot } from '../backup/fixture';
import { freshStore, must, sorted } from '../store/helpers';

export const ownId = 'talkmark@talkmark.dev';
/** Our own content script in a tab (captureTab needs the tab's window). */
export const ownSender: Runtime.MessageSender = {
  id: ownId,
  tab: { windowId: 1 } as Runtime.MessageSender['tab'],
};

export interface Seeded {
  store: Store;
  /** Sends a message as `sender` (our own content script unless told otherwise). */
  send(message: unknown, sender?: Runtime.MessageSender): Promise<Result<unknown, string>>;
  /** Everything the store holds that a call could change: records and the active post. */
  state(): Promise<{ snapshot: Snapshot; active: string | undefined }>;
}

/** A store holding the backup fixture (two posts, three talks, six notes, two images). */
export async function seeded(): Promise<Seeded> {
  const { store } = freshStore();
  must(await store.importSnapshot(sampleSnapshot(), 'replace'));
  must(await store.posts.setActive(ids.post));
  const handlers = makeHandlers(store);
  return {
    store,
    send: (message, sender = ownSender) => route(handlers, ownId, message, sender),
    async state() {
      return { snapshot: sorted(must(await store.snapshot())), active: must(await store.posts.getActive()) };
    },
  };
}

export const envelope = (call: CallName | string, input: unknown) => ({ talkmark: 1, call, input });

/** A refusal the user (or the developer reading the console) can act on: a short sentence. */
export function expectRefused(reply: Result<unknown, string>): void {
  expect(reply.ok, JSON.stringify(reply).slice(0, 300)).toBe(false);
  if (reply.ok) return;
  expect(typeof reply.error).toBe('string');
  expect(reply.error.length).toBeGreaterThan(10);
  // Nothing the caller sent is echoed back at length (a 100 kB title stays out of the reply).
  expect(reply.error.length).toBeLessThan(600);
  expect(reply.error).not.toMatch(/\[object Object\]|undefined is not|Cannot read prop/);
}
