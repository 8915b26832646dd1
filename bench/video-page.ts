// What the benches on a video page share (bench/capture, bench/auto-capture): the sample talk at
// 720p and 1080p, a local server for the bench's pages and the videos (with range requests, as a
// real video host answers), the extension's test build and the renderer's main-thread metrics over
// CDP. Chromium with the extension loaded comes from bench/extension-browser.ts.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export const root = path.resolve(import.meta.dirname, '..');

/** Where the 1080p copy of the sample talk is kept, shared by the benches. */
const hdCache = path.join(root, 'bench/.cache/capture');

/** The sample talk: the test fixture (720p) and a 60 s 1080p copy made with ffmpeg once. */
export async function talkVideos(): Promise<Record<'720p' | '1080p', string>> {
  const { ensureVideos } = (await import(path.join(root, 'test/fixtures/make-videos.mjs'))) as {
    ensureVideos: () => Promise<Record<string, string>>;
  };
  const src = (await ensureVideos())['sample-talk'] as string;
  const hd = path.join(hdCache, 'sample-talk-1080p.webm');
  if (!existsSync(hd)) {
    await mkdir(hdCache, { recursive: true });
    // VP8 realtime: quick to make on two cores, decoded by every Chromium build.
    execFileSync('ffmpeg', [
      ...['-y', '-loglevel', 'error', '-i', src, '-t', '60', '-vf', 'scale=1920:1080', '-an'],
      ...['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '4M', hd],
    ]);
  }
  return { '720p': src, '1080p': hd };
}

export interface Served {
  port: number;
  close(): void;
}

/**
 * Serves `pages` (path → HTML, or a function of the request's URL) and `videos` (path → WebM
 * file, answered with byte ranges) on 127.0.0.1, which the test build's content script matches;
 * the same port on `localhost` is the same page where the content script does not run.
 */
export function serve(
  pages: Record<string, string | ((url: URL) => string)>,
  videos: Record<string, string>,
): Promise<Served> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const page = pages[url.pathname];
    if (page !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(typeof page === 'string' ? page : page(url));
      return;
    }
    const file = videos[url.pathname];
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
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: (server.address() as AddressInfo).port, close: () => server.close() }),
    ),
  );
}

/** Builds the extension's test variant (open shadow root, 127.0.0.1 matches); returns its Chrome folder. */
export function buildTestExtension(out: string): string {
  execFileSync(process.execPath, ['build.mjs', '--test', '--browser', 'chrome', '--out', out], { cwd: root });
  return path.join(out, 'chrome');
}

/** Reads the page renderer's main-thread counters (TaskDuration, ScriptDuration in seconds; Nodes…). */
export async function mainThreadMetrics(
  context: BrowserContext,
  page: Page,
): Promise<() => Promise<Record<string, number>>> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
}

/**
 * Waits until the panel's toolbar is in the page (the test build's shadow root is open). A panel
 * that would cover the video (the benches' 960 px video in a 1280 px window) starts folded to its
 * tab: it is unfolded, as a user would, so its list shows the slides.
 */
export async function panelToolbar(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.toolbar, button.tab'),
  );
  await page.evaluate(() =>
    (
      document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('button.tab') as HTMLElement | null
    )?.click(),
  );
  await page.waitForFunction(() =>
    document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.toolbar'),
  );
}
