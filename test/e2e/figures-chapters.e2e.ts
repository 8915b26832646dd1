// A talk with chapters exported as a Hugo post that reads like a written one: slides captured
// on the YouTube-like fixture page (its description lists three chapters, its channel is
// "Example Conf"), exported from the library's export dialog with the default settings, and
// built by the real `hugo`: the talk is divided by its chapters and every figure carries a
// title and alt text made from the slide's words.
// The slides' words are written into the store from an extension page here, where on-device
// OCR would put them: the OCR pipeline is built separately, and this suite checks what the
// export makes of `ImageMeta.text` in the browser, end to end.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { SlideText, Talk } from '../../src/core/model';
import { requireTool } from '../unit/export/helpers';
import type { TestPage } from './browsers';
import { browsers, fixtureVideo, readStore, useBrowser } from './scenario';
import {
  panelCount,
  pressOnPage,
  seekTo,
  storeReader,
  until,
  waitForEditor,
  waitForTalk,
  waitForVideo,
} from './video-page-helpers';

/** What OCR would have read on the slide at each moment: [title, ...other lines]. */
const slideWords: Record<number, string[]> = {
  5: ['Ship small things', 'one change at a time'],
  20: ['Why we write it down', 'memory fades in a week', 'notes <keep> "ideas" & {{< links >}}'],
  45: ['Every note has a time', 'jump back to the moment'],
};

/** Writes `text` on the images of the slide notes, by their time: what OCR would have stored. */
function writeSlideText(words: Record<string, SlideText>): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('talkmark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['notes', 'images'], 'readwrite');
      let written = 0;
      const notes = tx.objectStore('notes').getAll();
      notes.onsuccess = () => {
        for (const n of notes.result as Array<{ kind: string; time: number; imageId?: string }>) {
          const text = words[String(Math.round(n.time))];
          if (n.kind !== 'slide' || !n.imageId || !text) continue;
          const get = tx.objectStore('images').get(n.imageId);
          get.onsuccess = () => {
            tx.objectStore('images').put({ ...get.result, text });
            written++;
          };
        }
      };
      tx.oncomplete = () => {
        db.close();
        resolve(written);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Clicks "Download zip" in the export dialog and returns the zip's bytes. */
async function downloadZip(page: TestPage): Promise<Uint8Array> {
  await page.evaluate(() => {
    const w = window as { zipped?: Promise<number[]> };
    w.zipped = new Promise((resolve) => {
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        void fetch(this.href)
          .then((r) => r.arrayBuffer())
          .then((b) => resolve([...new Uint8Array(b)]));
      };
    });
  }, null);
  await page.click('button.export-zip');
  return new Uint8Array(
    (await page.evaluate(() => (window as { zipped?: Promise<number[]> }).zipped, null)) ?? [],
  );
}

function buildWithHugo(files: Record<string, Uint8Array>): { html: string; markdown: string } {
  requireTool('hugo', 'version');
  const site = mkdtempSync(join(tmpdir(), 'talkmark-e2e-hugo-'));
  try {
    const write = (path: string, data: string | Uint8Array) => {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      writeFileSync(join(site, path), data);
    };
    write(
      'config.toml',
      'baseURL = "http://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n',
    );
    write('layouts/_default/single.html', '<article>{{ .Content }}</article>\n');
    write('layouts/_default/list.html', '{{ range .Pages }}{{ .Title }}{{ end }}\n');
    let markdown = '';
    let slug = '';
    for (const [path, bytes] of Object.entries(files)) {
      write(`content/post/${path}`, bytes);
      if (path.endsWith('/index.md')) {
        markdown = new TextDecoder().decode(bytes);
        slug = path.slice(0, -'/index.md'.length);
      }
    }
    const run = spawnSync('hugo', ['--quiet', '-s', site], { encoding: 'utf8', timeout: 50_000 });
    if (run.status !== 0) throw new Error(`hugo failed: ${run.stderr}`);
    return { html: readFileSync(join(site, `public/post/${slug}/index.html`), 'utf8'), markdown };
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
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
    // On-device OCR reads every stored slide in the background: let it finish first, or its
    // answer could land after the words this test writes and replace them.
    await until(
      () => store.page.evaluate(readStore, 'images'),
      (images) => (images as Array<{ text?: unknown }>).every((i) => i.text),
      'OCR done on the three slides',
      // OCR of three slides, one at a time, on a shared machine: give it room.
      120_000,
    );
    const readAt = new Date().toISOString();
    const words = Object.fromEntries(
      Object.entries(slideWords).map(([t, lines]): [string, SlideText] => [
        t,
        { lines, title: lines[0] ?? '', engine: 'set by the test', readAt },
      ]),
    );
    expect(await store.page.evaluate(writeSlideText, words)).toBe(3);
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
    expect(figures).toEqual([
      { title: 'Example Conf - Ship small things', alt: 'Ship small things one change at a time' },
      {
        title: 'Example Conf - Why we write it down',
        alt: 'Why we write it down memory fades in a week notes <keep> "ideas" & {{< links >}}',
      },
      { title: 'Example Conf - Every note has a time', alt: 'Every note has a time jump back to the moment' },
    ]);
    // Each slide and note sits under the chapter it falls in.
    const at = (s: string) => markdown.indexOf(s);
    expect(at('#### Intro')).toBeLessThan(at('Ship small things'));
    expect(at('Ship small things')).toBeLessThan(at('#### Why write'));
    expect(at('#### Why write')).toBeLessThan(at('Why we write it down'));
    expect(at('Why we write it down')).toBeLessThan(at('Writing it down is what'));
    expect(at('Writing it down is what')).toBeLessThan(at('#### Every note has a time'));
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });
});
