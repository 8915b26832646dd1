// @vitest-environment happy-dom
// Notes' Markdown rendered as Preact elements: the subset notes use, and hostile text that must
// stay text (no script, no handler, no javascript: link, no element outside the subset).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Markdown, plainText, renderMarkdown, safeHref } from '../../../src/ui/markdown';
import { mount } from './dom';

const shown = (text: string) => mount(<Markdown text={text} />).querySelector('.md') as HTMLElement;
const allowed = new Set([
  'DIV',
  'P',
  'BR',
  'UL',
  'OL',
  'LI',
  'PRE',
  'CODE',
  'BLOCKQUOTE',
  'STRONG',
  'EM',
  'A',
]);

/** Fails unless every element is one of the subset and every link is a safe one in a new tab. */
function expectSafe(root: HTMLElement): void {
  for (const el of root.querySelectorAll('*')) {
    expect(allowed.has(el.tagName), el.tagName).toBe(true);
    for (const attr of el.getAttributeNames()) {
      expect(['href', 'target', 'rel', 'class'].includes(attr), `${el.tagName}[${attr}]`).toBe(true);
    }
    if (el.tagName === 'A') {
      expect(/^(https?:|mailto:)/.test(el.getAttribute('href') ?? '')).toBe(true);
      expect(el.getAttribute('target')).toBe('_blank');
      expect(el.getAttribute('rel')).toContain('noopener');
    }
  }
}

describe('Markdown in notes', () => {
  it('renders bold, italic, code, links and lists, and keeps line breaks', () => {
    const md = shown(
      'A **bold** and *italic* and _also_ with `a <b>` in code\nsecond line\n\n- one\n- two [docs](https://example.org/a?b=1)\n\n1. first\n2. second',
    );
    expect(md.querySelector('p strong')?.textContent).toBe('bold');
    expect(md.querySelectorAll('p em')).toHaveLength(2);
    expect(md.querySelector('p code')?.textContent).toBe('a <b>');
    expect(md.querySelector('p br')).not.toBeNull();
    expect([...md.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['one', 'two docs']);
    expect(md.querySelector('ul a')?.getAttribute('href')).toBe('https://example.org/a?b=1');
    expect([...md.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual(['first', 'second']);
    expect(md.textContent).not.toContain('**');
    expectSafe(md);
  });

  it('links bare web addresses without their trailing punctuation, and leaves snake_case alone', () => {
    const md = shown('See https://example.org/x. And some_long_name here, mailto [me](mailto:a@b.example)');
    const links = [...md.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://example.org/x', 'mailto:a@b.example']);
    expect(md.textContent).toContain('some_long_name');
    expect(md.querySelector('em')).toBeNull();
  });

  it('shows fenced code and quotes as they are, markup and all', () => {
    const md = shown('```\n**not bold** <script>x</script>\n```\n> quoted *words*');
    expect(md.querySelector('pre code')?.textContent).toBe('**not bold** <script>x</script>');
    expect(md.querySelector('blockquote em')?.textContent).toBe('words');
    expectSafe(md);
  });

  it('never links to javascript:, data: or relative addresses: they stay text', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<b>x</b>',
      '/local',
      'vbscript:x',
    ]) {
      expect(safeHref(bad)).toBeNull();
      const md = shown(`[click](${bad})`);
      expect(md.querySelector('a')).toBeNull();
      expect(md.textContent).toContain('click');
    }
  });

  it('keeps hostile text as text: generated input never yields another element or attribute', () => {
    const pieces = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '"><svg onload=alert(1)>',
      '[x](javascript:alert(1))',
      '[x](https://ok.example/")',
      '**',
      '*',
      '_',
      '`',
      '[',
      '](',
      ')',
      '\\',
      '\n',
      '\n\n',
      '- ',
      '1. ',
      '> ',
      '```',
      'https://a.example/(x)',
      '&lt;',
      '\u202e',
      '👩🏽‍💻',
      'text',
      ' ',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const md = shown(parts.join(''));
        expectSafe(md);
        expect(md.querySelector('script, img, svg')).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('renders a note at the length limit made of unclosed markers, keeping every character', () => {
    for (const unit of ['[', '](', '*a', '_a ', '`', 'http ', '**[x](']) {
      const text = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
      // Rendered in full outside the DOM (50,000 elements are slow in happy-dom), then a slice in it.
      const words = plainText(text);
      // Every letter stays (markers may go where they pair up).
      expect(words.replace(/[^a-z]/g, ''), unit).toBe(text.replace(/[^a-z]/g, ''));
      expect(renderMarkdown(text).length).toBeGreaterThan(0);
      const md = shown(text.slice(0, 3000));
      expectSafe(md);
    }
  });

  it('reduces Markdown to its words for summaries', () => {
    expect(plainText('# Head\n- **bold** and `code` [link](https://x.example)\n- two')).toBe(
      'Head\nbold and code link\ntwo',
    );
  });
});
