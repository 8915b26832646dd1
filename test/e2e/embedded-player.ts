// A blog post embedding a Vimeo player (test/fixtures/pages/vimeo-article.html): the user
// opens the popup over the blog's tab, enables Talkmark in the player, then captures a slide
// and writes a note inside the player. Shared by sites.e2e.ts (both browsers) and
// site-always.e2e.ts (Firefox, with the real host permission request).
import { expect } from 'vitest';
import type { TestBrowser, TestPage } from './browsers';
import {
  clickInto,
  expectStoredFrame,
  inFrame,
  panelHere,
  popupOver,
  type StoredTalk,
  seekHere,
  type storeReader,
  until,
} from './video-page-helpers';

export const vimeoPlayer = 'https://player.vimeo.com/video/';

/**
 * The talk of `videoId` and its first slide, once both are stored: a talk joins its post with
 * its first note or slide, so the talk is looked up after the capture, not before.
 */
export async function slideOfVideo(store: Store, videoId: string, what: string) {
  const { talk, slide } = await until(
    async () => {
      const talk = ((await store.talks()) as Array<StoredTalk & { site: string; url: string }>).find(
        (t) => t.videoId === videoId,
      );
      const slide = talk && (await store.notes()).find((n) => n.talkId === talk.id && n.kind === 'slide');
      return { talk, slide };
    },
    (r) => Boolean(r.slide),
    what,
  );
  return { talk, slide };
}

type Store = Awaited<ReturnType<typeof storeReader>>;

/** In a frame: whether the panel is there (for pages where it must not be). */
export function noPanelAnywhere(): boolean {
  return document.querySelector('talkmark-panel') === null;
}

/**
 * Opens the popup over `page`'s tab, checks it offers the Vimeo player in plain words, and
 * clicks "Enable Talkmark in the Vimeo player" (a real click: the permission request needs a
 * user gesture). Returns once the panel is in the player.
 */
export async function enableInPlayer(browser: TestBrowser, page: TestPage): Promise<void> {
  const popup = await popupOver(
    browser,
    page,
    'button.enable-player',
    'the popup offering the embedded player',
  );
  const offer = await popup.evaluate(
    () =>
      Array.from(document.querySelectorAll('.player'), (el) => ({
        host: (el as HTMLElement).dataset.host,
        text: el.querySelector('p')?.textContent,
        button: el.querySelector('button.enable-player')?.textContent,
        ask: el.querySelector('.small')?.textContent,
      })),
    null,
  );
  // The blog has no video of its own: the popup doesn't offer to take notes on it.
  const buttons = await popup.evaluate(
    () => Array.from(document.querySelectorAll('button'), (b) => b.textContent),
    null,
  );
  expect(buttons).not.toContain('Take notes on this page');
  expect(offer).toEqual([
    {
      host: 'player.vimeo.com',
      text: 'This page plays a Vimeo video in an embedded player.',
      button: 'Enable Talkmark in the Vimeo player',
      ask: expect.stringMatching(/^Asks to read player\.vimeo\.com\.|^Allowed: /),
    },
  ]);
  await popup.bringToFront();
  // The popup closes itself once Talkmark is in the player.
  await popup.click('button.enable-player').catch(() => undefined);
  await inFrame(page, vimeoPlayer, panelHere, (r) => r.panel, 'the panel in the Vimeo player');
  await popup.close().catch(() => undefined);
  await page.bringToFront();
}

/**
 * In the enabled player (Vimeo id `id`, playing the sample talk): a slide at 15 s by key and a
 * note `text`. Checks they are stored under the Vimeo talk, with the player page's metadata,
 * and the slide's pixels are the frame that was on screen. Returns the talk.
 */
export async function slideAndNoteInPlayer(
  store: Store,
  page: TestPage,
  id: string,
  text: string,
): Promise<StoredTalk> {
  // Nothing runs in the blog itself.
  expect(await page.evaluate(noPanelAnywhere, null)).toBe(true);

  await page.frameEvaluate(vimeoPlayer, seekHere, 15);
  await clickInto(page, 'player');
  await page.press('s');
  // The talk joined the post with this first slide.
  const { talk, slide } = await slideOfVideo(store, id, 'the slide from the embedded player');
  // Filed under the Vimeo video, not the blog; the player's title names the owner, not a speaker.
  expect(talk).toMatchObject({
    site: 'vimeo',
    url: `https://vimeo.com/${id}`,
    title: 'Caching Without Tears',
    speakers: [],
  });
  expect(slide?.time).toBeCloseTo(15, 0);
  await expectStoredFrame(store, slide?.imageId, 15);

  await page.press('n');
  await inFrame(page, vimeoPlayer, panelHere, (r) => r.editing, 'the note field in the player');
  await page.type(text);
  await page.press('Enter');
  const note = (
    await until(store.notes, (n) => n.some((x) => x.text === text), 'the note from the embedded player')
  ).find((x) => x.text === text);
  expect(note).toMatchObject({ talkId: talk?.id, kind: 'text' });
  expect(note?.time).toBeCloseTo(15, 0);
  return talk as StoredTalk;
}

/** The popup over `page`'s tab (the blog) shows the player's talk as the tab's, with its notes. */
export async function popupShowsPlayerTalk(
  browser: TestBrowser,
  page: TestPage,
  count: string,
): Promise<void> {
  const popup = await popupOver(browser, page, '.here-talk', 'the popup showing the player’s talk');
  await until(
    () => popup.evaluate(() => document.querySelector('.here-talk')?.textContent ?? '', null),
    (t) => t.includes('Caching Without Tears') && t.includes(count),
    'the player’s talk on the blog’s tab',
  );
  await popup.close().catch(() => undefined);
  await page.bringToFront();
}
