// A slide captured by hand is never captured again by auto-capture (issue 14), tried as a new
// user would: on the sample talk (slides change at 0, 12, 24, 40, 55, 70 s; slide 2, 12-24 s,
// has a box moving in its corner), `s` on slide 2 at 20 s with auto-capture off, then `a`, a
// seek back to 13 s and play at 2x. Auto-capture must take slide 3 (24 s), proving it ran over
// slide 2, and must not take slide 2. A fresh browser profile: the talk has no slide but the
// hand-taken one.
import { describe, expect, it } from 'vitest';
import type { TestPage } from './browsers';
import { browsers, fixtureVideo, useBrowser } from './scenario';
import {
  bandAt,
  bandProbe,
  decodeStored,
  expectColour,
  pressOnPage,
  type StoredNote,
  seekTo,
  storeReader,
  until,
  waitForTalk,
  waitForVideo,
} from './video-page-helpers';

type SlideNote = StoredNote & { auto?: boolean };

const title = 'Shipping Small Things Fast';
/** Slide 3 shows from 24 s; sampled at 2x, its first sample can read a few ms earlier. */
const SLIDE_3 = 23.9;

const slides = (notes: StoredNote[]) =>
  (notes as SlideNote[]).filter((n) => n.kind === 'slide').sort((a, b) => a.time - b.time);

function autoCaptureIs(want: string): boolean {
  const el = document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('button.auto-capture');
  return el?.getAttribute('aria-pressed') === want;
}

/** Plays from `t` at `rate`, once the seek there has landed. */
function playFrom(page: TestPage, t: number, rate: number): Promise<void> {
  return page.evaluate(
    async ([from, r]) => {
      const v = document.querySelector('video') as HTMLVideoElement;
      v.pause();
      await new Promise<void>((resolve) => {
        v.addEventListener('seeked', () => resolve(), { once: true });
        v.currentTime = from;
      });
      v.playbackRate = r;
      await v.play();
    },
    [t, rate] as [number, number],
  );
}

describe.each(browsers)('a slide captured by hand, then auto-capture, in %s', (name) => {
  const env = useBrowser(name);

  it('is not captured again when auto-capture plays over it after a seek back', async () => {
    const { browser, server } = env;
    const store = await storeReader(browser);
    const page = await browser.newPage();
    await page.goto(`${server.origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`);
    await page.bringToFront();
    await waitForVideo(page);
    await waitForTalk(page, title);
    await page.waitFor(autoCaptureIs, 'false');

    await seekTo(page, 20);
    await pressOnPage(page, 's');
    const [manual] = slides(
      await until(store.notes, (n) => slides(n).length === 1, 'the slide taken by hand'),
    );
    expect(manual?.auto).toBeFalsy();
    expect(manual?.time).toBeCloseTo(20, 0);

    await pressOnPage(page, 'a');
    await page.waitFor(autoCaptureIs, 'true');
    await playFrom(page, 13, 2);
    // Events are saved one at a time, in order: once slide 3's capture is stored, any capture of
    // slide 2 (shown before it) would be stored too. A capture's time is the first sample that
    // showed the slide: at 2x a sample a few ms before 24 s can already show slide 3 (its picture
    // is checked below), while slide 2 taken again would date from the seek, near 13 s.
    const isThird = (s: SlideNote) => s.auto === true && s.time >= SLIDE_3;
    const all = slides(await until(store.notes, (n) => slides(n).some(isThird), 'slide 3 captured'));
    await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).pause(), null);

    const auto = all.filter((s) => s.auto);
    expect(auto.map((s) => s.time).filter((t) => t < SLIDE_3)).toEqual([]);
    expect(all.filter((s) => s.time >= 12 && s.time < SLIDE_3)).toHaveLength(1);
    // The capture at 24 s is slide 3's picture, so the detector really watched this stretch.
    const third = auto.find(isThird);
    const img = await store.page.evaluate(decodeStored, {
      imageId: third?.imageId ?? '',
      points: [bandProbe],
    });
    expectColour(img.colours[0], bandAt(24.1), `band of the slide at ${third?.time}s`);
    await store.close();
    await page.close();
  }, 120_000);
});
