// The benchmark's library, restored through the library page of an already launched browser
// (run.ts measures on it, profile.ts profiles on it): POSTS posts × TALKS talks × NOTES notes,
// with the first post made active.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ExtensionBrowser, restoreBackup } from '../extension-browser';
import { libraryBackup } from './data';

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
    // Marked as the popup marks its first view: once the frame that draws it has been painted.
    "document.getElementById('app').textContent = 'blank';\nrequestAnimationFrame(() => setTimeout(() => { document.documentElement.dataset.painted = String(performance.now()); }));\n",
  );
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
