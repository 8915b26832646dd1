// Capture benchmark (figures, not a timed test), in headless Chromium with the test build of
// the extension (open shadow root, 127.0.0.1 matches):
//  - key press → the slide's thumbnail shown (the drawn frame's small copy, marked as saving) and,
//    from the same key press, → the slide confirmed stored (its encoded picture loaded), at 720p
//    and 1080p, p50/p95, each next to the bare drawImage + JPEG encode of the same video in the
//    same page, same run (with the bare draw alone beside it, to compare stage by stage);
//  - the content script's size (minified, gzipped); its own time to ready on a video page (its
//    first line → the panel's toolbar rendered, from marks the test build makes) and, apart,
//    how long after DOMContentLoaded the browser injects it;
//  - its cost on a page without any video, against the same page where it doesn't run.
//   npm run bench:capture           (RUNS=15 by default; 1080p video made with ffmpeg once)
// Also writes bench/.cache/results/capture.json for `npm run bench`; BENCH_SMOKE=1 captures twice.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../extension-browser';
import { SMOKE } from '../results';
import { buildTestExtension, mainThreadMetrics, panelToolbar, root, serve, talkVideos } from '../video-page';
import { durabilityRuns } from './durability';
import { captureRecorder, type ReadyTimes } from './record';

const cache = path.join(root, 'bench/.cache/capture');
const RUNS = Number(process.env.RUNS ?? (SMOKE ? 2 : 15));
/** Page loads over which the content script's time to ready is measured. */
const LOADS = Number(process.env.LOADS ?? (SMOKE ? 1 : 8));
const record = captureRecorder();

const page = (
  video: string,
) => `<!doctype html><html><head><meta charset="utf-8"><title>Bench Talk - Ada Example</title>
<style>video{width:960px;height:540px}</style></head><body><video muted playsinline preload="auto" src="${video}"></video>
<script>
  window.keyAt = [];
  // tsx keeps function names with a __name helper inside functions passed to evaluate.
  window.__name = (f) => f;
  // Registered before the content script runs (document_end): sees the key first.
  addEventListener('keydown', (e) => { if (e.key === 's') keyAt.push(performance.now()); }, true);
  window.bare = async () => {
    const v = document.querySelector('video');
    const t = performance.now();
    const c = document.createElement('canvas');
    c.width = v.videoWidth; c.height = v.videoHeight;
    c.getContext('2d').drawImage(v, 0, 0);
    const drawn = performance.now() - t;
    await new Promise((r) => c.toBlob(r, 'image/jpeg', 0.9));
    return { drawn, total: performance.now() - t };
  };
</script></body></html>`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

/**
 * One page load's timeline, from the content script's own marks (test builds): when the script
 * started, when the panel's toolbar was rendered, and DOMContentLoaded, all from navigation start.
 */
async function readyTimes(p: Page): Promise<ReadyTimes> {
  await panelToolbar(p);
  return p.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      start: at('talkmark:start'),
      panel: at('talkmark:panel'),
      domContentLoaded: nav?.domContentLoadedEventEnd ?? Number.NaN,
    };
  });
}

async function main() {
  await mkdir(cache, { recursive: true });
  const extension = buildTestExtension(path.join(cache, 'ext'));
  execFileSync(
    process.execPath,
    ['build.mjs', '--production', '--browser', 'chrome', '--out', path.join(cache, 'prod')],
    { cwd: root },
  );
  const content = readFileSync(path.join(cache, 'prod/chrome/content.js'));
  console.log(
    `content script: ${(content.length / 1024).toFixed(1)} KiB minified, ${(gzipSync(content).length / 1024).toFixed(1)} KiB gzipped`,
  );
  record.contentSize(gzipSync(content).length, content.length);

  const v = await talkVideos();
  const server = await serve(
    {
      '/page': (url) => page(`/v/${url.searchParams.get('q')}`),
      '/blank': '<!doctype html><title>blank</title><p>No video here.</p>',
    },
    { '/v/720p': v['720p'], '/v/1080p': v['1080p'] },
  );
  const browser = await launchWithExtension(extension, { viewport: { width: 1600, height: 900 } });
  const { context } = browser;
  const origin = `http://127.0.0.1:${server.port}`;

  // Time to ready: fresh loads of the video page, each read from the content script's marks.
  const loads: ReadyTimes[] = [];
  for (let i = 0; i < LOADS; i++) {
    const p = await context.newPage();
    await p.goto(`${origin}/page?q=720p&load=${i}`, { waitUntil: 'domcontentloaded' });
    loads.push(await readyTimes(p));
    await p.close();
  }
  const own = loads.map((l) => l.panel - l.start);
  const injected = loads.map((l) => l.start - l.domContentLoaded);
  console.log(
    `content script ready (script start → panel toolbar rendered) p50 ${ms(pct(own, 50))}, max ${ms(Math.max(...own))}` +
      ` | injection: DOMContentLoaded → script start p50 ${ms(pct(injected, 50))} (over ${LOADS} loads)`,
  );
  record.ready(loads);

  for (const q of ['720p', '1080p'] as const) {
    const p = await context.newPage();
    await p.goto(`${origin}/page?q=${q}`);
    await panelToolbar(p);
    await p.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
    const shown: number[] = [];
    const stored: number[] = [];
    const bare: number[] = [];
    const bareDrawn: number[] = [];
    // A paused video at a new moment: its frame has not been drawn yet.
    const seek = (t: number) =>
      p.evaluate(
        (to) =>
          new Promise((r) => {
            const vid = document.querySelector('video') as HTMLVideoElement;
            vid.pause();
            vid.addEventListener('seeked', r, { once: true });
            vid.currentTime = to;
          }),
        t,
      );
    for (let i = 0; i < RUNS; i++) {
      // The first draw of a frame pays for its conversion (~20 ms at 720p here), and a key press
      // in a playing video always meets a frame not drawn yet: the bare draw + encode and the
      // capture each get a frame of their own, a second apart.
      const at = 2 + ((i * 3.7) % 55);
      await seek(at);
      const b = await p.evaluate(() =>
        (window as unknown as { bare(): Promise<{ drawn: number; total: number }> }).bare(),
      );
      bare.push(b.total);
      bareDrawn.push(b.drawn);
      await seek(at + 1);
      // From the same key press: the new slide's picture on screen (the frame's small canvas copy,
      // marked as saving; or an <img> once loaded) and the slide confirmed stored (a saved slide
      // in the list, its encoded picture loaded).
      const seen = p.evaluate(
        (n) =>
          new Promise<{ shown: number; stored: number }>((resolve) => {
            const root = document.querySelector('talkmark-panel')?.shadowRoot as ShadowRoot;
            const loaded = (sel: string) => {
              const thumbs = [...root.querySelectorAll(sel)];
              return (
                thumbs.length > n &&
                thumbs.every(
                  (x) =>
                    x instanceof HTMLCanvasElement ||
                    ((x as HTMLImageElement).complete && (x as HTMLImageElement).naturalWidth > 0),
                )
              );
            };
            let shown = Number.NaN;
            const check = () => {
              const t = performance.now();
              if (Number.isNaN(shown) && loaded('img.thumb, canvas.thumb')) shown = t;
              if (loaded('.note-slide img.thumb')) return resolve({ shown, stored: t });
              requestAnimationFrame(check);
            };
            check();
          }),
        i,
      );
      await p.keyboard.press('s');
      const t1 = await seen;
      const t0 = await p.evaluate(
        () => (window as unknown as { keyAt: number[] }).keyAt.at(-1) ?? Number.NaN,
      );
      shown.push(t1.shown - t0);
      stored.push(t1.stored - t0);
    }
    // Where the time goes, from the test build's marks: key press → frame drawn → its small copy
    // checked → in the panel (pending, the copy as its thumbnail, painted at the next frame) →
    // encoded; the store's answer and the saved row's picture come after that.
    const stages = await p.evaluate(() => {
      const keys = (window as unknown as { keyAt: number[] }).keyAt;
      const since = (name: string) =>
        performance.getEntriesByName(`talkmark:${name}`).map((e, k) => e.startTime - (keys[k] ?? Number.NaN));
      return {
        drawn: since('drawn'),
        checked: since('checked'),
        pending: since('pending'),
        encoded: since('encoded'),
      };
    });
    console.log(
      `${q}: from the key press, p50: frame drawn ${ms(pct(stages.drawn, 50))} (bare draw ${ms(pct(bareDrawn, 50))}), ` +
        `copy checked ${ms(pct(stages.checked, 50))}, in the panel ${ms(pct(stages.pending, 50))}, encoded ${ms(pct(stages.encoded, 50))}`,
    );
    const ratio = (xs: number[]) => (pct(xs, 50) / pct(bare, 50)).toFixed(2);
    console.log(
      `${q}: key → thumbnail shown p50 ${ms(pct(shown, 50))}, p95 ${ms(pct(shown, 95))} (${ratio(shown)}x)` +
        ` | key → stored p50 ${ms(pct(stored, 50))}, p95 ${ms(pct(stored, 95))} (${ratio(stored)}x)` +
        ` | bare drawImage+JPEG p50 ${ms(pct(bare, 50))}, p95 ${ms(pct(bare, 95))}`,
    );
    record.capture(q, shown, stored, bare, bareDrawn, stages);
    await p.close();
  }
  // The store's write durability, strict against relaxed, alternating run by run.
  const durability = await durabilityRuns(browser, `${origin}/page?q=720p`, RUNS);
  for (const [what, xs] of [
    ['note save (message → stored → answer)', durability.save],
    ['720p: key press → slide stored', durability.capture],
  ] as const) {
    console.log(
      `store durability, ${what}: strict p50 ${ms(pct(xs.strict, 50))}, p95 ${ms(pct(xs.strict, 95))}` +
        ` | relaxed p50 ${ms(pct(xs.relaxed, 50))}, p95 ${ms(pct(xs.relaxed, 95))}`,
    );
  }
  console.log(
    `safety copy, note save: with it p50 ${ms(pct(durability.save.strict, 50))}, p95 ${ms(pct(durability.save.strict, 95))}` +
      ` | without p50 ${ms(pct(durability.save['strict-no-copy'], 50))}, p95 ${ms(pct(durability.save['strict-no-copy'], 95))}` +
      ` | save sent → copy holds it p50 ${ms(pct(durability.copyLag, 50))}, p95 ${ms(pct(durability.copyLag, 95))}`,
  );
  record.durability(durability);
  // A page without video: with the content script (127.0.0.1 matches) and without (localhost doesn't).
  const idle = async (url: string) => {
    const p = await context.newPage();
    await p.goto(url);
    await p.waitForTimeout(1500);
    const get = await mainThreadMetrics(context, p);
    const a = await get();
    await p.waitForTimeout(5000);
    const b = await get();
    await p.close();
    return {
      listeners: b.JSEventListeners ?? 0,
      nodes: b.Nodes ?? 0,
      cpuMsPer5s: ((b.TaskDuration ?? 0) - (a.TaskDuration ?? 0)) * 1000,
      scriptMsPer5s: ((b.ScriptDuration ?? 0) - (a.ScriptDuration ?? 0)) * 1000,
    };
  };
  const withUs = await idle(`${origin}/blank`);
  const without = await idle(`http://localhost:${server.port}/blank`);
  console.log(`page without video, 5 s idle — with content script: ${JSON.stringify(withUs)}`);
  console.log(`                               without (same page): ${JSON.stringify(without)}`);
  record.idle(withUs, without);
  record.write();
  await browser.close();
  server.close();
}

await main();
