// @vitest-environment happy-dom
// The popup's view (popup.js, an async classic script: build.mjs) may run before the page's
// body is parsed: it waits for `#app` and draws there, instead of failing to draw.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store';
import { must } from '../library/helpers';

const g = globalThis as { chrome?: unknown; talkmarkPopup?: unknown };

afterEach(() => {
  delete g.chrome;
  delete g.talkmarkPopup;
  document.body.innerHTML = '';
  Reflect.deleteProperty(document, 'readyState');
});

const until = async (fn: () => boolean) => {
  for (let i = 0; i < 300 && !fn(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!fn()) throw new Error(`not met: ${fn}`);
};

describe('popup script', () => {
  it('draws into #app once the body is parsed when it ran (and read) before', async () => {
    const store = openStore();
    const post = must(await store.posts.create({ title: 'Before the body' }));
    must(await store.posts.setActive(post.id));
    g.chrome = {
      tabs: { query: async () => [{ id: 3, url: 'https://example.org/talk' }] },
      permissions: { contains: async () => false },
      scripting: { executeScript: async () => [] },
      runtime: { getURL: (p: string) => p },
    };
    // The parser hasn't reached the body: no #app yet.
    document.body.innerHTML = '';
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
    const { earlyPopup } = await import('../../../src/popup/early');
    const early = earlyPopup();
    await import('../../../src/popup/index');
    // Everything the first screen needs is read while the page is still being parsed.
    must(await early.first);
    await new Promise((r) => setTimeout(r, 50));
    expect(document.body.textContent).toBe('');

    document.body.innerHTML = '<div id="app"></div>';
    Reflect.deleteProperty(document, 'readyState');
    document.dispatchEvent(new Event('DOMContentLoaded'));
    await until(() => document.querySelector('#app h1')?.textContent === 'Before the body');
    expect(document.querySelector('#app .enable button.primary')?.textContent).toBe(
      'Take notes on this page',
    );
    store.close();
  });
});
