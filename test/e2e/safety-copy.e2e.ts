// The safety copy outside IndexedDB (src/store/copy.ts), in the browser: notes are taken, the
// browser is closed, the extension's IndexedDB files are deleted or overwritten with garbage
// on disk (what a browser that discards a damaged database after a crash leaves behind), and
// the browser starts again on the same profile. The library must offer to bring the notes
// back, with how many, and bring them back.
// Firefox keeps storage.local in a database file of its own beside the extension's: only the
// extension's database file is touched. A temporary add-on is installed again at each launch
// (its pinned UUID keeps its origin), as in durability.e2e.ts.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BrowserName, launch, type TestBrowser } from './browsers';
import { browsers, extensionDir, fixtureVideo, readStore } from './scenario';
import { startServer } from './server';
import { seek, startNote, waitForPanel } from './video-page';
import { until } from './video-page-helpers';

type Damage = 'deleted' | 'corrupted';

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    out.push(full);
    if (entry.isDirectory()) out.push(...(await walk(full)));
  }
  return out;
}

/** The extension's IndexedDB on disk: Chromium's folders, or Firefox's database file. */
async function databaseFiles(name: BrowserName, profile: string): Promise<string[]> {
  const all = await walk(profile);
  if (name === 'chromium') return all.filter((f) => /[/\\]IndexedDB[/\\]chrome-extension_[^/\\]+$/.test(f));
  const idb = all.filter((f) => /moz-extension\+\+\+[^/\\]+[/\\]idb[/\\][^/\\]+\.sqlite$/.test(f));
  const ours: string[] = [];
  for (const file of idb) {
    // storage.local lives in a database of its own here: keep that one.
    if ((await readFile(file)).includes('webExtensions-storage-local')) continue;
    const base = file.slice(0, -'.sqlite'.length);
    ours.push(file, `${file}-wal`, `${file}-shm`, `${base}.files`);
  }
  return ours;
}

async function damage(name: BrowserName, profile: string, how: Damage): Promise<string[]> {
  const targets = await databaseFiles(name, profile);
  if (targets.length === 0) throw new Error(`no IndexedDB files of the extension found in ${profile}`);
  for (const target of targets) {
    if (how === 'deleted') {
      await rm(target, { recursive: true, force: true });
      continue;
    }
    for (const file of [target, ...(await walk(target))]) {
      const bytes = await readFile(file).catch(() => null);
      if (bytes) await writeFile(file, Buffer.alloc(bytes.length, 0x5a));
    }
  }
  return targets;
}

const texts = ['First thought on the keynote', 'Second thought, with a quote'];

const cases: Array<[BrowserName, Damage]> = [
  ['chromium', 'deleted'],
  ['chromium', 'corrupted'],
  ...browsers
    .filter((b) => b === 'firefox')
    .flatMap(
      (b): Array<[BrowserName, Damage]> => [
        [b, 'deleted'],
        [b, 'corrupted'],
      ],
    ),
];

describe.each(cases)('a database lost between two runs of %s (%s on disk)', (name, how) => {
  it('comes back from the safety copy, offered with its count', async () => {
    const server = await startServer();
    const profileDir = await mkdtemp(path.join(tmpdir(), `talkmark-copy-${name}-`));
    let browser: TestBrowser | undefined;
    try {
      browser = await launch(name, extensionDir(name), server.origin, { profileDir });
      const page = await browser.newPage();
      await page.goto(`${server.origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`);
      await waitForPanel(page);
      for (const [i, text] of texts.entries()) {
        await seek(page, 10 + i * 10);
        await startNote(page);
        await page.type(text);
        await page.press('Enter');
        await page.waitFor(
          () => !document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('textarea'),
          null,
        );
      }
      const library = await browser.newPage();
      await library.goto(browser.extensionUrl('library.html#backup'));
      await library.waitFor(
        () => /last written \d/.test(document.querySelector('.copy-written')?.textContent ?? ''),
        null,
      );
      // The copy holds both notes before the browser goes.
      await library.waitFor(async (want: string[]) => {
        type Area = { storage: { local: { get(k: null): Promise<Record<string, { text?: string }>> } } };
        const g = globalThis as { browser?: Area; chrome?: Area };
        const api = (g.browser ?? g.chrome) as Area;
        const all = await api.storage.local.get(null);
        const held = Object.values(all).map((v) => v.text);
        return want.every((t) => held.includes(t));
      }, texts);
      await browser.close();
      browser = undefined;

      const touched = await damage(name, profileDir, how);
      expect(touched.length).toBeGreaterThan(0);

      browser = await launch(name, extensionDir(name), server.origin, { profileDir });
      const again = await browser.newPage();
      await again.goto(browser.extensionUrl('library.html'));
      await again.waitFor(() => document.querySelector('.copy-notice'), null, 20000);
      const offer = await again.evaluate(
        () => document.querySelector('.copy-notice')?.textContent ?? '',
        null,
      );
      expect(offer).toMatch(/2 notes, 1 talk, 1 post/);
      await again.click('button.restore-copy');
      await again.waitFor(() => !document.querySelector('.copy-notice'), null, 20000);
      // The notice goes as the restore starts; its writes land a moment later: wait for both notes.
      const notes = await until(
        async () => (await again.evaluate(readStore, 'notes')) as Array<{ text: string; time: number }>,
        (n) => texts.every((t) => n.some((x) => x.text === t)),
        'both notes back from the copy',
      );
      expect(notes.map((n) => n.text).sort()).toEqual([...texts].sort());
      expect(notes.map((n) => Math.round(n.time)).sort()).toEqual([10, 20]);
      // The posts list shows them again, under their talk.
      await again.goto(browser.extensionUrl('library.html#posts'));
      await again.waitFor(() => document.body.textContent?.includes('2 notes'), null);
    } finally {
      await browser?.close().catch(() => undefined);
      await server.close();
      await rm(profileDir, { recursive: true, force: true });
    }
  }, 120_000);
});
