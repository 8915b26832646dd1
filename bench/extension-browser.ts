// Headless Chromium with a built extension loaded, and a backup restored into it through the
// library page: the set-up the README screenshots (scripts/screenshots.ts), the library
// benchmark and its profiler (bench/library) share. Not a test: the e2e tests launch both
// browsers through test/e2e/browsers.ts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { TestPage } from '../test/e2e/browsers';
import { restoreFile } from '../test/unit/library/sample-backup';

export interface ExtensionBrowser {
  context: BrowserContext;
  /** An extension page's URL, e.g. ext('popup.html'). */
  ext(file: string): string;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

export async function launchWithExtension(
  extensionDir: string,
  options: { viewport?: { width: number; height: number }; args?: string[] } = {},
): Promise<ExtensionBrowser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'talkmark-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      ...(options.args ?? []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  try {
    // tsx names functions through a __name helper; pages get our functions as source text.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const host = new URL(worker.url()).host;
    return {
      context,
      ext: (file) => `chrome-extension://${host}/${file}`,
      async close() {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    throw e;
  }
}

/** The few TestPage methods restoreFile needs, over a playwright page. */
const asTestPage = (page: Page) =>
  ({
    evaluate: (fn: (a: unknown) => unknown, arg: unknown) => page.evaluate(fn, arg),
  }) as unknown as TestPage;

/**
 * Restores `backup` (replacing nothing: the profile is fresh) through the library's Back up
 * view, then makes the first listed post active. Returns the library page, left on #posts.
 */
export async function restoreBackup(
  browser: ExtensionBrowser,
  backup: Uint8Array,
  timeout = 120_000,
): Promise<Page> {
  const library = await browser.context.newPage();
  await library.goto(browser.ext('library.html#backup'));
  await restoreFile(asTestPage(library), backup);
  await library.waitForSelector('.restore-result.ok', { timeout });
  await library.evaluate(() => {
    location.hash = '#posts';
  });
  await library.click('.post-row button.make-active');
  await library.waitForSelector('.post-row .badge');
  return library;
}
