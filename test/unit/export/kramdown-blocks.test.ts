// Notes for Jekyll through Jekyll's own Markdown converter (kramdown, GFM input, Jekyll's
// defaults), one Ruby process for the lot: over generated hostile notes, (a) a note between two
// blocks renders exactly as it does alone (it can't change its neighbours, nor they it), (b) the
// blocks around it survive, (c) every literal string shows as typed, and (d) no element comes
// from a note's text. The real site build (hostile-build.test.ts) checks whole posts.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { BLOCK_SEPARATOR, noteMarkdown, separatorNeeded } from '../../../src/core/export/escape-note';
import { requireTool } from './helpers';
import { hostileNote, literalTokens } from './hostile-notes';

const seed = Number(process.env.EXPORT_SEED) || 424242;
const NOTES = 300;

const converter = `
require 'jekyll'
require 'json'
site = Jekyll::Site.new(Jekyll.configuration({'source' => Dir.pwd, 'destination' => Dir.pwd + '/_site', 'quiet' => true}))
md = site.find_converter_instance(Jekyll::Converters::Markdown)
STDIN.each_line { |l| puts JSON.generate(md.convert(JSON.parse(l))) }
`;

/** Each Markdown document converted by Jekyll, in order. */
function jekyllHtml(docs: string[]): string[] {
  const run = spawnSync('ruby', ['-e', converter], {
    input: docs.map((d) => JSON.stringify(d)).join('\n'),
    encoding: 'utf8',
    cwd: '/',
    timeout: 100_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`jekyll's converter failed: ${run.stderr}`);
  return run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as string);
}

/** Blocks joined as the post body joins them (a separator after a list another block would continue). */
function body(blocks: string[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    const last = out.length - 1;
    if (last >= 0 && separatorNeeded(out[last] ?? '', b)) out[last] += `\n\n${BLOCK_SEPARATOR}`;
    out.push(b);
  }
  return out.join('\n\n');
}

const markdownTags = new Set(
  'P H1 H2 H3 H4 H5 H6 UL OL LI BLOCKQUOTE PRE CODE EM STRONG A HR BR DEL TABLE THEAD TBODY TR TH TD SPAN IMG'.split(
    ' ',
  ),
);

function children(html: string) {
  const div = new Window().document.createElement('div');
  div.innerHTML = html;
  return Array.from(div.children);
}
const shape = (els: readonly { outerHTML: string }[]) =>
  els.map((e) => e.outerHTML.replace(/\s+/g, ' ')).join('');

describe('notes for Jekyll, through its kramdown', () => {
  it('render alone as they do between other blocks, and only as Markdown', { timeout: 120_000 }, () => {
    requireTool('jekyll');
    const texts = fc.sample(hostileNote, { numRuns: NOTES, seed });
    const notes = texts.map((n) => noteMarkdown(n, 'jekyll', false));
    // The note after a paragraph (which a definition or setext line would take) and before a
    // paragraph, a list item and indented text (which an open list or code would take).
    const docs = notes.flatMap((md) => [
      md,
      body(['Before it', md, 'After it']),
      body(['### Heading', md, '- item after']),
      body(['Text', md, '    indented after']),
    ]);
    const html = jekyllHtml(docs);
    notes.forEach((_, i) => {
      const where = `note ${JSON.stringify(texts[i])} (seed ${seed})`;
      const alone = children(html[4 * i] ?? '');
      const between = children(html[4 * i + 1] ?? '');
      expect(shape(between.slice(1, -1)), where).toBe(shape(alone));
      expect(between[0]?.outerHTML, where).toBe('<p>Before it</p>');
      expect(between[between.length - 1]?.outerHTML, where).toBe('<p>After it</p>');
      const list = children(html[4 * i + 2] ?? '');
      expect(list[0]?.tagName, where).toBe('H3');
      expect(list[list.length - 1]?.outerHTML.replace(/\s+/g, ''), where).toBe('<ul><li>itemafter</li></ul>');
      const code = children(html[4 * i + 3] ?? '');
      expect(code[0]?.outerHTML, where).toBe('<p>Text</p>');
      expect(code[code.length - 1]?.textContent, where).toBe('indented after\n');
      const text = alone.map((e) => e.textContent ?? '').join(' ');
      for (const t of literalTokens) if (texts[i]?.includes(t)) expect(text, `${t} in ${where}`).toContain(t);
      for (const el of alone.flatMap((e) => [e, ...Array.from(e.querySelectorAll('*'))])) {
        const highlight =
          /^(?:DIV|PRE|CODE|SPAN)$/.test(el.tagName) && /highlight|language-/.test(el.className);
        expect(highlight || markdownTags.has(el.tagName), `<${el.tagName}> in ${where}`).toBe(true);
        for (const a of Array.from(el.attributes)) expect(a.name, where).not.toMatch(/^on/i);
      }
    });
  });
});
