// The fallback capture: a screenshot of the visible tab cropped to the video. The browser
// allows about two captureVisibleTab calls a second, so calls wait their turn instead of
// failing.
import browser from 'webextension-polyfill';
import type { ScreenshotRequest } from '../core/messages';

const minInterval = 550;
let queue: Promise<unknown> = Promise.resolve();
let lastCall = 0;

function throttled<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(async () => {
    const wait = lastCall + minInterval - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    lastCall = Date.now();
    return run();
  });
  queue = next.catch(() => undefined);
  return next;
}

export async function screenshotOf(
  windowId: number,
  req: ScreenshotRequest,
): Promise<{ image: Blob; width: number; height: number }> {
  const dataUrl = await throttled(() => browser.tabs.captureVisibleTab(windowId, { format: 'png' }));
  const shot = await createImageBitmap(await (await fetch(dataUrl)).blob());
  // The screenshot is in device pixels, the rect in the page's CSS pixels.
  const scale = shot.width / req.viewportWidth;
  const sx = Math.max(0, Math.round(req.rect.x * scale));
  const sy = Math.max(0, Math.round(req.rect.y * scale));
  const sw = Math.min(shot.width - sx, Math.round(req.rect.width * scale));
  const sh = Math.min(shot.height - sy, Math.round(req.rect.height * scale));
  if (sw <= 0 || sh <= 0) throw new Error('the video is not in the visible part of the tab');
  const width = Math.min(sw, req.maxWidth);
  const height = Math.round((sh * width) / sw);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas to crop the screenshot on');
  ctx.drawImage(shot, sx, sy, sw, sh, 0, 0, width, height);
  shot.close();
  const image = await canvas.convertToBlob({ type: req.mime, quality: req.quality });
  return { image, width, height };
}
