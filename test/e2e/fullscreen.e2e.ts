// Fullscreen in real browsers, on the YouTube-like watch page: the player's own fullscreen
// button (a real click, so a user gesture) calls requestFullscreen on #movie_player. The panel
// must move into the player as a compact overlay (folded to its tab at first), the keys must
// still note and capture there, neither the tab nor the open panel may cover the middle of
// the picture, and leaving fullscreen must put the panel back where it was docked.
import { describe, expect, it } from 'vitest';
import { browsers, fixtureVideo, useBrowser } from './scenario';
import {
  expectStoredFrame,
  pressOnPage,
  seekTo,
  storeReader,
  until,
  waitForEditor,
  waitForTalk,
  waitForVideo,
} from './video-page-helpers';

interface Placement {
  full: string | null;
  mode: string | undefined;
  parent: string | undefined;
  /** What the panel shows: the folded tab or the open panel. */
  shown: 'tab' | 'panel' | 'none';
  /** Whether what it shows covers the middle of the video on screen. */
  coversMiddle: boolean;
  /** Whether it is inside the viewport, and what the user sees at its middle is the panel. */
  onScreen: boolean;
}

/** In the page: where the panel is and what of the video it covers. */
function placement(): Placement {
  const host = document.querySelector('talkmark-panel') as HTMLElement | null;
  const el = host?.shadowRoot?.querySelector<HTMLElement>('.panel, .tab') ?? null;
  const video = (document.querySelector('#movie_player video') as HTMLElement).getBoundingClientRect();
  // The middle third of the picture, both ways: where a slide's content is.
  const mid = {
    left: video.left + video.width / 3,
    right: video.right - video.width / 3,
    top: video.top + video.height / 3,
    bottom: video.bottom - video.height / 3,
  };
  const r = el?.getBoundingClientRect();
  return {
    full: document.fullscreenElement?.id ?? null,
    mode: host?.dataset.mode,
    parent: host?.parentElement?.id,
    shown: !el ? 'none' : el.classList.contains('tab') ? 'tab' : 'panel',
    coversMiddle: r
      ? r.left < mid.right && r.right > mid.left && r.top < mid.bottom && r.bottom > mid.top
      : false,
    onScreen: r
      ? r.width > 0 &&
        r.left >= 0 &&
        r.top >= 0 &&
        r.right <= innerWidth &&
        r.bottom <= innerHeight &&
        // Not hidden behind the fullscreen element: the topmost thing there is the panel.
        document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === host
      : false,
  };
}

describe.each(browsers)('fullscreen in %s', (name) => {
  const env = useBrowser(name);

  it('shows a compact overlay in the fullscreen player, keeps the keys working, and docks again after', async () => {
    const { browser, server } = env;
    const store = await storeReader(browser);
    const page = await browser.newPage();
    const files = `${await fixtureVideo('sample-talk')},${await fixtureVideo('short-clip')}`;
    await page.goto(`${server.origin}/youtube/watch?v=sampleTalk1&files=${files}`);
    await page.bringToFront();
    await waitForVideo(page);
    await waitForTalk(page, 'Shipping Small Things Fast');
    expect(await page.evaluate(placement, null)).toMatchObject({
      full: null,
      mode: 'docked',
      parent: 'secondary-inner',
      shown: 'panel',
    });

    await page.click('.ytp-fullscreen-button');
    await page.waitFor(
      () => document.querySelector('talkmark-panel')?.getAttribute('data-mode') === 'fullscreen',
      null,
    );
    // Folded to its tab inside the player, clear of the picture's middle. (The mode flips
    // first; the tab is moved and the player resized over the next frames: wait for all of it.)
    const where = () => page.evaluate(placement, null);
    await expect.poll(where, { timeout: 10_000 }).toEqual({
      full: 'movie_player',
      mode: 'fullscreen',
      parent: 'movie_player',
      shown: 'tab',
      coversMiddle: false,
      onScreen: true,
    });

    // A note: the panel opens, compact, still clear of the middle, and the player stays fullscreen.
    await seekTo(page, 15);
    await pressOnPage(page, 'n');
    await waitForEditor(page);
    await expect.poll(where, { timeout: 10_000 }).toEqual({
      full: 'movie_player',
      mode: 'fullscreen',
      parent: 'movie_player',
      shown: 'panel',
      coversMiddle: false,
      onScreen: true,
    });
    await page.type('noted in fullscreen');
    await page.press('Enter');

    // A slide, taken while the overlay is on screen: the stored picture is the frame.
    await seekTo(page, 45);
    await pressOnPage(page, 's');
    const notes = await until(
      store.notes,
      (n) => n.some((x) => x.text === 'noted in fullscreen') && n.some((x) => x.kind === 'slide'),
      'the note and the slide',
    );
    expect(notes.find((n) => n.text === 'noted in fullscreen')?.time).toBeCloseTo(15, 0);
    const slide = notes.find((n) => n.kind === 'slide');
    expect(slide?.time).toBeCloseTo(45, 0);
    await expectStoredFrame(store, slide?.imageId, 45);
    await expect.poll(where, { timeout: 10_000 }).toMatchObject({
      full: 'movie_player',
      mode: 'fullscreen',
      coversMiddle: false,
      onScreen: true,
    });

    // Leaving fullscreen (the same button) docks the panel again, open as it was before.
    await page.click('.ytp-fullscreen-button');
    await page.waitFor(
      () => document.querySelector('talkmark-panel')?.getAttribute('data-mode') === 'docked',
      null,
    );
    await expect.poll(where, { timeout: 10_000 }).toMatchObject({
      full: null,
      mode: 'docked',
      parent: 'secondary-inner',
      shown: 'panel',
    });
    await store.close();
    await page.close();
  });
});
