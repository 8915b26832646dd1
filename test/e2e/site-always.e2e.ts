// "Always on this site" (an optional host permission) in a real browser: on a page with a
// <video> under a site's own host name (talks-blog.example through the test proxy, as in
// sites.e2e.ts), the user allows the site from the popup; the permission is granted and the
// background registers the content script for it, so a reload and a new tab get the panel
// without the popup, and a note lands in the page's talk. Pressing the opt-in again gives the
// permission back, the registration goes, and a reload shows no panel.
// The extension is built for this test without the test build's <all_urls> (build.mjs
// --ask-hosts), so the request really adds a permission.
// Firefox only: Chromium always asks the user before granting a host permission, with no
// switch to accept it; Firefox grants it without asking when extensions.webextOptionalPermissionPrompts is false.
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type TestBrowser, type TestPage } from './browsers';
import { enableInPlayer, noPanelAnywhere, slideAndNoteInPlayer, vimeoPlayer } from './embedded-player';
import { type LoggingProxy, startProxy } from './proxy';
import { fixtureVideo } from './scenario';
import { type FixtureServer, fakeHosts, startServer } from './server';
import {
  inFrame,
  panelHere,
  popupOver as popupOverTab,
  pressOnPage,
  readOnce,
  seekTo,
  storeReader,
  until,
  waitForEditor,
  waitForVideo,
} from './video-page-helpers';

const root = path.resolve(import.meta.dirname, '../..');
const site = 'talks-blog.example';
const origin = `*://${site}/*`;

/** In an extension page: whether the site is granted, and the content scripts registered for it. */
function siteState(
  o: string,
): Promise<{ granted: boolean; scripts: Array<{ id: string; matches?: string[]; allFrames?: boolean }> }> {
  const ext = (
    globalThis as unknown as {
      browser: {
        permissions: { contains(p: { origins: string[] }): Promise<boolean> };
        scripting: {
          getRegisteredContentScripts(): Promise<
            Array<{ id: string; matches?: string[]; allFrames?: boolean }>
          >;
        };
      };
    }
  ).browser;
  return Promise.all([
    ext.permissions.contains({ origins: [o] }),
    ext.scripting.getRegisteredContentScripts(),
  ]).then(([granted, scripts]) => ({
    granted,
    scripts: scripts.map((s) => ({ id: s.id, matches: s.matches, allFrames: s.allFrames })),
  }));
}

const hasPanel = () => document.querySelector('talkmark-panel') !== null;

/** The popup over `page`'s tab, showing the opt-in, brought to the front for a real click. */
async function popupOver(browser: TestBrowser, page: TestPage): Promise<TestPage> {
  const popup = await popupOverTab(browser, page, 'button.site-always', 'the popup offering the site');
  // The popup keeps the tab it was opened over; the click must be a real one (the browser
  // grants permissions only from a user's input).
  await popup.bringToFront();
  return popup;
}

/** The opt-in's state as the popup shows it. */
const pressed = () => document.querySelector('button.site-always')?.getAttribute('aria-pressed');

/** A fresh load of `url` in `page`, then a moment for a content script that would run. */
async function load(page: TestPage, url: string): Promise<void> {
  await page.goto(url);
  await waitForVideo(page);
}

describe('"Always on this site" in firefox', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  let tls: FixtureServer;
  let proxy: LoggingProxy;
  const out = path.join(root, 'dist-test', `ask-hosts-${process.pid}`);

  beforeAll(async () => {
    execFileSync(
      process.execPath,
      ['build.mjs', '--test', '--ask-hosts', '--browser', 'firefox', '--out', out],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    server = await startServer();
    tls = await startServer({ tls: true });
    proxy = await startProxy(server.origin, { hosts: fakeHosts, port: Number(new URL(tls.origin).port) });
    browser = await launch('firefox', path.join(out, 'firefox'), server.origin, {
      proxy: proxy.address,
      insecureCerts: true,
      firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await tls?.close();
    await server?.close();
    await rm(out, { recursive: true, force: true });
  });

  it('runs on the site from the opt-in on, in reloads and new tabs, and stops when it is turned off', async () => {
    const store = await storeReader(browser);
    const url = `https://${site}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`;
    const state = () => store.page.evaluate(siteState, origin);
    expect((await state()).granted).toBe(false);

    const page = await browser.newPage();
    await load(page, url);
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.evaluate(hasPanel, null)).toBe(false);

    // The user allows the site from the popup.
    let popup = await popupOver(browser, page);
    // The switch shows the permission once the popup has asked the browser: wait for it.
    await expect.poll(() => popup.evaluate(pressed, null), { timeout: 10_000 }).toBe('false');
    await popup.click('button.site-always');
    // Granted, the popup enables this page at once, and the background registers the site.
    await page.waitFor(hasPanel, null, 15000);
    const on = await until(
      state,
      (s) => s.granted && s.scripts.length > 0,
      'the site granted and registered',
    );
    expect(on.scripts).toEqual([{ id: `site:${origin}`, matches: [origin], allFrames: true }]);
    await popup.close().catch(() => undefined);

    // A reload and a new tab: the panel comes without the popup.
    await load(page, url);
    await page.waitFor(hasPanel, null, 15000);
    const other = await browser.newPage();
    await load(other, url);
    await other.waitFor(hasPanel, null, 15000);
    await seekTo(other, 20);
    await pressOnPage(other, 'n');
    await waitForEditor(other);
    await other.type('noted with the site allowed');
    await other.press('Enter');
    const notes = await until(
      store.notes,
      (n) => n.some((x) => x.text === 'noted with the site allowed'),
      'the note from the new tab',
    );
    const talks = (
      await until(
        store.talks,
        (t) => t.some((x) => x.videoId === url && x.title !== ''),
        'the page’s talk, with its title',
      )
    ).filter((t) => t.videoId === url);
    // One talk for the page, however many times it was opened: the note is in it.
    expect(talks.map((t) => t.title)).toEqual(['Shipping Small Things Fast']);
    const note = notes.find((x) => x.text === 'noted with the site allowed');
    expect(note).toMatchObject({ talkId: talks[0]?.id, kind: 'text' });
    expect(note?.time).toBeCloseTo(20, 0);

    // The popup over a tab with its talk shows the opt-in on; a press turns it off.
    popup = await popupOver(browser, other);
    await expect.poll(() => popup.evaluate(pressed, null), { timeout: 10_000 }).toBe('true');
    await popup.click('button.site-always');
    await popup.waitFor(
      () => document.querySelector('button.site-always')?.getAttribute('aria-pressed') === 'false',
      null,
    );
    const off = await until(state, (s) => !s.granted && s.scripts.length === 0, 'the site given back');
    expect(off.scripts).toEqual([]);
    await popup.close().catch(() => undefined);

    await load(other, url);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await other.evaluate(hasPanel, null)).toBe(false);
    await other.close();
    await page.close();
    await store.close();
  });

  // A blog post embedding a Vimeo player. The blog is served from 127.0.0.1, which this build
  // may script (standing in for the toolbar click's activeTab, which no test can perform), so
  // the popup can list the page's iframes; player.vimeo.com is not granted until the user
  // enables Talkmark in the player from the popup, which really asks for exactly that origin.
  it('enables Talkmark in an embedded Vimeo player by asking for its origin, and keeps it there until turned off', async () => {
    const player = '*://player.vimeo.com/*';
    const state = () => store.page.evaluate(siteState, player);
    const store = await storeReader(browser);
    const id = '135792468';
    const query = `?id=${id}&src=${await fixtureVideo('sample-talk')}`;
    const blog = `${server.origin}/pages/vimeo-article.html${query}`;
    expect((await state()).granted).toBe(false);

    const page = await browser.newPage();
    await page.goto(blog);
    await inFrame(page, vimeoPlayer, () => document.querySelector('video') !== null, Boolean, 'the player');
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.frameEvaluate(vimeoPlayer, panelHere, null)).toEqual({ panel: false, editing: false });

    await enableInPlayer(browser, page);
    const on = await until(state, (s) => s.granted && s.scripts.length > 0, 'player.vimeo.com granted');
    // Exactly the player's origin, registered for all frames: its embeds on other pages get it too.
    expect(on.scripts).toEqual([{ id: `site:${player}`, matches: [player], allFrames: true }]);
    expect(await store.page.evaluate(siteState, origin)).toMatchObject({ granted: false });
    await slideAndNoteInPlayer(store, page, id, 'noted in the player after asking');

    // Another blog embedding the same player (a site never allowed): the panel is in the player
    // by itself, and not in the blog.
    const other = await browser.newPage();
    await other.goto(`https://${site}/pages/vimeo-article.html${query}`);
    await inFrame(other, vimeoPlayer, panelHere, (r) => r.panel, 'the panel in the player on another blog');
    expect(await other.evaluate(noPanelAnywhere, null)).toBe(true);
    await other.close();

    // The popup over the first blog shows the grant as pressed; a press gives it back.
    await page.goto(blog);
    await inFrame(page, vimeoPlayer, panelHere, (r) => r.panel, 'the panel in the player after a reload');
    const popup = await popupOverTab(
      browser,
      page,
      'button.player-always',
      'the popup showing the player allowed',
    );
    await expect
      .poll(
        () =>
          popup.evaluate(
            () => document.querySelector('button.player-always')?.getAttribute('aria-pressed'),
            null,
          ),
        { timeout: 10_000 },
      )
      .toBe('true');
    await popup.bringToFront();
    await popup.click('button.player-always');
    await popup.waitFor(
      () => document.querySelector('.status')?.textContent?.includes('no longer runs'),
      null,
    );
    const off = await until(
      state,
      (s) => !s.granted && s.scripts.length === 0,
      'player.vimeo.com given back',
    );
    expect(off.scripts).toEqual([]);
    await popup.close().catch(() => undefined);

    await page.goto(blog);
    await inFrame(
      page,
      vimeoPlayer,
      () => document.querySelector('video') !== null,
      Boolean,
      'the player again',
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(await page.frameEvaluate(vimeoPlayer, panelHere, null)).toEqual({ panel: false, editing: false });
    await page.close();
    await store.close();
  });
  // The browser may close the popup while it asks for the permission; then the popup can't
  // inject. The background starts Talkmark where the granted site's video is open when the grant arrives.
  // Here a button in the popup asks for the permission and does nothing else.
  it('a grant alone starts Talkmark in the open player, without a reload', async () => {
    const player = '*://player.vimeo.com/*';
    const store = await storeReader(browser);
    const state = () => store.page.evaluate(siteState, player);
    expect((await state()).granted).toBe(false);
    const query = `?id=246813579&src=${await fixtureVideo('sample-talk')}`;
    const page = await browser.newPage();
    await page.goto(`${server.origin}/pages/vimeo-article.html${query}`);
    await inFrame(page, vimeoPlayer, () => document.querySelector('video') !== null, Boolean, 'the player');
    await new Promise((r) => setTimeout(r, 500));
    expect(await readOnce(() => page.frameEvaluate(vimeoPlayer, panelHere, null))).toEqual({
      panel: false,
      editing: false,
    });

    const popup = await popupOverTab(browser, page, 'button.enable-player', 'the popup offering the player');
    await popup.evaluate((pattern) => {
      const ext = (
        globalThis as unknown as { browser: { permissions: { request(p: { origins: string[] }): unknown } } }
      ).browser;
      const ask = document.createElement('button');
      ask.id = 'grant-only';
      ask.textContent = 'grant only';
      ask.addEventListener('click', () => void ext.permissions.request({ origins: [pattern] }));
      document.body.prepend(ask);
    }, player);
    await popup.bringToFront();
    await popup.click('#grant-only');
    await until(state, (s) => s.granted, 'player.vimeo.com granted');
    await popup.close().catch(() => undefined);

    await inFrame(page, vimeoPlayer, panelHere, (r) => r.panel, 'the panel in the open player');
    expect(await readOnce(() => page.evaluate(noPanelAnywhere, null))).toBe(true);

    await store.page.evaluate(
      (pattern) =>
        (
          globalThis as unknown as {
            browser: { permissions: { remove(p: { origins: string[] }): Promise<boolean> } };
          }
        ).browser.permissions.remove({ origins: [pattern] }),
      player,
    );
    await until(state, (s) => !s.granted && s.scripts.length === 0, 'player.vimeo.com given back');
    await page.close();
    await store.close();
  });
});
