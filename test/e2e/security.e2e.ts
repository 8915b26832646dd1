// Hostile pages, beyond the forged keys, messages and titles video-page.e2e.ts already covers:
// - a page with the strictest Content-Security-Policy (no script, no style, no connections):
//   the panel still works and is styled, notes and slides are saved;
// - a page that removes our panel while a note is being typed: what was typed is in the store.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { TestBrowser } from './browsers';
import { browsers, fixtureVideo, readStore, useBrowser } from './scenario';
import { seek, startNote, waitForPanel } from './video-page';
import { until } from './video-page-helpers';

interface StoredNote {
  kind: string;
  text: string;
  imageId?: string;
}

const strictCsp =
  "default-src 'none'; media-src 'self'; script-src 'none'; style-src 'none'; img-src 'none'; " +
  "connect-src 'none'; frame-src 'none'; font-src 'none'; object-src 'none'; base-uri 'none'";

/** A talk page under `strictCsp`; its video is the fixture server's, passed through same-origin. */
async function startStrictServer(
  fixtureOrigin: string,
  video: string,
): Promise<{ origin: string; server: Server }> {
  const fixture = new URL(fixtureOrigin);
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/videos/')) {
      const upstream = httpRequest(
        { host: fixture.hostname, port: fixture.port, path: req.url, headers: req.headers },
        (answer) => {
          // The browser drops media requests mid-way: that must end the relay, not the test run.
          answer.on('error', () => res.destroy());
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      res.on('error', () => upstream.destroy());
      res.on('close', () => {
        if (!res.writableFinished) upstream.destroy();
      });
      upstream.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': strictCsp });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Locked Down Talk - Eve Strict, Policy Corp</title></head>
<body><h1>Locked Down Talk</h1>
<video id="talk" controls muted playsinline preload="auto" src="/videos/${video}" width="640" height="360"></video>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function storedNotes(browser: TestBrowser): Promise<StoredNote[]> {
  const popup = await browser.newPage();
  await popup.goto(browser.extensionUrl('popup.html'));
  const notes = (await popup.evaluate(readStore, 'notes')) as StoredNote[];
  await popup.close();
  return notes;
}

describe.each(browsers)('hostile pages in %s', (name) => {
  const env = useBrowser(name);

  it('a page with the strictest CSP still gets a working, styled panel; notes and slides are saved', async () => {
    const strict = await startStrictServer(env.server.origin, await fixtureVideo('sample-talk'));
    try {
      const page = await env.browser.newPage();
      await page.goto(`${strict.origin}/talk`);
      await waitForPanel(page);
      const look = await page.evaluate(() => {
        const panel = document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.panel');
        const style = panel ? getComputedStyle(panel) : null;
        return { display: style?.display, radius: style?.borderTopLeftRadius };
      }, null);
      expect(look).toEqual({ display: 'flex', radius: '12px' });
      // The policy is in force: the same kind of <style>, added by the page's world, is blocked.
      const pageStyle = await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = 'h1 { display: none; }';
        document.head.append(style);
        return getComputedStyle(document.querySelector('h1') as Element).display;
      }, null);
      expect(pageStyle).toBe('block');

      await seek(page, 14);
      await startNote(page);
      await page.type('Written under a strict CSP');
      await page.press('Enter');
      await page.waitFor(
        () =>
          document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.note .text')?.textContent ===
          'Written under a strict CSP',
        null,
      );
      await seek(page, 40);
      await page.press('s');
      await page.waitFor(
        () => document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.note-slide'),
        null,
        20000,
      );
      const notes = await storedNotes(env.browser);
      expect(notes.map((n) => n.text)).toContain('Written under a strict CSP');
      expect(notes.some((n) => n.kind === 'slide' && n.imageId)).toBe(true);
      await page.close();
    } finally {
      strict.server.closeAllConnections();
      await new Promise((resolve) => strict.server.close(resolve));
    }
  });

  it('a page that removes our panel mid-note loses nothing that was typed', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`);
    await waitForPanel(page);
    await seek(page, 33);
    await startNote(page);
    await page.type('Typed before the page tore us out');
    // The page's own script: drop our host element from its DOM.
    await page.evaluate(() => document.querySelector('talkmark-panel')?.remove(), null);
    expect(await page.evaluate(() => document.querySelector('talkmark-panel') === null, null)).toBe(true);

    // Write-through: the draft reaches the store within its debounce, panel or no panel.
    // (Twenty reads, each opening a popup, were five seconds on an idle machine and far less
    // than that on a loaded one: wait for the text on a clock.)
    const notes = await until(
      () => storedNotes(env.browser),
      (n) => n.some((x) => x.text === 'Typed before the page tore us out'),
      'the draft of the removed panel in the store',
    );
    expect(notes.map((n) => n.text)).toContain('Typed before the page tore us out');

    // And the page, reloaded, shows it again.
    await page.goto(`${env.server.origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`);
    await waitForPanel(page);
    await page.waitFor(
      () =>
        Array.from(
          document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('.note .text') ?? [],
        ).some((el) => el.textContent === 'Typed before the page tore us out'),
      null,
    );
    await page.close();
  });
});
