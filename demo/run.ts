// The demo: a scripted session with the built extension in headless Chromium on the bundled
// sample talk — slides, notes and a quote — then the library's Back up, then the same
// exporter the CLI runs, writing a Hugo page bundle and plain Markdown into ./demo-out/.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runExport } from '../src/cli/export';
import { launch, type TestPage } from '../test/e2e/browsers';
import { startServer } from '../test/e2e/server';
import { seek, startNote, waitForPanel } from '../test/e2e/video-page';
import { ensureVideos } from '../test/fixtures/make-videos.mjs';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'demo-out');
const dist = path.join(root, 'dist-test', 'demo');

/** What the demo does at each moment of the sample talk. */
const script: Array<{ at: number; slide?: boolean; note?: string; quote?: boolean }> = [
  {
    at: 3,
    slide: true,
    note: 'Ada opens with the *why*: most of what we hear at a conference is gone a week later.',
  },
  { at: 14, slide: true },
  { at: 15, quote: true },
  {
    at: 26,
    slide: true,
    note: 'Three things worth keeping: notes with times, quotes, and the slides themselves.',
  },
  { at: 42, slide: true, note: 'Every note keeps its moment, so a reader can jump straight to it.' },
  { at: 57, slide: true },
  {
    at: 72,
    slide: true,
    note: 'Short, practical, and a good reminder to write things down while they are fresh.',
  },
];

async function step(page: TestPage, at: number, run: () => Promise<void>) {
  await seek(page, at);
  await run();
}

async function main() {
  const started = Date.now();
  console.log('Building the extension for the demo…');
  execFileSync(process.execPath, ['build.mjs', '--test', '--browser', 'chrome', '--out', dist], {
    cwd: root,
    stdio: 'inherit',
  });
  const videos = await ensureVideos();
  const video = path.basename(videos['sample-talk'] ?? '');
  const server = await startServer();
  const browser = await launch('chromium', path.join(dist, 'chrome'), server.origin);
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/demo/talk.html?src=${video}`);
    await waitForPanel(page);
    let slides = 0;
    for (const s of script) {
      await step(page, s.at, async () => {
        if (s.slide) {
          slides++;
          await page.press('s');
          await page.waitFor(
            (n) =>
              (document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('.note-slide').length ??
                0) >= n,
            slides,
            15000,
          );
        }
        if (s.quote) {
          await page.press('q');
          await page.waitFor(
            () => document.querySelector('talkmark-panel')?.shadowRoot?.activeElement?.tagName === 'TEXTAREA',
            null,
          );
          await page.press('Enter');
        }
        if (s.note) {
          await startNote(page);
          await page.type(s.note);
          await page.press('Enter');
        }
      });
      console.log(
        `  ${s.at}s: ${[s.slide && 'slide', s.quote && 'quote', s.note && 'note'].filter(Boolean).join(' + ')}`,
      );
    }

    const library = await browser.newPage();
    await library.goto(browser.extensionUrl('library.html#backup'));
    await library.waitFor(() => document.querySelector('button.back-up'), null);
    const backup = await library.download('button.back-up');
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    const backupFile = path.join(out, 'talkmark-backup.zip');
    await writeFile(backupFile, backup);

    const io = {
      stdout: (s: string) => process.stdout.write(s),
      stderr: (s: string) => process.stderr.write(s),
    };
    for (const format of ['hugo', 'markdown'] as const) {
      const code = await runExport(
        [backupFile, '--format', format, '--all', '--out', path.join(out, format)],
        io,
      );
      if (code !== 0) throw new Error(`export as ${format} failed (exit ${code})`);
    }
    const post = execFileSync('find', [out, '-name', 'index.md'], { encoding: 'utf8' }).trim();
    console.log(`\nDone in ${Math.round((Date.now() - started) / 1000)} s. The exported post:`);
    console.log(`  Hugo page bundle:  ${path.relative(process.cwd(), path.dirname(post))}/`);
    console.log(`  Plain Markdown:    ${path.relative(process.cwd(), path.join(out, 'markdown'))}/`);
    console.log(`  Backup file:       ${path.relative(process.cwd(), backupFile)}`);
    console.log(`\n${(await readFile(post, 'utf8')).split('\n').slice(0, 24).join('\n')}\n…`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(`The demo failed: ${e instanceof Error ? e.stack : e}`);
  process.exit(1);
});
