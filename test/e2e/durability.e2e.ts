// Notes survive what users and browsers do: closing the tab mid-sentence, the background
// being stopped between captures, a browser restart. And every view stays live.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launch, type TestPage } from './browsers';
import { browsers, extensionDir, fixtureVideo, readStore, useBrowser } from './scenario';
import { panelNotes, seek, startNote, waitForPanel } from './video-page';
import { until } from './video-page-helpers';

interface StoredNote {
  talkId: string;
  time: number;
  text: string;
  kind: string;
  imageId?: string;
}

const notesIn = async (page: TestPage) => (await page.evaluate(readStore, 'notes')) as StoredNote[];

describe.each(browsers)('durability in %s', (name) => {
  const env = useBrowser(name);
  const talkPage = async () =>
    `${env.server.origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`;

  it('keeps a note whose tab was closed while it was being typed', async () => {
    const page = await env.browser.newPage();
    await page.goto(await talkPage());
    await waitForPanel(page);
    await seek(page, 12);
    await startNote(page);
    await page.type('Closed before Enter');
    // At once, in both browsers: each key is sent as it is typed (or with the next save, the
    // moment the one in flight answers), so nothing rests on the note sent from pagehide,
    // which Firefox drops as a tab closes.
    await page.close();

    const lib = await env.browser.newPage();
    await lib.goto(env.browser.extensionUrl('popup.html'));
    await lib.waitFor(
      () => document.querySelector('.note .text')?.textContent === 'Closed before Enter',
      null,
    );
    const note = (await notesIn(lib)).find((n) => n.text === 'Closed before Enter');
    expect(note?.time).toBeCloseTo(12, 0);
    await lib.close();
  });

  it('keeps a note edited in the library whose tab was closed while it was being typed', async () => {
    const page = await env.browser.newPage();
    await page.goto(await talkPage());
    await waitForPanel(page);
    await seek(page, 20);
    await startNote(page);
    await page.type('Edited');
    await page.press('Enter');
    const reader = await env.browser.newPage();
    await reader.goto(env.browser.extensionUrl('popup.html'));
    const notes = await until(
      () => notesIn(reader),
      (all) => all.some((n) => n.text === 'Edited'),
      'the note typed in the panel, stored',
    );
    const note = notes.find((n) => n.text === 'Edited') as StoredNote & { id: string };
    const talks = (await reader.evaluate(readStore, 'talks')) as Array<{ id: string; postId: string }>;
    const postId = talks.find((t) => t.id === note.talkId)?.postId;
    await page.close();

    const lib = await env.browser.newPage();
    await lib.goto(env.browser.extensionUrl(`library.html#post/${postId}`));
    const edit = `[data-note-id="${note.id}"] .edit-note`;
    await lib.waitFor((sel) => document.querySelector(sel), edit);
    await lib.evaluate((sel) => (document.querySelector(sel) as HTMLButtonElement).click(), edit);
    await lib.waitFor(() => document.activeElement?.tagName === 'TEXTAREA', null);
    await lib.press('End');
    await lib.type(' in the library, then closed');
    // At once: no blur, no pause, no Enter.
    await lib.close();

    // The next library page has it (what the closed one had not stored, it puts back).
    const again = await env.browser.newPage();
    await again.goto(env.browser.extensionUrl(`library.html#post/${postId}`));
    await again.waitFor(
      (id) =>
        document.querySelector(`[data-note-id="${id}"] .note-view`)?.textContent?.includes('then closed'),
      note.id,
    );
    await again.close();
    await until(
      async () =>
        ((await notesIn(reader)) as Array<StoredNote & { id: string }>).find((n) => n.id === note.id)?.text,
      (t) => t === 'Edited in the library, then closed',
      'the library edit, stored',
    );
    await reader.close();
  });

  it('shows a note added in one tab in the popup, the library and another tab of the same talk, without reload', async () => {
    const url = await talkPage();
    const a = await env.browser.newPage();
    await a.goto(url);
    await waitForPanel(a);
    const b = await env.browser.newPage();
    await b.goto(url);
    await waitForPanel(b);
    const popup = await env.browser.newPage();
    await popup.goto(env.browser.extensionUrl('popup.html'));
    await popup.waitFor(() => document.querySelector('main'), null);
    const [post] = (await popup.evaluate(readStore, 'posts')) as Array<{ id: string }>;
    const library = await env.browser.newPage();
    await library.goto(env.browser.extensionUrl(`library.html#post/${post?.id}`));
    await library.waitFor(() => document.querySelector('main'), null);

    await seek(a, 30);
    await startNote(a);
    await a.type('Seen everywhere');
    await a.press('Enter');

    await popup.waitFor(() => document.body.textContent?.includes('Seen everywhere'), null);
    // The library shows notes rendered until edited.
    await library.waitFor(
      () =>
        Array.from(document.querySelectorAll('.note-view')).some((t) => t.textContent === 'Seen everywhere'),
      null,
    );
    await b.waitFor(
      () =>
        Array.from(
          document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('.note .text') ?? [],
        ).some((el) => el.textContent === 'Seen everywhere'),
      null,
    );
    expect(await panelNotes(b)).toContain('Seen everywhere');
    for (const p of [a, b, popup, library]) await p.close();
  });
});

describe('the background stopped between two captures (Chromium: CDP stops its service worker)', () => {
  const env = useBrowser('chromium');

  it('keeps both slides', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`);
    await waitForPanel(page);
    await seek(page, 5);
    await page.press('s');
    await page.waitFor(
      () =>
        (document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('.note-slide').length ??
          0) === 1,
      null,
    );
    await env.browser.stopBackground();
    await seek(page, 20);
    await page.press('s');
    await page.waitFor(
      () =>
        (document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('.note-slide').length ??
          0) === 2,
      null,
      20000,
    );

    const popup = await env.browser.newPage();
    await popup.goto(env.browser.extensionUrl('popup.html'));
    const slides = (await notesIn(popup)).filter((n) => n.kind === 'slide');
    expect(slides.map((s) => Math.round(s.time)).sort((x, y) => x - y)).toEqual([5, 20]);
    const images = (await popup.evaluate(readStore, 'images')) as Array<{ id: string; size: number }>;
    for (const s of slides) expect(images.find((i) => i.id === s.imageId)?.size).toBeGreaterThan(1000);
    await popup.close();
    await page.close();
  });
});

describe.each(browsers)('a browser restart in %s', (name) => {
  it('keeps every note', async () => {
    const { startServer } = await import('./server');
    const server = await startServer();
    const profileDir = await mkdtemp(path.join(tmpdir(), `talkmark-restart-${name}-`));
    try {
      const first = await launch(name, extensionDir(name), server.origin, { profileDir });
      const page = await first.newPage();
      await page.goto(`${server.origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`);
      await waitForPanel(page);
      await seek(page, 8);
      await startNote(page);
      await page.type('Survives a restart');
      await page.press('Enter');
      // The whole text, listed once the store has answered for it: a row (any row) can show
      // while only a prefix of what was typed is stored.
      await page.waitFor(
        () =>
          document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.note .text')?.textContent ===
          'Survives a restart',
        null,
      );
      await first.close();

      const second = await launch(name, extensionDir(name), server.origin, { profileDir });
      const popup = await second.newPage();
      await popup.goto(second.extensionUrl('popup.html'));
      const notes = await notesIn(popup);
      await second.close();
      expect(notes.map((n) => n.text)).toContain('Survives a restart');
    } finally {
      await server.close();
      await rm(profileDir, { recursive: true, force: true });
    }
  });
});
