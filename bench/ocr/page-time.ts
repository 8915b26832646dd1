// The video page's main-thread time while the extension reads slides (Chromium, test build):
// slides are captured on the sample talk, then the page sits paused while OCR runs in the
// offscreen document; the renderer's TaskDuration over that stretch is compared with the same
// stretch of an idle page with nothing to read (CDP Performance metrics).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../extension-browser';
import { buildTestExtension, mainThreadMetrics, panelToolbar, serve, talkVideos } from '../video-page';

const page = (
  video: string,
) => `<!doctype html><html><head><meta charset="utf-8"><title>OCR Bench Talk - Ada Example</title>
<style>video{width:960px;height:540px}</style></head><body><video muted playsinline preload="auto" src="${video}"></video></body></html>`;

export interface PageTime {
  /** Page main-thread ms while OCR ran, per slide read. */
  duringMs: number;
  /** The same page's main-thread ms over an equally long idle stretch before. */
  idleMs: number;
  seconds: number;
  slides: number;
}

function countRead(p: Page): Promise<number> {
  return p.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('talkmark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('images').objectStore('images').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as Array<{ text?: unknown }>).filter((i) => i.text).length);
          };
        };
      }),
  );
}

export async function pageTimeDuringOcr(slideTimes: number[]): Promise<PageTime> {
  const out = await mkdtemp(path.join(tmpdir(), 'talkmark-ocr-bench-'));
  const extension = buildTestExtension(out);
  const v = await talkVideos();
  const server = await serve({ '/page': page('/v/720p') }, { '/v/720p': v['720p'] });
  const browser = await launchWithExtension(extension);
  try {
    const p = await browser.context.newPage();
    await p.goto(`http://127.0.0.1:${server.port}/page`);
    await panelToolbar(p);
    await p.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
    const ext = await browser.context.newPage();
    await ext.goto(browser.ext('popup.html'));
    await p.bringToFront();
    for (const t of slideTimes) {
      await p.evaluate(
        (to) =>
          new Promise((r) => {
            const vid = document.querySelector('video') as HTMLVideoElement;
            vid.pause();
            vid.addEventListener('seeked', r, { once: true });
            vid.currentTime = to;
          }),
        t,
      );
      await p.keyboard.press('s');
      await p.waitForFunction(
        (n) =>
          (document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('.note-slide').length ??
            0) >= n,
        slideTimes.indexOf(t) + 1,
      );
    }
    const metrics = await mainThreadMetrics(browser.context, p);
    const before = await metrics();
    const t0 = performance.now();
    while ((await countRead(ext)) < slideTimes.length) {
      if (performance.now() - t0 > 120_000) throw new Error('OCR did not finish in 2 minutes');
      await new Promise((r) => setTimeout(r, 200));
    }
    const seconds = (performance.now() - t0) / 1000;
    const after = await metrics();
    // The same page, nothing left to read, idle for as long.
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const idle = await metrics();
    const task = (a: Record<string, number>, b: Record<string, number>) =>
      ((b.TaskDuration ?? 0) - (a.TaskDuration ?? 0)) * 1000;
    return { duringMs: task(before, after), idleMs: task(after, idle), seconds, slides: slideTimes.length };
  } finally {
    await browser.close();
    server.close();
    await rm(out, { recursive: true, force: true });
  }
}
