// Figure titles, alt text and chapter headings built by the real `hugo` and `jekyll`: talks whose
// slides carry arbitrary hostile words read by OCR, chapters and channels come out as written.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPost } from '../../../src/core/export';
import { normalizeInline } from '../../../src/core/export/escape-text';
import { figureText } from '../../../src/core/export/figure';
import { defaultExportOptions } from '../../../src/core/export/types';
import type { ImageId, NoteId, Snapshot, TalkId } from '../../../src/core/model';
import { harbourConf, postId } from '../../fixtures/posts/harbour-conf';
import { hostileString, requireTool } from './helpers';

const oneLine = hostileString.map((s) => s.replace(/\n/g, ' ')).filter((s) => normalizeInline(s) !== '');

interface Want {
  titles: string[];
  alts: string[];
  chapters: string[];
}

/** The fixture's second section gets `count` talks, each a chapter and a slide with hostile text. */
function generated(seed: number, count = 30): { snapshot: Snapshot; want: Want } {
  const snapshot = harbourConf();
  const base = snapshot.talks[2];
  const red = snapshot.images.find((i) => i.id === 'i_red');
  const section = snapshot.posts[0]?.sections[1];
  if (!base || !red || !section) throw new Error('fixture');
  section.talkIds = [];
  const samples = fc.sample(
    fc.tuple(fc.array(hostileString, { maxLength: 4 }), oneLine, oneLine, oneLine, fc.boolean()),
    {
      numRuns: count,
      seed,
    },
  );
  const want: Want = { titles: [], alts: [], chapters: [] };
  samples.forEach(([lines, title, chapter, channel, typed], i) => {
    const id = `t_ocr${i}` as TalkId;
    const imageId = `i_ocr${i}` as ImageId;
    const talk = { ...base, id, channel, label: '', chapters: [{ start: 10, title: chapter }] };
    snapshot.talks.push(talk);
    section.talkIds.push(id);
    const image = {
      ...red,
      id: imageId,
      text: { lines, title, engine: 'test', readAt: '2026-05-13T18:00:00.000Z' },
    };
    snapshot.images.push(image);
    // Half the slides have a caption typed, which wins over the title read on the slide.
    const note = {
      id: `n_ocr${i}` as NoteId,
      talkId: id,
      time: 20,
      kind: 'slide' as const,
      text: typed ? `Typed ${i}` : '',
      imageId,
      createdAt: base.createdAt,
      updatedAt: base.createdAt,
    };
    snapshot.notes.push(note);
    const f = figureText(defaultExportOptions.figureTitleTemplate, note, talk, image);
    want.titles.push(f.title);
    want.alts.push(f.alt);
    want.chapters.push(normalizeInline(chapter));
  });
  return { snapshot, want };
}

function writer(root: string) {
  return (path: string, data: string | Uint8Array) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), data);
  };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const seed = Number(process.env.EXPORT_SEED) || Date.now() % 1_000_000;

describe('figures and chapters, built by the real tools', () => {
  it('hugo: figure titles, alt texts and chapter headings as written', { timeout: 60_000 }, () => {
    requireTool('hugo', 'version');
    const site = mkdtempSync(join(tmpdir(), 'talkmark-hugo-fig-'));
    dirs.push(site);
    const write = writer(site);
    const { snapshot, want } = generated(seed);
    const r = exportPost(snapshot, postId, 'hugo');
    if (!r.ok) throw new Error(r.error);
    write(
      'config.toml',
      'baseURL = "http://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n',
    );
    write('layouts/_default/single.html', '<article>{{ .Content }}</article>\n');
    write('layouts/_default/list.html', '{{ range .Pages }}{{ .Title }}{{ end }}\n');
    for (const f of r.value) write(`content/post/${f.path}`, f.bytes);
    const run = spawnSync('hugo', ['--quiet', '-s', site], { encoding: 'utf8', timeout: 50_000 });
    expect(run.status, `hugo failed (seed ${seed}): ${run.stderr}`).toBe(0);
    const doc = new Window().document;
    doc.body.innerHTML = readFileSync(join(site, 'public/post/harbour-conf-2026-day-2/index.html'), 'utf8');
    const figures = Array.from(doc.querySelectorAll('figure')).slice(-want.titles.length);
    // Hugo can't keep a backslash in an argument that also holds a backtick (see escape-shortcode).
    const hugo = (c: string) => (c.includes('`') ? c.replace(/\\/g, '\uFF3C') : c);
    expect(
      figures.map((f) => f.querySelector('figcaption h4')?.textContent),
      `seed ${seed}`,
    ).toEqual(want.titles.map(hugo));
    expect(
      figures.map((f) => f.querySelector('img')?.getAttribute('alt')),
      `seed ${seed}`,
    ).toEqual(want.alts.map(hugo));
    // Hugo's figure puts its title in an h4 too: chapter headings are the others.
    const h4 = Array.from(doc.querySelectorAll('h4'))
      .filter((h) => h.parentElement?.tagName !== 'FIGCAPTION')
      .map((h) => h.textContent);
    expect(h4.slice(-want.chapters.length), `seed ${seed}`).toEqual(want.chapters);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });

  it('jekyll: image alt and title attributes and chapter headings as written', { timeout: 90_000 }, () => {
    requireTool('jekyll');
    const root = mkdtempSync(join(tmpdir(), 'talkmark-jekyll-fig-'));
    dirs.push(root);
    const write = writer(join(root, 'src'));
    const { snapshot, want } = generated(seed);
    const r = exportPost(snapshot, postId, 'jekyll');
    if (!r.ok) throw new Error(r.error);
    write('_config.yml', 'title: "Test"\nmarkdown: kramdown\n');
    write('_layouts/post.html', '<html><body><article>{{ content }}</article></body></html>\n');
    for (const f of r.value) write(f.path, f.bytes);
    const out = join(root, 'out');
    const run = spawnSync('jekyll', ['build', '--quiet', '-s', join(root, 'src'), '-d', out], {
      encoding: 'utf8',
      timeout: 80_000,
    });
    expect(run.status, `jekyll failed (seed ${seed}): ${run.stderr}${run.stdout}`).toBe(0);
    const page = readdirSync(out, { recursive: true, withFileTypes: true }).find(
      (e) => e.isFile() && e.name.endsWith('.html'),
    );
    const doc = new Window().document;
    doc.documentElement.innerHTML = readFileSync(join(page?.parentPath ?? '', page?.name ?? ''), 'utf8');
    const imgs = Array.from(doc.querySelectorAll('article img')).slice(-want.titles.length);
    expect(
      imgs.map((i) => i.getAttribute('title')),
      `seed ${seed}`,
    ).toEqual(want.titles);
    expect(
      imgs.map((i) => i.getAttribute('alt')),
      `seed ${seed}`,
    ).toEqual(want.alts);
    const h4 = Array.from(doc.querySelectorAll('h4')).map((h) => h.textContent);
    expect(h4.slice(-want.chapters.length), `seed ${seed}`).toEqual(want.chapters);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });
});
