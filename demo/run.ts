// The demo: a scripted day at a fictional conference with the built extension in headless
// Chromium — three talks in two sections, slides with captions, notes, quotes and a heading —
// organised in the library, backed up, then exported by the same code the CLI runs: a Hugo
// page bundle, a Jekyll post, an Obsidian note and plain Markdown in ./demo-out/.
// The talks are watched on a local stand-in for YouTube (demo/watch.html), so the post links to
// their public-looking https://www.youtube.com/watch?v=… pages; the videos themselves are the
// local fixture videos and exist only on this machine.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runExport } from '../src/cli/export';
import { launch, type TestBrowser } from '../test/e2e/browsers';
import { startServer } from '../test/e2e/server';
import { ensureVideos } from '../test/fixtures/make-videos.mjs';
import { talks } from './script';
import { type Library, openLibrary, readStore, watchTalk } from './steps';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'demo-out');
const dist = path.join(root, 'dist-test', 'demo');

async function organise(library: Library, browser: TestBrowser) {
  const [post] = (await library.page.evaluate(readStore, 'posts')) as Array<{ id: string }>;
  if (!post) throw new Error('no post after the first talk');
  await library.page.goto(browser.extensionUrl(`library.html#post/${post.id}`));
  const title = 'Riverbend Dev Days 2026 - Day 1';
  // One field at a time, each saved before the next: the post's details save as one record.
  await library.fill('input[name="title"]', title);
  await library.saved((p) => p.title === title);
  const description = 'Keynote, talks and slides from the first day of Riverbend Dev Days 2026.';
  await library.fill('textarea[name="description"]', description);
  await library.saved((p) => p.description === description);
  await library.fill('input[name="slug"]', 'riverbend-dev-days-2026-day-1');
  await library.saved((p) => p.slug === 'riverbend-dev-days-2026-day-1');
  await library.fill('input[name="date"]', '2026-10-14T09:00');
  await library.saved((p) => p.date.startsWith('2026-10-14T09:00'));
  await library.fill('input[name="tags"]', 'Riverbend Dev Days, Observability, Configuration');
  await library.saved((p) => p.tags.length === 3);
  await library.fill('input[name="categories"]', 'Conferences');
  await library.saved((p) => p.categories.includes('Conferences'));
  // One step at a time: each change saves before the next one builds on it.
  await library.fill('.section-title input', 'Opening Keynote');
  await library.saved((p) => p.sections[0]?.title === 'Opening Keynote');
  await library.page.click('.add-section');
  await library.saved((p) => p.sections.length === 2);
  await library.page.waitFor(() => document.querySelectorAll('.section-title input').length === 2, null);
  await library.fill('.section:last-of-type .section-title input', 'Afternoon Track');
  await library.saved((p) => p.sections.map((s) => s.title).join('|') === 'Opening Keynote|Afternoon Track');
  return post.id;
}

async function main() {
  const started = Date.now();
  console.log('Building the extension for the demo…');
  execFileSync(process.execPath, ['build.mjs', '--test', '--browser', 'chrome', '--out', dist], {
    cwd: root,
    stdio: 'inherit',
  });
  const videos = await ensureVideos();
  const files = ['sample-talk', 'short-clip'].map((v) => path.basename(videos[v] ?? '')).join(',');
  const server = await startServer({ youtubePage: path.join(root, 'demo', 'watch.html') });
  const browser = await launch('chromium', path.join(dist, 'chrome'), server.origin);
  try {
    const library = await openLibrary(browser);
    let postId = '';
    for (const [i, talk] of talks.entries()) {
      console.log(`${talk.name}`);
      await watchTalk(browser, `${server.origin}/youtube/watch?v=${talk.id}&files=${files}`, talk);
      // After the keynote, the post gets its title and its two sections: talks watched later
      // land in the last one, as they do for a user.
      if (i === 0) postId = await organise(library, browser);
    }
    await library.page.goto(browser.extensionUrl(`library.html#post/${postId}`));
    for (const talk of talks) for (const heading of talk.headings ?? []) await library.makeHeading(heading);

    await library.page.goto(browser.extensionUrl('library.html#backup'));
    await library.page.waitFor(() => document.querySelector('button.back-up'), null);
    const backup = await library.page.download('button.back-up');
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    const backupFile = path.join(out, 'talkmark-backup.zip');
    await writeFile(backupFile, backup);

    const io = {
      stdout: (s: string) => process.stdout.write(s),
      stderr: (s: string) => process.stderr.write(s),
    };
    for (const format of ['hugo', 'jekyll', 'obsidian', 'markdown'] as const) {
      const code = await runExport(
        [backupFile, '--format', format, '--all', '--out', path.join(out, format)],
        io,
      );
      if (code !== 0) throw new Error(`export as ${format} failed (exit ${code})`);
    }
    const post = execFileSync('find', [path.join(out, 'hugo'), '-name', 'index.md'], {
      encoding: 'utf8',
    }).trim();
    const rel = (p: string) => path.relative(process.cwd(), p);
    console.log(`\nDone in ${Math.round((Date.now() - started) / 1000)} s. The exported post:`);
    console.log(`  Hugo page bundle:  ${rel(path.dirname(post))}/`);
    for (const f of ['jekyll', 'obsidian', 'markdown'])
      console.log(`  ${f.padEnd(18)} ${rel(path.join(out, f))}/`);
    console.log(`  Backup file:       ${rel(backupFile)}`);
    console.log(`\n${(await readFile(post, 'utf8')).split('\n').slice(0, 40).join('\n')}\n…`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(`The demo failed: ${e instanceof Error ? e.stack : e}`);
  process.exit(1);
});
