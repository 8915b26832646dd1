// Popup entry: reads the store directly (same extension origin), only the records its first
// screen shows (stored counts, never the notes counted), and stays live through onChange.
// The tab, the database and the first read were started by popup-early.js (early.ts) while the
// page loaded; this script (classic and `async` in popup.html, build.mjs) draws them once
// `#app` is parsed. The store's writers and the exporters load on the first click that needs
// them (popup-lazy/, ES modules); one that fails to load is said in the status line (lazy.ts).
import { render } from 'preact';
import type { Browser } from 'webextension-polyfill';
import type { Store } from '../store';
import type { Tab } from '../store/popup-query';
import { markPainted } from '../ui/painted';
import { applyTheme } from '../ui/theme';
import type { EarlyPopup } from './early';
import { enablePlayer, listFrames, type PageFrames, playerOffers } from './frames';
import { failure, onFirstUse } from './lazy';
import { Popup, type PopupActions, type PopupData, type PopupStatus } from './Popup';
import { popupCss } from './styles';
import { canEnable, tabVideo } from './tab-video';

/**
 * The browser's own extension API: Firefox's `browser`, or Chrome's `chrome`, whose calls
 * return promises in Manifest V3 (Chrome ≥ 148 here). The popup calls nothing else, so it
 * needs no polyfill loaded before its first paint.
 */
const browser = ((globalThis as { browser?: Browser }).browser ??
  (globalThis as { chrome?: Browser }).chrome) as Browser;

performance.mark('talkmark:module');
// The colours, `color-scheme: light dark` among them. popup.html itself declares neither a
// color-scheme meta nor an icon (a popup shows none): in Firefox the two delayed the start of
// popup-early.js by about 6 ms; the panel is shown only once this script has run anyway.
applyTheme(document, popupCss);
// Started by popup-early.js; started here, later, only should that script not have run.
const early: Promise<EarlyPopup> = Promise.resolve(
  (globalThis as { talkmarkPopup?: EarlyPopup }).talkmarkPopup ??
    onFirstUse(() => import('./early'), 'show your notes')().then((m) => m.earlyPopup()),
);
// Loaded on the first click that needs them (lazy.ts: a failed load is said, and retried).
const loadStore = onFirstUse(() => import('../store'), 'change your posts');
const loadExporters = onFirstUse(() => import('../core/export/export-post'), 'export the post');
let store: Store | undefined;
/** The full store, for the actions that write: loaded and opened on the first one. */
const openStoreOnce = async (): Promise<Store> => {
  const m = await loadStore();
  store ??= m.openStore();
  return store;
};
/**
 * The page's body is parsed: this script is `async` (build.mjs), so it may run, and have its
 * answers, before the parser reaches `#app`.
 */
const parsed: Promise<void> =
  document.readyState === 'loading'
    ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }))
    : Promise.resolve();
let data: PopupData | null = null;
let status: PopupStatus | null = null;
let exported: string | null = null;
/** The tab the popup is over, once known: a click must not wait for it (see enablePlayer). */
let tabId: number | undefined;
/** The embedded players found in the tab (found once, after the first paint). */
let players: PopupData['players'];
/** Whether the page itself has a video (known with `players`). */
let pageHasVideo = true;
/** The talk of an embedded player, shown as the tab's when the page has none of its own. */
let playerTalk: Tab | undefined;

/** Draws the popup now, or once `#app` is parsed (every draw shows the latest state). */
const draw = () => {
  const app = document.getElementById('app');
  if (app) render(<Popup data={data} actions={actions} status={status} exported={exported} />, app);
  else void parsed.then(draw);
};
const fail = (text: string) => {
  status = { text, kind: 'error' };
  draw();
};
/** A click tried again: the error of the last try no longer stands. */
const retrying = () => {
  if (status?.kind === 'error') status = null;
};

const currentTab = early.then((e) => e.tab);
/** Whether the first screen's read (made early for the tab's own video) is still to be used. */
let firstLoad = true;

async function load(): Promise<void> {
  const { queries, first, changes, remember } = await early;
  const tab = await currentTab;
  tabId = tab?.id;
  performance.mark('talkmark:tab');
  const site = siteOf(tab?.url);
  const read =
    firstLoad && !playerTalk && changes() === 0 ? first : queries.popup(playerTalk ?? tabVideo(tab?.url));
  firstLoad = false;
  // The permission check goes to the browser while the store answers: neither waits for the other.
  const [summary, always] = await Promise.all([read, siteAlways(site.site), parsed]);
  performance.mark('talkmark:summary');
  if (!summary.ok) return fail(summary.error.message);
  data = {
    summary: summary.value,
    // A page whose only video is in an embedded player: "Take notes on this page" would find nothing.
    canEnableHere: canEnable(tab?.url) && pageHasVideo,
    // The opt-in for the page's own site, unless only an embedded player plays there (and the
    // site isn't allowed already: then the popup is where to turn it off).
    ...(pageHasVideo || always.siteAlways ? { ...site, ...always } : {}),
    ...(players ? { players } : {}),
  };
  performance.mark('talkmark:draw');
  draw();
  performance.mark('talkmark:drawn');
  markPainted();
  remember(summary.value.hint);
  if (!players && tab?.id !== undefined && canEnable(tab.url)) void findPlayers(tab.id, tab.url);
}

/** Reads and draws again; what fails to load is said in the status line. */
const reload = () => load().catch((e: unknown) => fail(failure(e)));

/**
 * The tab's embedded players of another origin, found once the popup has painted: one small
 * function in the top frame (activeTab) lists the iframes; nothing is injected. A page we may
 * not script (the browser's own pages) simply has none.
 */
async function findPlayers(id: number, url: string | undefined): Promise<void> {
  players = [];
  let page: PageFrames;
  try {
    const [top] = await browser.scripting.executeScript({
      target: { tabId: id, frameIds: [0] },
      func: listFrames,
    });
    page = top?.result as PageFrames;
    if (!page || !Array.isArray(page.frames)) return;
  } catch {
    return;
  }
  const offers = playerOffers(url, page.frames);
  if (offers.length === 0) return;
  players = await Promise.all(
    offers.map(async (offer) => ({ ...offer, always: await originGranted(offer.pattern) })),
  );
  pageHasVideo = page.hasVideo;
  // The page's own talk, if it has one, comes first; else the talk of a player, so the popup
  // shows its notes once some were taken in the player.
  if (!data?.summary.here) {
    const { queries } = await early;
    for (const p of players) {
      const r = await queries.popup(tabVideo(p.src));
      if (r.ok && r.value.here) {
        playerTalk = tabVideo(p.src);
        break;
      }
    }
  }
  await reload();
}

async function originGranted(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

/** The site a tab is on, as a permission pattern and a name to show. */
function siteOf(url: string | undefined): { site?: string } {
  if (!url || !canEnable(url)) return {};
  return { site: new URL(url).host };
}

/** Whether the user allowed Talkmark on `site` for good (its optional host permission is granted). */
async function siteAlways(site: string | undefined): Promise<{ siteAlways?: boolean }> {
  if (!site) return {};
  try {
    return { siteAlways: await browser.permissions.contains({ origins: [`*://${site}/*`] }) };
  } catch {
    return {};
  }
}

const actions: PopupActions = {
  async newPost(title) {
    retrying();
    try {
      const s = await openStoreOnce();
      const post = await s.posts.create({ title });
      if (!post.ok) {
        fail(post.error.message);
        return false;
      }
      const set = await s.posts.setActive(post.value.id);
      if (!set.ok) fail(set.error.message);
      return true;
    } catch (e) {
      fail(failure(e));
      return false;
    }
  },
  async switchPost(id) {
    retrying();
    try {
      const set = await (await openStoreOnce()).posts.setActive(id);
      if (!set.ok) fail(set.error.message);
    } catch (e) {
      fail(failure(e));
    }
  },
  openLibrary(hash) {
    const url = browser.runtime.getURL(`library.html${hash ? `#${hash}` : ''}`);
    void browser.tabs.create({ url });
    window.close();
  },
  async exportMarkdown() {
    const post = data?.summary.active;
    if (!post) return;
    retrying();
    try {
      // The exporters load alongside the read, on first use: not before the first paint.
      const [snap, { exportPost }] = await Promise.all([
        openStoreOnce().then((s) => s.snapshotOfPost(post.id)),
        loadExporters(),
      ]);
      if (!snap.ok || !snap.value) return fail(snap.ok ? 'This post no longer exists.' : snap.error.message);
      const files = exportPost(snap.value, post.id, 'markdown', { timestampLinks: true });
      if (!files.ok) return fail(`Export failed: ${files.error}`);
      const md = files.value.find((f) => f.path.endsWith('.md'));
      exported = md ? new TextDecoder().decode(md.bytes) : '';
      status = { text: 'Markdown ready below. Export… gives images and other formats.', kind: 'info' };
      draw();
    } catch (e) {
      fail(failure(e));
    }
  },
  enableSite() {
    const site = data?.site;
    if (!site) return;
    // Called straight from the click: the browser only asks the user during a user gesture.
    // The background registers the content script for the site once it is granted.
    browser.permissions.request({ origins: [`*://${site}/*`] }).then(
      (granted) => (granted ? void actions.enableHere() : fail(`Talkmark was not allowed on ${site}.`)),
      (e: unknown) => fail(`The browser refused: ${e instanceof Error ? e.message : e}`),
    );
  },
  disableSite() {
    const site = data?.site;
    if (!site) return;
    // The background unregisters the site's content script once the permission is gone.
    browser.permissions.remove({ origins: [`*://${site}/*`] }).then(
      () => {
        if (data) data = { ...data, siteAlways: false };
        status = { text: `Talkmark no longer runs on ${site} by itself.`, kind: 'info' };
        draw();
      },
      (e: unknown) => fail(`The browser refused: ${e instanceof Error ? e.message : e}`),
    );
  },
  enablePlayer(offer) {
    const id = tabId;
    if (id === undefined) return;
    // Straight from the click: enablePlayer asks for the player's origin before any await.
    // Should the browser close the popup while it asks, the grant still registers the content
    // script for the player's origin in all frames (background/sites.ts): a reload of the page
    // brings the panel into the player.
    void enablePlayer(browser, id, offer).then((r) => (r.ok ? window.close() : fail(r.text)));
  },
  disablePlayer(offer) {
    browser.permissions.remove({ origins: [offer.pattern] }).then(
      (removed) => {
        if (!removed) return fail(`The browser kept Talkmark’s access to ${offer.host}.`);
        players = players?.map((p) => (p.host === offer.host ? { ...p, always: false } : p));
        if (data) data = { ...data, players };
        status = { text: `Talkmark no longer runs in players from ${offer.host} by itself.`, kind: 'info' };
        draw();
      },
      (e: unknown) => fail(`The browser refused: ${e instanceof Error ? e.message : e}`),
    );
  },
  async toggleAutoCapture() {
    const tab = await currentTab;
    if (tab?.id === undefined) return;
    try {
      await browser.tabs.sendMessage(tab.id, { type: 'command', command: 'toggle-auto-capture' });
      window.close();
    } catch {
      fail('The Talkmark panel isn’t running in this tab. Reload the page, then try again.');
    }
  },
  async enableHere() {
    const tab = await currentTab;
    if (tab?.id === undefined) return;
    try {
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] });
      window.close();
    } catch (e) {
      fail(`Talkmark can’t run on this page: ${e instanceof Error ? e.message : e}`);
    }
  },
};

void reload();
// Should the store be slow to answer (an old page blocking an upgrade), say so meanwhile.
setTimeout(() => {
  if (!data && !status) draw();
}, 150);
void early.then((e) => e.onChange(() => void reload()));
