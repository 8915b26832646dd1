import { Parser } from 'commonmark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  humanFileName,
  isSafeRelativePath,
  postSlug,
  slugify,
  uniqueName,
} from '../../../src/core/export/escape-filename';
import {
  escapeInline,
  headingMarkdown,
  safeUrl,
  startsAsParagraph,
} from '../../../src/core/export/escape-markdown';
import { shortcodeArg } from '../../../src/core/export/escape-shortcode';
import { normalizeInline, wellFormed } from '../../../src/core/export/escape-text';
import { yamlFrontMatter, yamlString } from '../../../src/core/export/escape-yaml';
import { hostileString, plainText } from './helpers';

describe('yamlString', () => {
  it('round-trips arbitrary strings through a YAML parser', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        expect(parseYaml(`k: ${yamlString(s)}`)).toEqual({ k: wellFormed(s) });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a value with `---`, colons and leading indicators inside the scalar', () => {
    const fm = yamlFrontMatter([
      ['title', '---\n@at: *star & !bang %pct'],
      ['tags', ['a: b', '- c']],
      ['toc', true],
    ]);
    expect(fm.split('\n').filter((l) => l === '---')).toHaveLength(2);
    const body = fm.replace(/^---\n|---\n$/g, '');
    expect(parseYaml(body)).toEqual({
      title: '---\n@at: *star & !bang %pct',
      tags: ['a: b', '- c'],
      toc: true,
    });
  });

  it('refuses a key that is not a plain identifier', () => {
    expect(() => yamlFrontMatter([['bad key: x', 'v']])).toThrow(/not plain/);
  });
});

describe('escapeInline (CommonMark)', () => {
  it('renders as the literal text in a heading and a paragraph', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const esc = escapeInline(s, 'commonmark');
        const heading = new Parser().parse(`### ${esc}`).firstChild;
        const expected = normalizeInline(s);
        if (expected === '') return;
        expect(heading?.type).toBe('heading');
        expect(heading && plainText(heading)).toBe(expected);
        // Prefixed: a parser drops a BOM at the very start of a document, which an export never has.
        const para = new Parser().parse(`p ${esc}`).firstChild;
        expect(para?.type).toBe('paragraph');
        expect(para && plainText(para)).toBe(`p ${expected}`);
      }),
      { numRuns: 500 },
    );
  });

  it('defuses block starts, HTML and shortcodes', () => {
    for (const s of [
      '# not a heading',
      '> not a quote',
      '- not a list',
      '1. not a list',
      '```',
      '<script>x</script>',
      '{{< figure >}}',
    ]) {
      const doc = new Parser().parse(escapeInline(s, 'commonmark'));
      expect(doc.firstChild?.type).toBe('paragraph');
      expect(doc.firstChild?.firstChild?.next ?? null).not.toBeNull(); // escapes split text; no html nodes
      const types: string[] = [];
      const w = doc.walker();
      for (let ev = w.next(); ev; ev = w.next()) types.push(ev.node.type);
      expect(types).not.toContain('html_inline');
    }
    expect(escapeInline('{{< x >}}', 'commonmark')).not.toContain('{{<');
  });

  it('kramdown: escapes its own set, `&`, `~` and `^` as entities, Liquid braces split', () => {
    expect(escapeInline('~~x~~ [^1]', 'kramdown')).toBe('&#126;&#126;x&#126;&#126; \\[&#94;1\\]');
    expect(escapeInline('a & "b" -- {{ c }} {% d %}', 'kramdown')).toBe(
      'a &amp; \\"b\\" \\-\\- &#123;&#123; c \\}\\} &#123;% d %\\}',
    );
  });
});

describe('headingMarkdown', () => {
  it('keeps inline Markdown, puts it on one line, and protects a trailing #', () => {
    expect(headingMarkdown('Use **bold**\nplease')).toBe('Use **bold** please');
    const h = new Parser().parse(`#### ${headingMarkdown('Issue #')}`).firstChild;
    expect(h && plainText(h)).toBe('Issue #');
  });
});

describe('shortcodeArg', () => {
  it('uses a raw string unless the text has a backtick', () => {
    expect(shortcodeArg('a "b" >}} {{< c \\')).toBe('`a "b" >}} {{< c \\`');
    expect(shortcodeArg('tick ` and "quote"')).toBe('"tick ` and \\"quote\\""');
    expect(shortcodeArg('tick `\\` ends \\')).toBe('"tick `\uFF3C` ends \uFF3C"');
  });
});

describe('safeUrl and paragraphs', () => {
  it('only lets http(s) through, with destination-breaking characters encoded', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,x')).toBeNull();
    expect(safeUrl('https://e.org/a (b)<c>')).toBe('https://e.org/a%20%28b%29%3Cc%3E');
  });
  it('tells paragraphs from block starts', () => {
    expect(startsAsParagraph('Plain words')).toBe(true);
    for (const s of ['# h', '- x', '1. x', '> q', '```', '    code', '<div>', '', '| a |'])
      expect(startsAsParagraph(s)).toBe(false);
  });
});

describe('file names', () => {
  it('slugs are ASCII, bounded, traversal-free and never reserved', () => {
    expect(slugify('Ça va? Überschall — 東京 talk')).toBe('ca-va-uberschall-talk');
    expect(postSlug('../../etc/passwd', 'x')).toBe('etc-passwd');
    expect(postSlug('CON', 'x')).toBe('con-post');
    expect(postSlug('', '東京')).toBe('post');
    fc.assert(
      fc.property(hostileString, hostileString, (a, b) => {
        const s = postSlug(a, b);
        expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(s.length).toBeLessThanOrEqual(85);
        expect(isSafeRelativePath(`${s}/index.md`)).toBe(true);
      }),
    );
  });

  it('human names keep Unicode and drop what file systems and Obsidian refuse', () => {
    expect(humanFileName('Day 2: "Ships" / <Shores> #1', 'f')).toBe('Day 2 Ships Shores 1');
    expect(humanFileName('..', 'fallback')).toBe('fallback');
    expect(humanFileName('nul', 'fallback')).toBe('fallback');
    expect(humanFileName('東京 — día', 'f')).toBe('東京 — día');
  });

  it('makes names unique, case-insensitively, before the extension', () => {
    const taken = new Set<string>();
    expect(['a.jpg', 'A.jpg', 'a.jpg', 'b'].map((n) => uniqueName(n, taken))).toEqual([
      'a.jpg',
      'A-2.jpg',
      'a-3.jpg',
      'b',
    ]);
  });

  it('refuses paths that leave the folder', () => {
    for (const p of ['../x', 'a/../../x', '/etc/x', 'C:/x', 'a\\b', 'a//b', '', './a'])
      expect(isSafeRelativePath(p)).toBe(false);
    expect(isSafeRelativePath('a/b/c.md')).toBe(true);
  });
});

describe('escaped CommonMark stays readable', () => {
  it('leaves prose punctuation bare', () => {
    expect(escapeInline('Hello, world: 50% done? See a@b.org/x; ok.', 'commonmark')).toBe(
      'Hello, world: 50% done? See a@b.org/x; ok.',
    );
  });

  it('escapes a leading list number and dot runs the typographer would turn into an ellipsis', () => {
    expect(escapeInline('1. Intro', 'commonmark')).toBe('1\\. Intro');
    expect(escapeInline('Wait... what', 'commonmark')).toBe('Wait\\.\\.\\. what');
  });
});
