// The benchmark's library, restored through the library page of an already launched browser
// (run.ts measures on it, profile.ts profiles on it): POSTS posts × TALKS talks × NOTES notes,
// with the first post made active.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestPage } from '../../test/e2e/browsers';
import { restoreFile } from '../../test/unit/library/sample-backup';
import { type ExtensionBrowser, restoreBackup } from '../extension-browser';
import { barePopupRead } from './bare';
import { libraryBackup } from './data';
import type { BenchBrowser } from './driver';

export interface LibrarySize {
  posts: number;
  talks: number;
  notes: number;
}

export async function restoreLibrary(browser: ExtensionBrowser, size: LibrarySize): Promise<void> {
  const page = await restoreBackup(browser, libraryBackup(size.posts, size.talks, size.notes));
  await page.close();
}

/**
 * A copy of the built extension with two more pages. blank.html, whose script only marks that
 * it ran: the floor any extension page pays on this machine (a renderer, the page, one script)
 * before its own work, measured in the same run as the popup and the library. blank-read.html,
 * an empty page that makes the popup's bare read (bare.ts: the same records, no library code)
 * and then draws one line: the least a page that shows the popup's records can take, its own
 * first connection to the database included (the bare read made in an open page reuses that).
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
    // Marked as the popup marks its first view: once the frame that draws it has been painted.
    "document.getElementById('app').textContent = 'blank';\nrequestAnimationFrame(() => setTimeout(() => { document.documentElement.dataset.painted = String(performance.now()); }));\n",
  );
  await writeFile(
    path.join(dir, 'blank-read.html'),
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>blank</title><script src="blank-read.js"></script></head>\n<body><div id="app"></div></body></html>\n',
  );
  await writeFile(
    path.join(dir, 'blank-read.js'),
    // tsx names functions through a __name helper: the page gets it as a no-op.
    `globalThis.__name ??= (f) => f;\nperformance.mark('talkmark:early');\n(${barePopupRead.toString()})(false).then((r) => {
  performance.mark('talkmark:first');
  const show = () => {
    document.getElementById('app').textContent = 'read in ' + r.ms + ' ms';
    requestAnimationFrame(() => setTimeout(() => { document.documentElement.dataset.painted = String(performance.now()); }));
  };
  if (document.getElementById('app')) show();
  else document.addEventListener('DOMContentLoaded', show);
});\n`,
  );
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The same library restored through the library page of a BenchBrowser (either browser, see
 * driver.ts), the first post made active.
 */
export async function restoreInto(browser: BenchBrowser, size: LibrarySize): Promise<void> {
  const page = await browser.newPage();
  await page.goto(browser.ext('library.html#backup'));
  await restoreFile(page as unknown as TestPage, libraryBackup(size.posts, size.talks, size.notes));
  await page.waitValue(() => document.querySelector('.restore-result.ok') !== null, null, 120_000);
  await page.evaluate(() => {
    location.hash = '#posts';
  }, null);
  await page.waitValue(() => document.querySelector('.post-row button.make-active') !== null, null);
  await page.evaluate(
    () => document.querySelector<HTMLButtonElement>('.post-row button.make-active')?.click(),
    null,
  );
  await page.waitValue(() => document.querySelector('.post-row .badge') !== null, null);
  await page.close();
}
