// What the panel says and draws over the video, in both browsers: the "Auto-capture is on…"
// notice goes away by itself (and by keyboard) while the Auto button keeps showing the state,
// and the slide-area picker's instruction bar stays clear of the player's controls at the
// bottom of the video.
import { describe, expect, it } from 'vitest';
import { browsers, fixtureVideo, useBrowser } from './scenario';
import { panelFocus, panelText, pressOnPage, waitForTalk, waitForVideo } from './video-page-helpers';

const title = 'Shipping Small Things Fast';

/** In the page: the Auto button's aria-pressed. */
function autoPressed(): string | null {
  return (
    document
      .querySelector('talkmark-panel')
      ?.shadowRoot?.querySelector('button.auto-capture')
      ?.getAttribute('aria-pressed') ?? null
  );
}

interface NoticeClock {
  /** Page time (performance.now) of each time a notice appeared or went, with its text. */
  changes: Array<{ at: number; shown: boolean; text: string }>;
  /** Page time of the last Escape pressed. */
  escapeAt: number | null;
}

/**
 * In the page: keeps the times the panel's notice comes and goes, and of Escape, on the page's
 * own clock. Durations measured from the test's side also hold the time of its round trips,
 * which a loaded machine stretches by seconds either way.
 */
function watchNotices(): void {
  const root = document.querySelector('talkmark-panel')?.shadowRoot;
  if (!root) throw new Error('no panel');
  const clock: NoticeClock = { changes: [], escapeAt: null };
  (window as unknown as { noticeClock: NoticeClock }).noticeClock = clock;
  let shown = false;
  new MutationObserver(() => {
    const notice = root.querySelector('.notice');
    if (Boolean(notice) !== shown) {
      shown = Boolean(notice);
      clock.changes.push({ at: performance.now(), shown, text: notice?.textContent ?? '' });
    }
  }).observe(root, { childList: true, subtree: true, characterData: true });
  addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape') clock.escapeAt = performance.now();
    },
    true,
  );
}

function noticeClock(): NoticeClock {
  return (window as unknown as { noticeClock: NoticeClock }).noticeClock;
}

/** How long the notice whose text includes `text` stayed on screen, and when it went. */
function stay(clock: NoticeClock, text: string): { ms: number; goneAt: number } {
  const i = clock.changes.findIndex((c) => c.shown && c.text.includes(text));
  const shown = clock.changes[i];
  const gone = clock.changes[i + 1];
  if (!shown || !gone || gone.shown)
    throw new Error(`no notice "${text}" that came and went: ${JSON.stringify(clock)}`);
  return { ms: gone.at - shown.at, goneAt: gone.at };
}

function clickInPanel(sel: string): void {
  document.querySelector('talkmark-panel')?.shadowRoot?.querySelector<HTMLElement>(sel)?.click();
}

/** In the page: the picker bar's and the video's boxes (viewport pixels). */
function pickerGeometry(): { bar: DOMRect; video: DOMRect } | null {
  const bar = document.querySelector('talkmark-slide-area')?.shadowRoot?.querySelector('.picker-bar');
  const video = document.querySelector('video');
  if (!bar || !video) return null;
  return {
    bar: bar.getBoundingClientRect().toJSON() as DOMRect,
    video: video.getBoundingClientRect().toJSON() as DOMRect,
  };
}

describe.each(browsers)('panel news and the slide-area picker in %s', (name) => {
  const env = useBrowser(name);

  it('lets the auto-capture notice go by itself or by Escape; the Auto button keeps the state', async () => {
    const { browser, server } = env;
    const page = await browser.newPage();
    await page.goto(`${server.origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`);
    await page.bringToFront();
    await waitForVideo(page);
    await waitForTalk(page, title);
    // The pointer rests away from the panel: a notice under it would (rightly) stay.
    await page.evaluate(() => window.scrollTo(0, 0), null);
    await page.evaluate(watchNotices, null);

    await pressOnPage(page, 'a');
    await page.waitFor(
      (s) => document.querySelector('talkmark-panel')?.shadowRoot?.querySelector(s),
      '.notice',
    );
    expect(await page.evaluate(panelText, '.notice')).toContain('Auto-capture is on');
    expect(await page.evaluate(autoPressed, null)).toBe('true');
    // Gone by itself after a few seconds (6 s; the wait allows a loaded machine room), the
    // button still pressed. How long it stayed is read off the page's clock.
    await page.waitFor(
      () => !document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.notice'),
      null,
      20_000,
    );
    const on = stay(await page.evaluate(noticeClock, null), 'Auto-capture is on');
    expect(on.ms).toBeGreaterThan(3000);
    expect(await page.evaluate(autoPressed, null)).toBe('true');

    // Switched off, the notice is dismissed from the keyboard: focus on its × and Escape.
    await pressOnPage(page, 'a');
    await page.waitFor(() => {
      const t = document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.notice')?.textContent;
      return t?.includes('Auto-capture is off');
    }, null);
    expect(await page.evaluate(autoPressed, null)).toBe('false');
    expect(await page.evaluate(panelFocus, '.notice button[aria-label="Dismiss"]')).toBe(true);
    await page.press('Escape');
    await page.waitFor(
      () => !document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.notice'),
      null,
    );
    // Escape did it, not the timer (which doesn't run while the focus is in the notice): on the
    // page's clock the notice went after the key, within a moment of it.
    const clock = await page.evaluate(noticeClock, null);
    const off = stay(clock, 'Auto-capture is off');
    expect(clock.escapeAt).not.toBeNull();
    expect(off.goneAt).toBeGreaterThanOrEqual(clock.escapeAt ?? Number.POSITIVE_INFINITY);
    expect(off.goneAt - (clock.escapeAt ?? 0)).toBeLessThan(2000);
    expect(await page.evaluate(autoPressed, null)).toBe('false');
    await page.close();
  }, 60_000);

  it('keeps the slide-area instructions off the bottom of the video, where its controls are', async () => {
    const { browser, server } = env;
    const page = await browser.newPage();
    await page.goto(`${server.origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`);
    await page.bringToFront();
    await waitForVideo(page);
    await waitForTalk(page, title);
    await page.evaluate(clickInPanel, 'button.slide-area');
    await page.waitFor(
      () => document.querySelector('talkmark-slide-area')?.shadowRoot?.querySelector('.picker-bar'),
      null,
    );
    const geo = await page.evaluate(pickerGeometry, null);
    if (!geo) throw new Error('no picker bar');
    const { bar, video } = geo;
    // On the picture, wholly inside the video's top half: players draw their controls along
    // the bottom (Chromium's and Firefox's are 40–50 px tall), so the bar keeps off that band.
    expect(bar.height).toBeGreaterThan(0);
    expect(bar.top).toBeGreaterThanOrEqual(video.top);
    expect(bar.left).toBeGreaterThanOrEqual(video.left);
    expect(bar.right).toBeLessThanOrEqual(video.right);
    expect(bar.bottom).toBeLessThanOrEqual(video.top + video.height / 2);
    await page.press('Escape');
    await page.waitFor(() => !document.querySelector('talkmark-slide-area'), null);
    await page.close();
  }, 60_000);
});
