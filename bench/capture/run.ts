// Capture benchmark (figures, not a timed test), in headless Chromium with the test build of
// the extension (open shadow root, 127.0.0.1 matches):
//  - key press → slide stored and its thumbnail shown, at 720p and 1080p, p50/p95, each next
//    to the bare drawImage + JPEG encode of the same video in the same page, same run;
//  - the content script's size (minified, gzipped) and its time to ready on a video page;
//  - its cost on a page without any video, against the same page where it doesn't run.
//   npm run bench:capture           (RUNS=15 by default; 1080p video made with ffmpeg once)
// Also writes bench/.cache/results/capture.json for `npm run bench`; BENCH_SMOKE=1 captures twice.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { SMOKE } from '../results';
import { captureRecorder } from './record';

const root = path.resolve(import.meta.dirname, '../..');
const cache = path.join(root, 'bench/.cache/capture');
const RUNS = Number(process.env.RUNS ?? (SMOKE ? 2 : 15));
const record = captureRecorder();

async function videos(): Promise<Record<'720p' | '1080p', string>> {
  const { ensureVideos } = (await import(path.join(root, 'test/fixtures/make-videos.mjs'))) as {
    ensureVideos: () => Promise<Record<string, string>>;
  };
  const src = (await ensureVideos())['sample-talk'] as string;
  const hd = path.join(cache, 'sample-talk-1080p.webm');
  if (!existsSync(hd)) {
    // VP8 realtime: fast to make on two cores, decoded by every Chromium build.
    execFileSync('ffmpeg', [
      '-y',
      '-loglevel',
      'error',
      '-i',
      src,
      '-t',
      '60',
      '-vf',
      'scale=1920:1080',
      '-an',
      '-c:v',
      'libvpx',
      '-deadline',
      'realtime',
      '-cpu-used',
      '8',
      '-b:v',
      '4M',
      hd,
    ]);
  }
  return { '720p': src, '1080p': hd };
}

const page = (
  video: string,
) => `<!doctype html><html><head><meta charset="utf-8"><title>Bench Talk - Ada Example</title>
<style>video{width:960px;height:540px}</style></head><body><video muted playsinline preload="auto" src="${video}"></video>
<script>
  window.keyAt = [];
  // tsx keeps function names with a __name helper inside functions passed to evaluate.
  window.__name = (f) => f;
  // Registered before the content script (document_idle): sees the key first.
  addEventListener('keydown', (e) => { if (e.key === 's') keyAt.push(performance.now()); }, true);
  window.bare = async () => {
    const v = document.querySelector('video');
    const t = performance.now();
    const c = document.createElement('canvas');
    c.width = v.videoWidth; c.height = v.videoHeight;
    c.getContext('2d').drawImage(v, 0, 0);
    await new Promise((r) => c.toBlob(r, 'image/jpeg', 0.9));
    return performance.now() - t;
  };
</script></body></html>`;

function serve(files: Record<string, string>) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/page') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(page(`/v/${url.searchParams.get('q')}`));
      return;
    }
    if (url.pathname === '/blank') {
      res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<!doctype html><title>blank</title><p>No video here.</p>');
      return;
    }
    const file = files[url.pathname.slice(3)];
    if (!file) return void res.writeHead(404).end();
    const size = statSync(file).size;
    const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    const start = m?.[1] ? Number(m[1]) : 0;
    const end = m?.[2] ? Number(m[2]) : size - 1;
    res.writeHead(m ? 206 : 200, {
      'Content-Type': 'video/webm',
      'Accept-Ranges': 'bytes',
      'Content-Length': String(end - start + 1),
      ...(m ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
    });
    createReadStream(file, { start, end }).pipe(res);
  });
  return new Promise<{ port: number; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: (server.address() as AddressInfo).port, close: () => server.close() }),
    ),
  );
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  await mkdir(cache, { recursive: true });
  const ext = path.join(cache, 'ext');
  execFileSync(process.execPath, ['build.mjs', '--test', '--browser', 'chrome', '--out', ext], { cwd: root });
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

  const v = await videos();
  const server = await serve({ '720p': v['720p'], '1080p': v['1080p'] });
  const profile = path.join(cache, `profile-${process.pid}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    viewport: { width: 1600, height: 900 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      `--disable-extensions-except=${path.join(ext, 'chrome')}`,
      `--load-extension=${path.join(ext, 'chrome')}`,
    ],
  });
  if (!context.serviceWorkers()[0]) await context.waitForEvent('serviceworker');
  const origin = `http://127.0.0.1:${server.port}`;

  for (const q of ['720p', '1080p'] as const) {
    const p = await context.newPage();
    const nav = performance.now();
    await p.goto(`${origin}/page?q=${q}`);
    await p.waitForFunction(() =>
      document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.toolbar'),
    );
    const ready = await p.evaluate(
      () =>
        performance.now() - performance.timing.domContentLoadedEventEnd + performance.timing.navigationStart,
    );
    await p.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
    const ours: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await p.evaluate(
        (t) =>
          new Promise((r) => {
            const vid = document.querySelector('video') as HTMLVideoElement;
            vid.pause();
            vid.addEventListener('seeked', r, { once: true });
            vid.currentTime = t;
          }),
        2 + ((i * 3.7) % 55),
      );
      bare.push(await p.evaluate(() => (window as unknown as { bare(): Promise<number> }).bare()));
      const shown = p.evaluate(
        (n) =>
          new Promise<number>((resolve) => {
            const root = document.querySelector('talkmark-panel')?.shadowRoot as ShadowRoot;
            const check = () => {
              const imgs = [...root.querySelectorAll('img.thumb')] as HTMLImageElement[];
              if (imgs.length > n && imgs.every((x) => x.complete && x.naturalWidth > 0))
                return resolve(performance.now());
              requestAnimationFrame(check);
            };
            check();
          }),
        i,
      );
      await p.keyboard.press('s');
      const t1 = await shown;
      const t0 = await p.evaluate(
        () => (window as unknown as { keyAt: number[] }).keyAt.at(-1) ?? Number.NaN,
      );
      ours.push(t1 - t0);
    }
    console.log(
      `${q}: key → stored + thumbnail p50 ${ms(pct(ours, 50))}, p95 ${ms(pct(ours, 95))}` +
        ` | bare drawImage+JPEG p50 ${ms(pct(bare, 50))}, p95 ${ms(pct(bare, 95))} | ratio p50 ${(pct(ours, 50) / pct(bare, 50)).toFixed(2)}x` +
        ` | panel ready ${ms(ready)} after DOMContentLoaded (goto took ${ms(performance.now() - nav)})`,
    );
    record.capture(q, ours, bare, ready);
    await p.close();
  }

  // A page without video: with the content script (127.0.0.1 matches) and without (localhost doesn't).
  const idle = async (url: string) => {
    const p = await context.newPage();
    await p.goto(url);
    await p.waitForTimeout(1500);
    const cdp = await context.newCDPSession(p);
    await cdp.send('Performance.enable');
    const get = async () =>
      Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
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
  await context.close();
  server.close();
}

await main();
