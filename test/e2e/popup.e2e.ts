// The popup on the built extension, in Chromium and Firefox, over a library of 10,000 notes
// (restored through the library page): counts come out right, switching and creating posts
// change the active post in the store (the store's writers load on the first click), and
// "Copy as Markdown" shows the post as Markdown (the exporters load on that first use).
// "On this tab" (the talk of the tab the popup was opened over) can't be shown here: a test
// opens the popup as a tab of its own, so the active tab is the popup itself. Finding the
// tab's talk is unit-tested (test/unit/popup/popup.test.tsx).
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreFile, sampleBackup, sampleIds } from '../unit/library/sample-backup';
import { launch, type TestBrowser, type TestPage } from './browsers';
import { browsers, extensionDir, fixtureVideo, readStore, useBrowser } from './scenario';
import { type FixtureServer, startServer } from './server';

const root = path.resolve(import.meta.dirname, '../..');

/** What a popup shows of the active post: its title, its counts and the other posts offered. */
const shown = (popup: TestPage) =>
  popup.evaluate(
    () => ({
      title: document.querySelector('h1')?.textContent,
      summary: document.querySelector('.summary')?.textContent,
      recent: [...document.querySelectorAll('button.switch')].map((b) => b.textContent),
    }),
    null,
  );

describe.each(browsers)('popup in %s', (name) => {
  const env = useBrowser(name);

  it('paints the active post with note counts from 10,000 notes, switches and creates posts', async () => {
    const video = await fixtureVideo('sample-talk');
    const library = await env.browser.newPage();
    await library.goto(env.browser.extensionUrl('library.html#backup'));
    const backup = sampleBackup(
      path.join(root, 'test/.cache/videos', video),
      `${env.server.origin}/pages/generic.html?src=${video}`,
      10_000,
    );
    await restoreFile(library, backup);
    await library.waitFor(() => document.querySelector('.restore-result.ok'), null, 30000);
    // Make the restored post the active one, from the posts list.
    await library.evaluate(() => {
      location.hash = '#posts';
    }, null);
    await library.waitFor(() => document.querySelector('.post-row button.make-active'), null);
    await library.click('.post-row button.make-active');
    await library.waitFor(() => document.querySelector('.post-row .badge'), null);

    const popup = await env.browser.newPage();
    await popup.goto(env.browser.extensionUrl('popup.html'));
    await popup.waitFor(() => document.documentElement.dataset.painted, null);
    // The summary of 10,005 notes may be counted after the first paint: wait for the exact one.
    await expect
      .poll(() => shown(popup), { timeout: 15_000 })
      .toMatchObject({ title: 'Example Conf 2025 — Day 1', summary: '3 talks, 10,005 notes, 4 slides' });
    // Only the latest few notes are rendered, not thousands.
    expect(await popup.evaluate(() => document.querySelectorAll('.note').length, null)).toBeLessThanOrEqual(
      5,
    );

    await popup.click('button.new-post');
    await popup.waitFor(() => document.querySelector('input[name="title"]'), null);
    await popup.type('Day 2');
    await popup.press('Enter');
    await popup.waitFor(() => document.querySelector('h1')?.textContent === 'Day 2', null);
    const kv = async () => {
      const posts = (await popup.evaluate(readStore, 'posts')) as Array<{ id: string; title: string }>;
      const active = await popup.evaluate(
        () =>
          new Promise<unknown>((resolve) => {
            const open = indexedDB.open('talkmark');
            open.onsuccess = () => {
              const req = open.result.transaction('kv').objectStore('kv').get('activePostId');
              req.onsuccess = () => {
                open.result.close();
                resolve(req.result);
              };
            };
          }),
        null,
      );
      return posts.find((p) => p.id === active)?.title;
    };
    // The heading changes as the active post is stored, not after: wait for the store too.
    await expect.poll(kv, { timeout: 10_000 }).toBe('Day 2');

    await popup.waitFor(() => document.querySelector('button.switch'), null);
    await popup.click('button.switch');
    await popup.waitFor(
      () => document.querySelector('h1')?.textContent === 'Example Conf 2025 — Day 1',
      null,
    );
    await expect.poll(kv, { timeout: 10_000 }).toBe('Example Conf 2025 — Day 1');
    expect(sampleIds.post).toMatch(/^p_/);

    // "Copy as Markdown": the exporters load on this first use (popup-lazy/, build.mjs).
    await popup.click('button.export');
    await popup.waitFor(
      () => document.querySelector<HTMLTextAreaElement>('textarea.exported')?.value,
      null,
      60_000,
    );
    const markdown = await popup.evaluate(
      () => document.querySelector<HTMLTextAreaElement>('textarea.exported')?.value ?? '',
      null,
    );
    expect(markdown).toContain('Example Conf 2025 — Day 1');
    expect(markdown.split('\n').length).toBeGreaterThan(10_000);

    // The next popup's first read guesses from what this one found (early.ts keeps it in the
    // extension's localStorage) and checks the guess: right, wrong or spoiled, it paints the same.
    const hint = (await popup.evaluate(
      () => JSON.parse(localStorage.getItem('talkmark.popupHint') ?? 'null'),
      null,
    )) as { active: string; last?: string; since: string } | null;
    expect(hint?.active).toBe(sampleIds.post);
    const posts = (await popup.evaluate(readStore, 'posts')) as Array<{ id: string; title: string }>;
    const day2 = posts.find((p) => p.title === 'Day 2')?.id;
    expect(day2).toBeDefined();
    const wrong = JSON.stringify({ active: day2, last: 't_gone', since: '9999' });
    for (const stored of [null, wrong, '{"active": spoiled']) {
      if (stored !== null) await popup.evaluate((s) => localStorage.setItem('talkmark.popupHint', s), stored);
      const again = await env.browser.newPage();
      await again.goto(env.browser.extensionUrl('popup.html'));
      await again.waitFor(() => document.documentElement.dataset.painted, null);
      await expect
        .poll(() => shown(again), { timeout: 15_000 })
        .toEqual({
          title: 'Example Conf 2025 — Day 1',
          summary: '3 talks, 10,005 notes, 4 slides',
          recent: [expect.stringContaining('Day 2')],
        });
      await again.close();
    }
    await popup.close();
    await library.close();
  });
});

// A file the popup loads on first use that can't be loaded (the extension updated or removed
// on disk under an open popup): the click says so in the popup, and the title typed stays.
describe.each(browsers)('popup in %s, a file it loads on first use missing', (name) => {
  let dir: string;
  let server: FixtureServer;
  let browser: TestBrowser;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), `talkmark-missing-${name}-`));
    await cp(extensionDir(name), dir, { recursive: true });
    server = await startServer();
    browser = await launch(name, dir, server.origin);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('says it could not load and keeps the title typed; opened again with the file back, it works', async () => {
    const lazy = (file: string) => path.join(dir, 'popup-lazy', file);
    await rename(lazy('store.js'), lazy('store.js.away'));
    await rename(lazy('export-post.js'), lazy('export-post.js.away'));
    let popup = await browser.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.waitFor(() => document.documentElement.dataset.painted, null);
    const state = () =>
      popup.evaluate(
        () => ({
          alert: document.querySelector('[role="alert"]')?.textContent ?? '',
          title: document.querySelector<HTMLInputElement>('input[name="title"]')?.value,
          heading: document.querySelector('h1')?.textContent,
        }),
        null,
      );
    const newPost = async (title: string) => {
      await popup.click('button.new-post');
      await popup.waitFor(() => document.querySelector('input[name="title"]'), null);
      await popup.type(title);
      await popup.press('Enter');
    };

    await newPost('Day 3');
    await popup.waitFor(() => document.querySelector('[role="alert"]'), null, 15_000);
    const failed = await state();
    expect(failed.alert).toMatch(/^Talkmark could not load what it needs to change your posts/);
    expect(failed.alert).toContain('close the popup and open it again');
    expect(failed.title).toBe('Day 3');

    // Back on disk, and the popup opened again as the message says: the post is created.
    // (Chromium loads it again in the same popup too; Firefox keeps a failed module failed.)
    await rename(lazy('store.js.away'), lazy('store.js'));
    await popup.close();
    popup = await browser.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.waitFor(() => document.documentElement.dataset.painted, null);
    await newPost('Day 3');
    await popup.waitFor(() => document.querySelector('h1')?.textContent === 'Day 3', null, 15_000);
    expect((await state()).alert).toBe('');

    await popup.click('button.export');
    await popup.waitFor(() => document.querySelector('[role="alert"]'), null, 15_000);
    expect((await state()).alert).toMatch(/^Talkmark could not load what it needs to export the post/);
    expect(await popup.evaluate(() => document.querySelector('textarea.exported') === null, null)).toBe(true);
    await popup.close();
  });
});
