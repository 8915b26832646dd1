// A slide captured by hand is never captured again by auto-capture (issue 14), tried as a new
// user would: on the sample talk (slides change at 0, 12, 24, 40, 55, 70 s; slide 2, 12-24 s,
// has a box moving in its corner), `s` on slide 2 at 20 s with auto-capture off, then `a`, a
// seek back to 13 s and play at 2x. Auto-capture must take slide 3 (24 s), proving it ran over
// slide 2, and must not take slide 2. A fresh browser profile: the talk has no slide but the
// hand-taken one.
import { describe, expect, it } from 'vitest';
import { browsers, fixtureVideo, useBrowser } from './scenario';
import {
  bandAt,
  bandProbe,
  decodeStored,
  expectColour,
  playFrom,
  pressed,
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

/** Slide 3 appears at 24 s; a capture of it may be stamped a frame early (the time read as the
 * sample was taken, the frame drawn a little later at 2x): its picture says which slide it is. */
const third = (t: number) => t >= 24 - 0.1;

const slides = (notes: StoredNote[]) =>
  (notes as SlideNote[]).filter((n) => n.kind === 'slide').sort((a, b) => a.time - b.time);

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
    await page.waitFor(pressed, { sel: 'button.auto-capture', want: 'false' });

    await seekTo(page, 20);
    await pressOnPage(page, 's');
    const [manual] = slides(
      await until(store.notes, (n) => slides(n).length === 1, 'the slide taken by hand'),
    );
    expect(manual?.auto).toBeFalsy();
    expect(manual?.time).toBeCloseTo(20, 0);

    await pressOnPage(page, 'a');
    await page.waitFor(pressed, { sel: 'button.auto-capture', want: 'true' });
    await playFrom(page, 13, 2);
    // Events are saved one at a time, in order: once slide 3's capture is stored, any capture of
    // slide 2 (shown before it) would be stored too.
    const all = slides(
      await until(store.notes, (n) => slides(n).some((s) => s.auto && third(s.time)), 'slide 3 captured'),
    );
    await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).pause(), null);

    const auto = all.filter((s) => s.auto);
    expect(auto.map((s) => s.time).filter((t) => !third(t))).toEqual([]);
    expect(all.filter((s) => s.time >= 12 && !third(s.time))).toHaveLength(1);
    // The capture at 24 s is slide 3's picture, so the detector really watched this stretch.
    const slide3 = auto.find((s) => third(s.time));
    const img = await store.page.evaluate(decodeStored, {
      imageId: slide3?.imageId ?? '',
      points: [bandProbe],
    });
    expectColour(img.colours[0], bandAt(24.1), `band of the slide at ${slide3?.time}s`);
    await store.close();
    await page.close();
  }, 120_000);
});
