// README screenshots, taken from the real extension so they never go stale: the panel on a
// video page, the popup, and the library (post editor, export dialog, dark theme), in headless
// Chromium with the e2e set-up (test build, fixture server, fixture talk, sample backup).
//   npm run screenshots        -> docs/screenshots/*.png
import path from 'node:path';
import { launchWithExtension, restoreBackup } from '../bench/extension-browser';
import { startServer } from '../test/e2e/server';
import { sampleBackup, sampleIds } from '../test/unit/library/sample-backup';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'docs/screenshots');
const extension = path.join(root, 'dist-test/chrome');

const { ensureVideos } = (await import(path.join(root, 'test/fixtures/make-videos.mjs'))) as {
  ensureVideos: () => Promise<Record<string, string>>;
};
const videoPath = (await ensureVideos())['sample-talk'] as string;
const server = await startServer();
const browser = await launchWithExtension(extension, {
  args: ['--hide-scrollbars', '--autoplay-policy=no-user-gesture-required'],
});
const { context, ext } = browser;

/** Every slide thumbnail on screen has its picture (a fixed wait caught the cover half drawn). */
const thumbsShown = () => {
  const onScreen = [...document.querySelectorAll('.thumb')].filter((t) => {
    const r = t.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });
  return (
    onScreen.length > 0 &&
    onScreen.every((t) => t instanceof HTMLImageElement && t.complete && t.naturalWidth > 0)
  );
};

try {
  const pageUrl = `${server.origin}/pages/generic.html?src=${path.basename(videoPath)}`;
  const library = await restoreBackup(browser, sampleBackup(videoPath, pageUrl));

  // The panel on the video page, with a note typed at 0:42.
  const video = await context.newPage();
  await video.goto(pageUrl);
  await video.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
  await video.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const v = document.querySelector('video') as HTMLVideoElement;
        v.addEventListener('seeked', () => resolve(), { once: true });
        v.currentTime = 46;
      }),
  );
  await video.waitForFunction(
    () => document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('.note').length,
  );
  await video.waitForTimeout(500);
  await video.screenshot({ path: path.join(out, 'panel.png') });

  // The popup at its own size.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.goto(ext('popup.html'));
  await popup.waitForFunction(() => document.documentElement.dataset.painted);
  await popup.locator('main').screenshot({ path: path.join(out, 'popup.png') });

  // The library: posts, the post editor, the export dialog, and the editor in the dark theme.
  await library.evaluate(() => {
    location.hash = '#posts';
  });
  await library.waitForSelector('.post-row .badge');
  await library.screenshot({ path: path.join(out, 'library-posts.png') });
  await library.evaluate((id) => {
    location.hash = `#post/${id}`;
  }, sampleIds.post);
  await library.waitForFunction(thumbsShown);
  await library.screenshot({ path: path.join(out, 'library-editor.png') });
  await library.evaluate((id) => {
    location.hash = `#post/${id}/export`;
  }, sampleIds.post);
  await library.waitForFunction(() => {
    const doc = document.querySelector<HTMLIFrameElement>('dialog[open] iframe.preview')?.contentDocument;
    return doc?.querySelector('h1') && [...doc.images].every((i) => i.complete && i.naturalWidth > 0);
  });
  await library.screenshot({ path: path.join(out, 'library-export.png') });
  await library.emulateMedia({ colorScheme: 'dark' });
  await library.evaluate((id) => {
    location.hash = `#post/${id}`;
  }, sampleIds.post);
  await library.waitForFunction(thumbsShown);
  await library.screenshot({ path: path.join(out, 'library-dark.png') });
  console.log(`screenshots written to ${path.relative(root, out)}/`);
} finally {
  await browser.close();
  await server.close();
}
