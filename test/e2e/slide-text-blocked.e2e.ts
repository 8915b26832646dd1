// Slide text where WebAssembly is blocked (a policy, a hardened browser): Chromium started with
// V8's --jitless (what Chrome's "JavaScript optimizer blocked" policy does; it takes WebAssembly
// away with the JIT: V8's --noexpose_wasm no longer does in Chromium 156, Blink installs it
// anyway), Firefox with javascript.options.wasm and its wasm compilers off. A captured slide is stored
// and exported as it would be without OCR (its figure titled by the talk and the moment, its alt
// text from the talk), OCR records why it can't run, and both the library and the video page's
// panel say so and what it means; the panel's notice, once dismissed, is marked told for good.
import { unzipSync } from 'fflate';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { Talk } from '../../src/core/model';
import type { BrowserName, LaunchOptions } from './browsers';
import { buildWithHugo, downloadZip } from './export-zip';
import { browsers, fixtureVideo, readStore, useBrowser } from './scenario';
import { pressOnPage, seekTo, storeReader, until, waitForTalk, waitForVideo } from './video-page-helpers';

/** Why OCR can't run, in the engine's words (src/ocr/engine.ts checkWasm), as each browser blocks it. */
const why: Record<BrowserName, string> = {
  chromium: 'WebAssembly is not available in this browser.',
  firefox: 'WebAssembly can’t run here: no WebAssembly compiler available',
};

const wasmBlocked: Record<BrowserName, LaunchOptions> = {
  chromium: { chromiumArgs: ['--js-flags=--jitless'] },
  // javascript.options.wasm alone leaves WebAssembly to extension pages; with no wasm compiler
  // left (both JITs off), compiling fails there too.
  firefox: {
    firefoxPrefs: {
      'javascript.options.wasm': false,
      'javascript.options.wasm_baselinejit': false,
      'javascript.options.wasm_optimizingjit': false,
    },
  },
};

/** A value of the store's kv, read from an extension page. */
function readKv(key: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('talkmark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction('kv').objectStore('kv').get(key);
      req.onsuccess = () => {
        db.close();
        resolve(req.result);
      };
      req.onerror = () => reject(req.error);
    };
  });
}

/** The text of the panel's slide-text notice, or '' while it shows none. */
function panelNotice(): string {
  const root = document.querySelector('talkmark-panel')?.shadowRoot;
  return root?.querySelector('.slide-text-notice')?.textContent ?? '';
}

describe.each(browsers)('slide text with WebAssembly blocked in %s', (name) => {
  const env = useBrowser(name, wasmBlocked[name]);

  it('keeps and exports the slide without text, and says why in the panel and the library', async () => {
    const { browser, server } = env;
    const page = await browser.newPage();
    await page.goto(`${server.origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`);
    await waitForVideo(page);
    await waitForTalk(page, 'Shipping Small Things Fast');
    // The blocking is real where the page runs too (the flag and the pref are browser-wide).
    expect(await page.evaluate(() => typeof WebAssembly, null)).toBe('undefined');

    await seekTo(page, 15);
    await pressOnPage(page, 's');
    const store = await storeReader(browser);
    await until(
      store.notes,
      (notes) => notes.some((n) => n.kind === 'slide' && n.imageId),
      'the slide stored',
    );
    // The engine found no WebAssembly where OCR runs (Chromium's offscreen document, Firefox's
    // background page): the status says so in the engine's own words.
    const status = await until(
      () => store.page.evaluate(readKv, 'ocr-status'),
      (s) => s !== undefined,
      'OCR’s status',
    );
    expect(status).toEqual({ state: 'unavailable', message: why[name] });
    // The open panel heard of it.
    await page.waitFor(
      () => document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.slide-text-notice'),
      null,
      15_000,
    );
    const said = await page.evaluate(panelNotice, null);
    expect(said).toContain(`can’t be read in this browser (${why[name]})`);
    expect(said).toContain('Your slides are kept; figures are titled by the talk and moment');
    expect(said).toContain('search finds notes only');

    const [slide] = (await store.notes()).filter((n) => n.kind === 'slide');
    const images = (await store.page.evaluate(readStore, 'images')) as Array<{ id: string; text?: unknown }>;
    expect(images.map((i) => i.id)).toEqual([slide?.imageId]);
    expect(images[0]?.text).toBeUndefined();

    // The library says it too.
    const [talk] = (await store.page.evaluate(readStore, 'talks')) as Talk[];
    await store.page.goto(browser.extensionUrl(`library.html#post/${talk?.postId}`));
    await store.page.waitFor(
      () =>
        document.querySelector('.slide-text-notice')?.textContent?.includes('can’t be read in this browser'),
      null,
      15_000,
    );

    // The export: the figure named by the talk and the moment, its alt text from the talk.
    await store.page.goto(browser.extensionUrl(`library.html#post/${talk?.postId}/export`));
    await store.page.waitFor(
      () => document.querySelector('iframe.preview')?.getAttribute('srcdoc'),
      null,
      15_000,
    );
    const { html, markdown } = buildWithHugo(unzipSync(await downloadZip(store.page)));
    expect(markdown).toContain('Shipping Small Things Fast (0:15)');
    const doc = new Window().document;
    doc.body.innerHTML = html;
    const figures = Array.from(doc.querySelectorAll('figure')).map((f) => ({
      title: f.querySelector('figcaption h4')?.textContent,
      alt: f.querySelector('img')?.getAttribute('alt'),
    }));
    expect(figures).toEqual([
      { title: 'Shipping Small Things Fast (0:15)', alt: 'Slide from Shipping Small Things Fast at 0:15' },
    ]);

    // Dismissed in the panel: gone, and stored as told, so no panel says it again.
    await page.evaluate(() => {
      const root = document.querySelector('talkmark-panel')?.shadowRoot;
      const dismiss = root?.querySelector<HTMLButtonElement>(
        '.slide-text-notice button[aria-label="Dismiss"]',
      );
      if (!dismiss) throw new Error('no Dismiss button on the slide text notice');
      dismiss.click();
    }, null);
    await page.waitFor(
      () => !document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.slide-text-notice'),
      null,
    );
    await until(
      () => store.page.evaluate(readKv, 'ocr-status-told'),
      (told) => told === true,
      'the dismissal stored',
    );
    await store.close();
    await page.close();
  });
});
