// A talk with chapters exported as a Hugo post that reads like a written one: slides captured
// on the YouTube-like fixture page (its description lists three chapters, its channel is
// "Example Conf"), exported from the library's export dialog with the default settings, and
// built by the real `hugo`: the talk is divided by its chapters and every figure carries a
// title and alt text made from the slide's words, as the packaged on-device OCR read them off
// the captured frames (checked against the fixture's own recipe, ground-truth.json). Escaping
// of hostile slide words is the unit suites' (test/unit/export/hostile-build.test.ts).
import { unzipSync } from 'fflate';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { Talk } from '../../src/core/model';
import { buildWithHugo, downloadZip } from './export-zip';
import { browsers, fixtureVideo, readStore, useBrowser } from './scenario';
import {
  panelCount,
  pressOnPage,
  sampleTalk,
  seekTo,
  storeReader,
  until,
  waitForEditor,
  waitForTalk,
  waitForVideo,
} from './video-page-helpers';

/** The fixture's slide at `t` seconds: its heading and other lines, as drawn. */
function slideAt(t: number) {
  const seg = sampleTalk.segments.find((x) => x.start <= t && t < x.end);
  if (seg?.kind !== 'slide' || !('heading' in seg)) throw new Error(`no slide at ${t}s`);
  return seg as { heading: string; lines: string[] };
}

/** Fewest edits to turn `truth` into some stretch of `text` (Sellers: the stretch's ends are free). */
function editsWithin(text: string, truth: string): number {
  let prev: number[] = Array.from({ length: text.length + 1 }, () => 0);
  for (let i = 1; i <= truth.length; i++) {
    const row = [i];
    for (let j = 1; j <= text.length; j++) {
      row.push(
        Math.min(
          (prev[j - 1] as number) + (truth[i - 1] === text[j - 1] ? 0 : 1),
          (prev[j] as number) + 1,
          (row[j - 1] as number) + 1,
        ),
      );
    }
    prev = row;
  }
  return Math.min(...prev);
}

describe.each(browsers)('figures and chapters in %s', (name) => {
  const env = useBrowser(name);

  it('exports a Hugo post divided by the talk’s chapters, figures titled and described by their slides', async () => {
    const { browser, server } = env;
    const files = `${await fixtureVideo('sample-talk')},${await fixtureVideo('short-clip')}`;
    const page = await browser.newPage();
    await page.goto(`${server.origin}/youtube/watch?v=sampleTalk1&files=${files}`);
    await waitForVideo(page);
    await waitForTalk(page, 'Shipping Small Things Fast');

    for (const [i, at] of [5, 20, 45].entries()) {
      await seekTo(page, at);
      await pressOnPage(page, 's');
      await page.waitFor(
        (n) =>
          (document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('.note-slide').length ??
            0) > n,
        i,
        15000,
      );
    }
    await seekTo(page, 25);
    await pressOnPage(page, 'n');
    await waitForEditor(page);
    await page.type('Writing it down is what makes it stay.');
    await page.press('Enter');

    const store = await storeReader(browser);
    await until(
      () => store.page.evaluate(readStore, 'images'),
      (images) => images.length === 3,
      'three stored slides',
    );
    await until(
      store.notes,
      (notes) => notes.some((n) => n.text === 'Writing it down is what makes it stay.'),
      'the note, whole',
    );
    // On-device OCR reads every stored slide in the background, one at a time.
    await until(
      () => store.page.evaluate(readStore, 'images'),
      (images) => (images as Array<{ text?: unknown }>).every((i) => i.text),
      'OCR done on the three slides',
      // OCR of three slides, one at a time, on a shared machine: give it room.
      120_000,
    );
    expect(await page.evaluate(panelCount, '.note-slide')).toBe(3);

    const [talk] = (await store.page.evaluate(readStore, 'talks')) as Talk[];
    expect(talk?.url).toBe('https://www.youtube.com/watch?v=sampleTalk1');
    await store.page.goto(browser.extensionUrl(`library.html#post/${talk?.postId}/export`));
    // The dialog fills its options from the settings first; the preview shows the chapters.
    await store.page.waitFor(
      () => document.querySelector('iframe.preview')?.getAttribute('srcdoc')?.includes('Why write'),
      null,
      15000,
    );
    expect(
      await store.page.evaluate(
        () => (document.querySelector('input[name="chapterHeadings"]') as HTMLInputElement).checked,
        null,
      ),
    ).toBe(true);
    const zipped = unzipSync(await downloadZip(store.page));
    const { html, markdown } = buildWithHugo(zipped);
    await store.close();
    await page.close();

    const doc = new Window().document;
    doc.body.innerHTML = html;
    const chapters = Array.from(doc.querySelectorAll('h4'))
      .filter((h) => h.parentElement?.tagName !== 'FIGCAPTION')
      .map((h) => h.textContent);
    expect(chapters).toEqual(['Intro', 'Why write', 'Every note has a time']);
    const figures = Array.from(doc.querySelectorAll('figure')).map((f) => ({
      title: f.querySelector('figcaption h4')?.textContent,
      alt: f.querySelector('img')?.getAttribute('alt'),
    }));
    const slides = [5, 20, 45].map(slideAt);
    // Titled by the slide's heading as read: exactly (the slide-text suite holds OCR to that).
    expect(figures.map((f) => f.title)).toEqual(slides.map((sl) => `Example Conf - ${sl.heading}`));
    // Described by the slide's words: its heading first, then each line, one character in ten
    // wrong at most (what the slide-text suite allows the engine).
    for (const [i, sl] of slides.entries()) {
      const alt = figures[i]?.alt ?? '';
      expect(alt.startsWith(sl.heading), alt).toBe(true);
      for (const line of sl.lines)
        expect(editsWithin(alt, line), `${line} in ${alt}`).toBeLessThanOrEqual(Math.ceil(line.length / 10));
    }
    // Each slide and note sits under the chapter it falls in.
    const at = (s: string) => markdown.indexOf(s);
    const [intro, why, time] = slides.map((sl) => at(`Example Conf - ${sl.heading}`));
    expect(at('#### Intro')).toBeLessThan(intro as number);
    expect(intro).toBeLessThan(at('#### Why write'));
    expect(at('#### Why write')).toBeLessThan(why as number);
    expect(why).toBeLessThan(at('Writing it down is what'));
    expect(at('Writing it down is what')).toBeLessThan(at('#### Every note has a time'));
    expect(at('#### Every note has a time')).toBeLessThan(time as number);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });
});
