// The Hugo export built by the real `hugo` (Debian package, 0.111): every figure's image exists,
// every talk heading, quote and caption appears as written, nothing runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPost } from '../../../src/core/export';
import { hostile, postId } from '../../fixtures/posts/harbour-conf';
import { requireTool } from './helpers';
import { generatedSite } from './site-fixture';

const site = mkdtempSync(join(tmpdir(), 'talkmark-hugo-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

function write(path: string, data: string | Uint8Array) {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), data);
}

describe('Hugo export, built by hugo', () => {
  it('renders every talk, quote and figure', { timeout: 60_000 }, () => {
    requireTool('hugo', 'version');
    const seed = Number(process.env.EXPORT_SEED) || Date.now() % 1_000_000;
    const { snapshot, expected } = generatedSite(seed);
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

    const outDir = join(site, 'public/post/harbour-conf-2026-day-2');
    const doc = new Window().document;
    doc.body.innerHTML = readFileSync(join(outDir, 'index.html'), 'utf8');
    const figures = Array.from(doc.querySelectorAll('figure'));
    expect(figures.length).toBe(6 + expected.captions.length);
    for (const img of Array.from(doc.querySelectorAll('img'))) {
      const src = img.getAttribute('src') ?? '';
      expect(existsSync(join(outDir, src)), `missing image ${src}`).toBe(true);
      expect(img.parentElement?.getAttribute('href')).toMatch(
        /^https:\/\/(youtu\.be|vimeo\.com|talks\.example\.org)\//,
      );
    }
    const h3 = Array.from(doc.querySelectorAll('h3')).map((h) => h.textContent);
    expect(h3.slice(0, 4)).toEqual([
      'Keynote: The State of Tiny Compilers - Ines Varga, Principal Engineer, Tidewater Labs',
      `Keynote: ${hostile.talkTitle} - ${hostile.speaker}, ${hostile.role}, ${hostile.org}`,
      'Moving 200 Services to WebAssembly - Noor Haddad, Quayside & Tomás Ñúñez',
      'Live: Q&A (panel)',
    ]);
    expect(h3.slice(4), `seed ${seed}`).toEqual(expected.headings);
    const quotes = Array.from(doc.querySelectorAll('blockquote')).map((q) => q.textContent ?? '');
    for (const q of [hostile.quote, ...expected.quotes]) {
      expect(
        quotes.some((t) => t.includes(q)),
        `quote ${JSON.stringify(q)} (seed ${seed})`,
      ).toBe(true);
    }
    const captions = figures.map((f) => f.querySelector('figcaption h4')?.textContent);
    // The default figure title: "[{event} - ][{label} - ]{slide}"; the fixture's keynotes are labelled.
    expect(captions[2]).toBe(`Keynote - ${hostile.caption}`);
    const alts = figures.map((f) => f.querySelector('img')?.getAttribute('alt'));
    expect(alts[2]).toBe(hostile.caption);
    // Hugo can't keep a backslash in an argument that also holds a backtick (see escape-shortcode).
    const hugoCaption = (c: string) => (c.includes('`') ? c.replace(/\\/g, '\uFF3C') : c);
    expect(captions.slice(6), `seed ${seed}`).toEqual(expected.captions.map(hugoCaption));
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });
});
