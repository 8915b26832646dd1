// The Jekyll export built by the real `jekyll` (Debian package, 4.3; kramdown with GFM input):
// images exist, headings, quotes and alt texts read as written, Liquid doesn't run.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPost } from '../../../src/core/export';
import type { NoteId } from '../../../src/core/model';
import { hostile, postId } from '../../fixtures/posts/harbour-conf';
import { requireTool } from './helpers';
import { generatedSite } from './site-fixture';

const site = mkdtempSync(join(tmpdir(), 'talkmark-jekyll-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

function write(path: string, data: string | Uint8Array) {
  mkdirSync(dirname(join(site, 'src', path)), { recursive: true });
  writeFileSync(join(site, 'src', path), data);
}

function findHtml(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

describe('Jekyll export, built by jekyll', () => {
  it('renders every talk, quote and slide', { timeout: 90_000 }, () => {
    requireTool('jekyll');
    const seed = Number(process.env.EXPORT_SEED) || Date.now() % 1_000_000;
    const { snapshot, expected } = generatedSite(seed);
    const panelNote = snapshot.notes.find((n) => n.talkId === 't_panel');
    if (!panelNote) throw new Error('fixture');
    // The user's own Markdown is not escaped, so only render_with_liquid: false keeps this text.
    snapshot.notes.push({
      ...panelNote,
      id: 'n_liquid' as NoteId,
      text: 'Liquid: {{ site.title }} {% if true %}ran{% endif %}',
    });
    // A table the user typed stays a table; a `|` anywhere else is text (kramdown would make
    // any line holding one a table row).
    snapshot.notes.push(
      { ...panelNote, id: 'n_table' as NoteId, text: '| Tool | Time |\n|---|--:|\n| `a|b` | <b>2 s</b> |' },
      { ...panelNote, id: 'n_pipe' as NoteId, text: 'Pipes: a | b' },
    );
    const r = exportPost(snapshot, postId, 'jekyll');
    if (!r.ok) throw new Error(r.error);
    write('_config.yml', 'title: "Test {{ site }}"\nmarkdown: kramdown\n');
    write(
      '_layouts/post.html',
      '<html><body><h1>{{ page.title | escape }}</h1><article>{{ content }}</article></body></html>\n',
    );
    for (const f of r.value) write(f.path, f.bytes);
    const out = join(site, 'out');
    const run = spawnSync('jekyll', ['build', '--quiet', '-s', join(site, 'src'), '-d', out], {
      encoding: 'utf8',
      timeout: 80_000,
    });
    expect(run.status, `jekyll failed (seed ${seed}): ${run.stderr}${run.stdout}`).toBe(0);

    const pages = findHtml(out);
    expect(pages).toHaveLength(1);
    const doc = new Window().document;
    doc.documentElement.innerHTML = readFileSync(pages[0] ?? '', 'utf8');
    expect(doc.querySelector('h1')?.textContent).toBe(hostile.postTitle);
    const imgs = Array.from(doc.querySelectorAll('article img'));
    expect(imgs.length).toBe(6 + expected.captions.length);
    for (const img of imgs) {
      const src = img.getAttribute('src') ?? '';
      expect(existsSync(join(out, src)), `missing image ${src}`).toBe(true);
      expect(img.parentElement?.getAttribute('href')).toMatch(
        /^https:\/\/(youtu\.be|vimeo\.com|talks\.example\.org)\//,
      );
    }
    const h3 = Array.from(doc.querySelectorAll('h3')).map((h) => h.textContent);
    expect(h3.slice(0, 2)).toEqual([
      'Keynote: The State of Tiny Compilers - Ines Varga, Principal Engineer, Tidewater Labs',
      `Keynote: ${hostile.talkTitle} - ${hostile.speaker}, ${hostile.role}, ${hostile.org}`,
    ]);
    expect(h3.slice(4), `seed ${seed}`).toEqual(expected.headings);
    const quotes = Array.from(doc.querySelectorAll('blockquote')).map((q) => q.textContent ?? '');
    for (const q of [hostile.quote, ...expected.quotes]) {
      expect(
        quotes.some((t) => t.includes(q)),
        `quote ${JSON.stringify(q)} (seed ${seed})`,
      ).toBe(true);
    }
    const alts = imgs.map((i) => i.getAttribute('alt'));
    expect(alts[2]).toBe(hostile.caption);
    expect(alts.slice(6), `seed ${seed}`).toEqual(expected.captions);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    // Liquid is off for the post: the user's `{{` and `{%` stay text.
    expect(doc.body.textContent).toContain('Liquid: {{ site.title }} {% if true %}ran{% endif %}');
    const tables = Array.from(doc.querySelectorAll('article table')).map((t) =>
      Array.from(t.querySelectorAll('td, th')).map((c) => c.textContent),
    );
    expect(tables).toContainEqual(['Tool', 'Time', 'a|b', '<b>2 s</b>']);
    expect(doc.body.textContent).toContain('Pipes: a | b');
  });
});
