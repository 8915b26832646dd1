// The library benchmark's two browsers behind one small interface: Chromium through
// playwright-core (as bench/extension-browser.ts launches it) and Firefox ESR through
// puppeteer-core over WebDriver BiDi (as test/e2e/browsers.ts does), so the same steps measure
// both. Firefox's BiDi won't open an extension page itself: a page of a local server steps
// into it, which the copy of the build measured here allows (web_accessible_resources).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { startServer } from '../../test/e2e/server';
import { launchWithExtension } from '../extension-browser';

export type BenchBrowserName = 'chromium' | 'firefox';

export interface BenchPage {
  goto(url: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Runs `fn` in the page on every animation frame until it returns a truthy value: that value. */
  waitValue<R, A>(fn: (arg: A) => R, arg: A, timeoutMs?: number): Promise<R>;
  close(): Promise<void>;
}

export interface BenchBrowser {
  name: BenchBrowserName;
  /** An extension page's URL, e.g. ext('popup.html'). */
  ext(file: string): string;
  newPage(viewport?: { width: number; height: number }): Promise<BenchPage>;
  close(): Promise<void>;
}

const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const geckoId = 'talkmark@talkmark.dev';
const firefoxUuid = '7a1c3e55-2f1d-4c1e-9d51-6c5b3a0e7f10';

export async function launchBench(name: BenchBrowserName, extensionDir: string): Promise<BenchBrowser> {
  return name === 'chromium' ? launchChromium(extensionDir) : launchFirefox(extensionDir);
}

async function launchChromium(dir: string): Promise<BenchBrowser> {
  const browser = await launchWithExtension(dir);
  return {
    name: 'chromium',
    ext: browser.ext,
    async newPage(viewport) {
      const page = await browser.context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return {
        goto: async (url) => void (await page.goto(url)),
        evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
          (page.evaluate as (f: unknown, a: unknown) => Promise<R>)(fn, arg),
        async waitValue<R, A>(fn: (arg: A) => R, arg: A, timeout = 30_000) {
          const wait = page.waitForFunction.bind(page) as (
            f: unknown,
            a: unknown,
            o: unknown,
          ) => Promise<{ jsonValue(): Promise<R> }>;
          return (await wait(fn, arg, { polling: 'raf', timeout })).jsonValue();
        },
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

/** How long a Firefox page is left alone to load before the driver asks whether it is there. */
const SETTLE_MS = 600;

async function launchFirefox(dir: string): Promise<BenchBrowser> {
  const server = await startServer();
  // Extension pages the local server's page may step into (match patterns carry no port).
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  manifest.web_accessible_resources = [
    ...(manifest.web_accessible_resources ?? []),
    {
      resources: ['popup.html', 'library.html', 'blank.html', 'blank-read.html'],
      matches: ['http://127.0.0.1/*'],
    },
  ];
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  const profile = await mkdtemp(path.join(tmpdir(), 'talkmark-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    userDataDir: profile,
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: firefoxUuid }) },
  });
  try {
    await browser.installExtension(path.resolve(dir));
  } catch (e) {
    await browser.close();
    await server.close();
    throw e;
  }
  return {
    name: 'firefox',
    ext: (file) => `moz-extension://${firefoxUuid}/${file}`,
    async newPage(viewport) {
      const page = await browser.newPage();
      if (viewport) await page.setViewport(viewport);
      const evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
        page.evaluate(fn as (a: unknown) => Promise<R>, arg as unknown) as Promise<R>;
      return {
        async goto(url) {
          if (!url.startsWith('moz-extension:')) return void (await page.goto(url));
          await page.goto(`${server.origin}/pages/blank.html`);
          await page.evaluate((u) => location.assign(u), url);
          // Every evaluate runs script in the page: asked every 20 ms while the page loads, it
          // competed with the page being measured (popup first paint 169 ms against 124 ms
          // when left alone). The pages measured draw well within this; then ask.
          await new Promise((r) => setTimeout(r, SETTLE_MS));
          // puppeteer doesn't report this navigation as one: wait until the page is there.
          for (let i = 0; i < 300; i++) {
            const there = await page
              .evaluate(() => location.protocol === 'moz-extension:' && document.readyState !== 'loading')
              .catch(() => false);
            if (there) {
              // tsx names functions through a __name helper; the page gets ours as source text.
              await page.evaluate('globalThis.__name ??= (f) => f');
              return;
            }
            await new Promise((r) => setTimeout(r, 20));
          }
          throw new Error(`Firefox did not open ${url}`);
        },
        evaluate,
        async waitValue<R, A>(fn: (arg: A) => R, arg: A, timeout = 30_000) {
          const handle = await page.waitForFunction(
            fn as (a: unknown) => unknown,
            { polling: 'raf', timeout },
            arg,
          );
          return (await handle.jsonValue()) as R;
        },
        close: () => page.close(),
      };
    },
    async close() {
      await browser.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
