// Slide text (OCR) in real browsers: slides captured from the sample talk get their words and
// title stored by the packaged Tesseract (Chromium: the offscreen document; Firefox: the
// background page), checked against the fixture's own recipe (ground-truth.json). The caption
// typed on the slide stays as typed; the text lives beside it on the image.
import { describe, expect, it } from 'vitest';
import type { SlideText } from '../../src/core/model';
import type { TestPage } from './browsers';
import { browsers, fixtureVideo, readStore, useBrowser } from './scenario';
import {
  panelCount,
  pressOnPage,
  sampleTalk,
  seekTo,
  storeReader,
  waitForTalk,
  waitForVideo,
} from './video-page-helpers';

interface StoredImage {
  id: string;
  text?: SlideText;
}

/** Edits to turn `a` into `b` (Levenshtein). */
function edits(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(
        Math.min(
          (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
          (prev[j] as number) + 1,
          (row[j - 1] as number) + 1,
        ),
      );
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/** A line read as `truth` with at most one character in ten wrong. */
const readAs = (lines: string[], truth: string) =>
  lines.some((l) => edits(l, truth) <= Math.ceil(truth.length / 10));

function slideAt(t: number) {
  const seg = sampleTalk.segments.find((s) => s.start <= t && t < s.end);
  if (seg?.kind !== 'slide' || !('heading' in seg)) throw new Error(`no slide at ${t}s`);
  return seg as { heading: string; lines: string[] };
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

describe.each(browsers)('slide text in %s', (name) => {
  const env = useBrowser(name);

  it('reads each captured slide off the page and stores its lines and title with the image', async () => {
    const { browser, server } = env;
    const page = await browser.newPage();
    await page.goto(`${server.origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`);
    await waitForVideo(page);
    await waitForTalk(page, 'Shipping Small Things Fast');
    const times = [15, 45];
    for (const t of times) await captureAt(page, t);

    const store = await storeReader(browser);
    // OCR runs after the store, one slide at a time: wait (generously, the machine is shared).
    let images: StoredImage[] = [];
    for (let i = 0; i < 240; i++) {
      images = (await store.page.evaluate(readStore, 'images')) as StoredImage[];
      if (images.length === times.length && images.every((img) => img.text)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(
      images.every((img) => img.text),
      JSON.stringify(images.map((i) => i.text)),
    ).toBe(true);

    const notes = (await store.notes()).filter((n) => n.kind === 'slide').sort((a, b) => a.time - b.time);
    for (const [i, t] of times.entries()) {
      const truth = slideAt(t);
      const text = images.find((img) => img.id === notes[i]?.imageId)?.text;
      expect(text?.title).toBe(truth.heading);
      expect(text?.lines[0]).toBe(truth.heading);
      for (const line of truth.lines)
        expect(readAs(text?.lines ?? [], line), `${line} in ${JSON.stringify(text?.lines)}`).toBe(true);
      expect(text?.engine).toContain('tesseract');
      // What the user typed (nothing here) is not replaced by what OCR read.
      expect(notes[i]?.text).toBe('');
    }
    await store.close();
    await page.close();
  });
});
