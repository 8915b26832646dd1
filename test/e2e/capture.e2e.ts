// Slide capture in real browsers, checked by its pixels: the stored image is decoded in an
// extension page (createImageBitmap + canvas) and its colour band compared with the band the
// fixture video shows at that moment (test/fixtures/videos/ground-truth.json). Covers the
// frame path (same-origin video, full decoded resolution), thumbnails after a reload
// (getImage), the screenshot fallback for a cross-origin video without CORS (letterbox
// cropped away), and both failing (the slide is kept as a note without a picture).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPage } from './browsers';
import { browsers, fixtureVideo, useBrowser } from './scenario';
import { type FixtureServer, startServer } from './server';
import {
  backgroundProbe,
  backgroundRgb,
  bandAt,
  bandProbe,
  decodeStored,
  expectColour,
  expectStoredFrame,
  panelCount,
  panelText,
  pressOnPage,
  type Rgb,
  sampleTalk,
  seekTo,
  storeReader,
  until,
  waitForTalk,
  waitForVideo,
} from './video-page-helpers';

const sample = sampleTalk;
const probe = bandProbe;
const background = backgroundProbe;
const topLeft: [number, number] = [4 / sample.width, 4 / sample.height];

/**
 * Watches the panel for the next slide's early thumbnail (the drawn frame's canvas, shown while
 * the slide is saved) and reads its colours at `points` (fractions of the picture) the moment it
 * appears; `window.earlyThumb` then holds them.
 */
function watchEarlyThumb(points: Array<[number, number]>): void {
  const w = window as unknown as { earlyThumb?: { width: number; colours: number[][] } | null };
  w.earlyThumb = null;
  const root = document.querySelector('talkmark-panel')?.shadowRoot;
  if (!root) throw new Error('no panel');
  const seen = new MutationObserver(() => {
    const canvas = root.querySelector('.pending-slide canvas.thumb') as HTMLCanvasElement | null;
    if (!canvas) return;
    seen.disconnect();
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    w.earlyThumb = {
      width: canvas.width,
      colours: points.map(([fx, fy]) => {
        const d = ctx.getImageData(Math.floor(fx * canvas.width), Math.floor(fy * canvas.height), 1, 1).data;
        return [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0];
      }),
    };
  });
  seen.observe(root, { childList: true, subtree: true });
}

async function captureAt(page: TestPage, seconds: number): Promise<void> {
  const before = await page.evaluate(panelCount, '.note-slide');
  await seekTo(page, seconds);
  await pressOnPage(page, 's');
  await page.waitFor(
    (n) =>
      (document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('.note-slide').length ?? 0) > n,
    before,
    15000,
  );
}

describe.each(browsers)('slide capture in %s', (name) => {
  const env = useBrowser(name);
  // Another origin (another port) that serves the videos without CORS headers.
  let otherSite: FixtureServer;
  beforeAll(async () => {
    otherSite = await startServer({ corsVideos: false });
  });
  afterAll(() => otherSite?.close());

  it('captures the frame on screen at full resolution, shows it at once and again after a reload', async () => {
    const { browser, server } = env;
    const page = await browser.newPage();
    await page.goto(`${server.origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`);
    await waitForVideo(page);
    await waitForTalk(page, 'Shipping Small Things Fast');
    await page.evaluate(watchEarlyThumb, [probe, background]);
    await captureAt(page, 15);
    // Shown at once, before the slide was stored: the frame that was on screen, drawn small.
    const early = await page.evaluate(
      () => (window as unknown as { earlyThumb: { width: number; colours: Rgb[] } | null }).earlyThumb,
      null,
    );
    expect(early?.width).toBe(480);
    expectColour(early?.colours[0], bandAt(15), 'band in the early thumbnail');
    expectColour(early?.colours[1], backgroundRgb, 'background in the early thumbnail');
    // Once stored, the thumbnail is the stored picture itself (its Blob).
    await page.waitFor(() => {
      const img = document
        .querySelector('talkmark-panel')
        ?.shadowRoot?.querySelector('img.thumb') as HTMLImageElement | null;
      return img?.complete && img.naturalWidth > 0 && img.src.startsWith('blob:');
    }, null);
    await captureAt(page, 45);

    const store = await storeReader(browser);
    const slides = (
      await until(store.notes, (n) => n.filter((x) => x.kind === 'slide').length >= 2, 'two slides')
    )
      .filter((n) => n.kind === 'slide')
      .sort((a, b) => a.time - b.time);
    for (const [slide, t] of [
      [slides[0], 15],
      [slides[1], 45],
    ] as const) {
      expect(slide?.time).toBeCloseTo(t, 0);
      await expectStoredFrame(store, slide?.imageId, t);
    }

    // After a reload the slides come back with their pictures, read from the store.
    await page.goto(`${server.origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`);
    await page.waitFor(
      () => {
        const imgs =
          document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('img.thumb') ?? [];
        return imgs.length === 2 && [...imgs].every((i) => (i as HTMLImageElement).naturalWidth > 0);
      },
      null,
      15000,
    );
    await store.close();
    await page.close();
  });

  it('falls back to a screenshot for a cross-origin video without CORS, cropped to the picture', async () => {
    const { browser, server } = env;
    const page = await browser.newPage();
    const video = `${otherSite.origin}/videos/${await fixtureVideo('sample-talk')}`;
    await page.goto(`${server.origin}/pages/cross-origin.html?video=${encodeURIComponent(video)}`);
    await waitForVideo(page);
    await waitForTalk(page, 'Cross-Origin Keynote');
    await captureAt(page, 60);

    const store = await storeReader(browser);
    // Read the talk and its slide together, once both are there (the talk joins with the slide).
    const { slide } = await until(
      async () => {
        const talk = (await store.talks()).find((t) => t.title.startsWith('Cross-Origin Keynote'));
        const slide = talk && (await store.notes()).find((n) => n.talkId === talk.id && n.kind === 'slide');
        return { talk, slide };
      },
      (r) => Boolean(r.slide),
      'the cross-origin talk and its slide',
    );
    expect(slide?.imageId).toBeTruthy();
    const img = await store.page.evaluate(decodeStored, {
      imageId: slide?.imageId ?? '',
      points: [probe, topLeft, background],
    });
    // 640x400 element, 16:9 picture: 640x360 on screen at devicePixelRatio 1, bars cut off.
    expect(img.width).toBe(640);
    expect(Math.abs(img.height - 360)).toBeLessThanOrEqual(1);
    expectColour(img.colours[0], bandAt(60), 'band');
    expectColour(img.colours[1], bandAt(60), 'top-left corner (a letterbox bar would be black)');
    expectColour(img.colours[2], backgroundRgb, 'background');
    await store.close();
    await page.close();
  });

  it('says so when neither the frame nor a screenshot can be had, and keeps the slide as a note', async () => {
    const { browser, server } = env;
    const page = await browser.newPage();
    const video = `${otherSite.origin}/videos/${await fixtureVideo('short-clip')}`;
    await page.goto(
      `${server.origin}/pages/cross-origin.html?offscreen=1&video=${encodeURIComponent(video)}`,
    );
    await waitForVideo(page);
    await waitForTalk(page, 'Cross-Origin Keynote');
    await seekTo(page, 3);
    await pressOnPage(page, 's');
    await page.waitFor(
      () => document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.notice-error'),
      null,
    );
    const notice = await page.evaluate(panelText, '.notice-error');
    expect(notice).toContain('No picture for this slide');
    expect(notice).toContain('another site');
    // The composer is open to describe the slide; Enter keeps it.
    await page.type('the architecture diagram');
    await page.press('Enter');
    const store = await storeReader(browser);
    const notes = await until(
      store.notes,
      (n) => n.some((x) => x.text === 'the architecture diagram'),
      'the slide note',
    );
    const kept = notes.find((x) => x.text === 'the architecture diagram');
    expect(kept).toMatchObject({ kind: 'slide' });
    expect(kept?.imageId).toBeUndefined();
    expect(kept?.time).toBeCloseTo(3, 0);
    await store.close();
    await page.close();
  });
});
