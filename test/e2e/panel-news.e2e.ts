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

    await pressOnPage(page, 'a');
    await page.waitFor(
      (s) => document.querySelector('talkmark-panel')?.shadowRoot?.querySelector(s),
      '.notice',
    );
    expect(await page.evaluate(panelText, '.notice')).toContain('Auto-capture is on');
    expect(await page.evaluate(autoPressed, null)).toBe('true');
    // Gone within a few seconds (6 s, and the wait allows some slack), the button still pressed.
    const shown = Date.now();
    await page.waitFor(
      () => !document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.notice'),
      null,
      9000,
    );
    expect(Date.now() - shown).toBeGreaterThan(3000);
    expect(await page.evaluate(autoPressed, null)).toBe('true');

    // Switched off, the notice is dismissed from the keyboard: focus on its × and Escape.
    await pressOnPage(page, 'a');
    await page.waitFor(() => {
      const t = document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.notice')?.textContent;
      return t?.includes('Auto-capture is off');
    }, null);
    expect(await page.evaluate(autoPressed, null)).toBe('false');
    expect(await page.evaluate(panelFocus, '.notice button[aria-label="Dismiss"]')).toBe(true);
    const pressed = Date.now();
    await page.press('Escape');
    await page.waitFor(
      () => !document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.notice'),
      null,
      2000,
    );
    // Escape did it, not the timer (which doesn't run while the focus is in the notice).
    expect(Date.now() - pressed).toBeLessThan(2000);
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
