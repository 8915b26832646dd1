// The benchmark's library, restored through the library page of an already launched browser
// (run.ts measures on it, profile.ts profiles on it): POSTS posts × TALKS talks × NOTES notes,
// with the first post made active. Returns a function giving an extension page's URL.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { TestPage } from '../../test/e2e/browsers';
import { restoreFile } from '../../test/unit/library/sample-backup';
import { libraryBackup } from './data';

export interface LibrarySize {
  posts: number;
  talks: number;
  notes: number;
}

const asTestPage = (page: Page) =>
  ({
    evaluate: (fn: (a: unknown) => unknown, arg: unknown) => page.evaluate(fn, arg),
  }) as unknown as TestPage;

export async function restoreLibrary(
  context: BrowserContext,
  size: LibrarySize,
): Promise<(file: string) => string> {
  // tsx names functions through a __name helper; the page gets our functions as source text.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const ext = (file: string) => `chrome-extension://${new URL(worker.url()).host}/${file}`;
  const setup = await context.newPage();
  await setup.goto(ext('library.html#backup'));
  await restoreFile(asTestPage(setup), libraryBackup(size.posts, size.talks, size.notes));
  await setup.waitForSelector('.restore-result.ok', { timeout: 120_000 });
  await setup.evaluate(() => {
    location.hash = '#posts';
  });
  await setup.click('.post-row button.make-active');
  await setup.waitForSelector('.post-row .badge');
  await setup.close();
  return ext;
}

/**
 * A copy of the built extension with one more page, blank.html, whose script only marks that it
 * ran: the floor any extension page pays on this machine (a renderer, the page, one script)
 * before its own work, measured in the same run as the popup and the library.
 */
export async function withBlankPage(built: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'talkmark-bench-ext-'));
  await cp(built, dir, { recursive: true });
  await writeFile(
    path.join(dir, 'blank.html'),
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>blank</title></head>\n<body><div id="app"></div><script src="blank.js"></script></body></html>\n',
  );
  await writeFile(
    path.join(dir, 'blank.js'),
    "document.getElementById('app').textContent = 'blank';\ndocument.documentElement.dataset.painted = String(performance.now());\n",
  );
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
