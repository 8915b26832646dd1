// The video page's main-thread time while the extension reads slides (Chromium, test build):
// slides are captured on the sample talk one at a time; once a slide is stored and shown (the
// capture's own work done), the page sits paused while OCR reads it in the offscreen document,
// and the renderer's TaskDuration over that stretch is compared with the same page idle for as
// long right after, nothing left to read (CDP Performance metrics). One pair per slide, so the
// figure has a spread; the first slide's stretch includes starting the engine.
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
  /** Per slide: the page's main-thread ms while OCR read it. */
  duringMs: number[];
  /** Per slide: the same page's main-thread ms over as long idle, right after. */
  idleMs: number[];
  /** Per slide: how long reading it took, s. */
  seconds: number[];
}

/** Slides read so far, from an extension page (the store is the extension's). */
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
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** Seeks the paused video to `to` and presses s; resolves once the slide is stored and its thumbnail shown. */
async function capture(p: Page, to: number, n: number): Promise<void> {
  await p.evaluate(
    (t) =>
      new Promise((r) => {
        const vid = document.querySelector('video') as HTMLVideoElement;
        vid.pause();
        vid.addEventListener('seeked', r, { once: true });
        vid.currentTime = t;
      }),
    to,
  );
  await p.keyboard.press('s');
  await p.waitForFunction((count) => {
    const slides = document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('.note-slide img');
    return slides && slides.length >= count && [...slides].every((img) => (img as HTMLImageElement).complete);
  }, n);
}

export async function pageTimeDuringOcr(slideTimes: number[]): Promise<PageTime> {
  const out = await mkdtemp(path.join(tmpdir(), 'talkmark-ocr-bench-'));
  const extension = buildTestExtension(out);
  const v = await talkVideos();
  const server = await serve({ '/page': page('/v/720p') }, { '/v/720p': v['720p'] });
  const browser = await launchWithExtension(extension);
  const result: PageTime = { duringMs: [], idleMs: [], seconds: [] };
  try {
    const p = await browser.context.newPage();
    await p.goto(`http://127.0.0.1:${server.port}/page`);
    await panelToolbar(p);
    await p.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
    const ext = await browser.context.newPage();
    await ext.goto(browser.ext('popup.html'));
    await p.bringToFront();
    const metrics = await mainThreadMetrics(browser.context, p);
    const task = (a: Record<string, number>, b: Record<string, number>) =>
      ((b.TaskDuration ?? 0) - (a.TaskDuration ?? 0)) * 1000;
    for (const [i, t] of slideTimes.entries()) {
      await capture(p, t, i + 1);
      const before = await metrics();
      const t0 = performance.now();
      while ((await countRead(ext)) <= i) {
        if (performance.now() - t0 > 120_000) throw new Error(`slide ${i + 1} was not read in 2 minutes`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const seconds = (performance.now() - t0) / 1000;
      const after = await metrics();
      await new Promise((r) => setTimeout(r, seconds * 1000));
      const idle = await metrics();
      result.duringMs.push(task(before, after));
      result.idleMs.push(task(after, idle));
      result.seconds.push(seconds);
    }
    return result;
  } finally {
    await browser.close();
    server.close();
    await rm(out, { recursive: true, force: true });
  }
}
