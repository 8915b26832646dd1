// The extension makes no network request of its own. Every request the browser makes during
// a full session goes through a logging proxy (test/e2e/proxy.ts; loopback included) that
// forwards only the fixture server's: open a talk, take a note, capture a slide, let
// auto-capture keep the slides of a played stretch, let the packaged OCR read every slide's
// text (worker, wasm and language data from the package), open the popup and its Markdown export,
// the library's zip export and a backup. Anything for another host is logged and refused. The browser's own traffic (update, sign-in, autofill, remote
// settings pings) is told apart by a control run without our extension (network-control.ts):
// a host contacted in the session and not by the browser alone would be ours, and fails.
// A page's own fetch to another host, made at the end, shows the proxy sees such requests.
// Auto-capture runs while the video's tab is the one in front: Firefox hides a tab once another
// opens over it (Chromium's test pages all stay visible), and auto-capture samples nothing in a
// hidden tab, so the slides are waited for before the popup and library tabs open.
import { describe, expect, it } from 'vitest';
import { launch, type TestBrowser, type TestPage } from './browsers';
import { browserOwnHosts, hostOf } from './network-control';
import { type LoggingProxy, startProxy } from './proxy';
import { browsers, extensionDir, fixtureVideo, readStore } from './scenario';
import { startServer } from './server';
import { seek, startNote, waitForPanel } from './video-page';

/** Clicks `selector` and waits for the download the page starts (an <a download> click). */
async function clickDownload(page: TestPage, selector: string): Promise<{ name: string; size: number }> {
  await page.evaluate(() => {
    const w = window as { caught?: Promise<{ name: string; size: number }> };
    w.caught = new Promise((resolve) => {
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        void fetch(this.href)
          .then((r) => r.arrayBuffer())
          .then((b) => resolve({ name: this.download, size: b.byteLength }));
      };
    });
  }, null);
  await page.click(selector);
  return page.evaluate(
    () => (window as { caught?: Promise<{ name: string; size: number }> }).caught,
    null,
  ) as Promise<{
    name: string;
    size: number;
  }>;
}

/** In the page: whether the panel's auto-capture switch is on. */
function autoCaptureOn(): boolean {
  const root = document.querySelector('talkmark-panel')?.shadowRoot;
  return root?.querySelector('button.auto-capture')?.getAttribute('aria-pressed') === 'true';
}

/** In the page: how many automatic slides the panel lists. */
function autoLabels(): number {
  return document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('.auto-label').length ?? 0;
}

async function fullSession(browser: TestBrowser, origin: string): Promise<void> {
  const page = await browser.newPage();
  await page.goto(`${origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`);
  await waitForPanel(page);
  await seek(page, 12);
  await startNote(page);
  await page.type('Nothing leaves the machine');
  await page.press('Enter');
  await page.waitFor(
    () => document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.note .text'),
    null,
  );
  await seek(page, 30);
  await page.press('s');
  await page.waitFor(
    () => document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.note-slide'),
    null,
    20000,
  );

  // Auto-capture over the slides at 40 and 55 s (test/fixtures/videos/README.md), played at 2x.
  await page.bringToFront();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.(), null);
  await page.press('a');
  await page.waitFor(autoCaptureOn, null);
  await page.evaluate(async () => {
    const v = document.querySelector('video') as HTMLVideoElement;
    v.playbackRate = 2;
    await v.play();
  }, null);
  await page.waitFor(() => (document.querySelector('video')?.currentTime ?? 0) >= 60, null, 40000);
  // Both slides listed (a failure here is a timeout saying so, not a swallowed one and a count).
  await page.waitFor(
    (n) =>
      (document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('.auto-label').length ?? 0) >=
      n,
    2,
    30_000,
  );
  await page.evaluate(() => document.querySelector('video')?.pause(), null);
  const shown = await page.evaluate(autoLabels, null);
  expect(shown, 'automatic slides the panel shows').toBeGreaterThanOrEqual(2);

  const popup = await browser.newPage();
  await popup.goto(browser.extensionUrl('popup.html'));
  await popup.waitFor(() => document.querySelector('.note .text'), null);
  await popup.click('button.export');
  await popup.waitFor(
    () => (document.querySelector('textarea.exported') as HTMLTextAreaElement | null)?.value,
    null,
  );
  await popup.close();

  const library = await browser.newPage();
  await library.goto(browser.extensionUrl('library.html'));
  await library.waitFor(() => document.querySelector('main'), null);
  const notes = (await library.evaluate(readStore, 'notes')) as Array<{ kind: string; auto?: boolean }>;
  expect(notes.filter((n) => n.kind === 'slide' && n.auto).length, 'automatic slides stored').toBe(shown);
  // Slide text: every stored slide read by OCR within the session (so its requests are logged).
  let images: Array<{ text?: { lines: string[] } }> = [];
  for (let i = 0; i < 240; i++) {
    images = (await library.evaluate(readStore, 'images')) as typeof images;
    if (images.length > 0 && images.every((img) => img.text)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  expect(images.length, 'slides stored').toBeGreaterThanOrEqual(shown + 1);
  expect(
    images.every((img) => (img.text?.lines.length ?? 0) > 0),
    'every slide read by OCR',
  ).toBe(true);
  const [post] = (await library.evaluate(readStore, 'posts')) as Array<{ id: string }>;
  await library.evaluate((id) => {
    location.hash = `#post/${id}/export`;
  }, post?.id ?? '');
  await library.waitFor(() => document.querySelector('button.export-zip'), null);
  const zip = await clickDownload(library, 'button.export-zip');
  expect(zip.size).toBeGreaterThan(1000);
  await library.click('button.close-export');
  await library.evaluate(() => {
    location.hash = '#backup';
  }, null);
  await library.waitFor(() => document.querySelector('button.back-up'), null);
  const backup = await clickDownload(library, 'button.back-up');
  expect(backup.name).toMatch(/\.zip$/);
  expect(backup.size).toBeGreaterThan(1000);
  await library.close();
  await page.close();
}

describe.each(browsers)('network in %s', (name) => {
  it('a full session sends nothing anywhere but the page it runs on', async () => {
    const server = await startServer();
    let proxy: LoggingProxy | undefined;
    let browser: TestBrowser | undefined;
    try {
      proxy = await startProxy(server.origin);
      const start = Date.now();
      browser = await launch(name, extensionDir(name), server.origin, { proxy: proxy.address });
      await fullSession(browser, server.origin);
      const tookMs = Date.now() - start;
      const session = [...proxy.log];
      // The proxy really was in the path: the fixture page and video came through it.
      expect(session.some((r) => r.forwarded && r.url.includes('/pages/generic.html'))).toBe(true);
      expect(session.some((r) => r.forwarded && r.url.includes('/videos/'))).toBe(true);

      // And it sees a request for elsewhere and refuses it: a page's own, made now.
      const probe = await browser.newPage();
      await probe.goto(`${server.origin}/pages/blank.html`);
      await probe.evaluate(() => fetch('http://talkmark-probe.invalid/leak').catch(() => undefined), null);
      await probe.close();
      expect(proxy.refused().map((r) => r.url)).toContain('http://talkmark-probe.invalid/leak');
      await browser.close();
      browser = undefined;

      // Hosts contacted during the session that the browser doesn't contact by itself.
      const own = await browserOwnHosts(name, server, tookMs);
      const refused = session.filter((r) => !r.forwarded);
      const ours = refused.filter((r) => !own.has(hostOf(r)));
      console.log(
        `${name}: ${session.length} requests in ${Math.round(tookMs / 1000)} s, ${refused.length} refused, ` +
          `to ${[...new Set(refused.map(hostOf))].join(', ') || 'nowhere'}; the browser alone: ${[...own].join(', ') || 'nowhere'}`,
      );
      expect(ours.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    } finally {
      await browser?.close();
      await proxy?.close();
      await server.close();
    }
  }, 240_000);
});
