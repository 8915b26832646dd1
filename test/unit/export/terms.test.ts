// Tags and categories as exports write them, and file names, over arbitrary input: nothing a
// site builder reads as a path, nothing empty, nothing longer than a file name can be.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { humanFileName, isReservedName, utf8Length } from '../../../src/core/export/escape-filename';
import { normalizeInline } from '../../../src/core/export/escape-text';
import { exportTerm, exportTerms, MAX_TERM_BYTES, termProblems } from '../../../src/core/export/terms';
import { hostileString } from './helpers';

const termLike = fc.oneof(
  hostileString,
  fc.constantFrom('../../x', './.././/', '.net', '100%', 'C#', 'C++', 'a/b', 'a\\b', '😀', '...'),
  fc.string({ unit: fc.constantFrom('日', '本', '😀', '/', '.', ' ', 'a'), minLength: 30, maxLength: 90 }),
);

describe('taxonomy terms', () => {
  it('are never a path, hidden, empty or too long, and normalising twice changes nothing', () => {
    fc.assert(
      fc.property(termLike, (raw) => {
        const t = exportTerm(raw);
        if (t === '') return;
        expect(t).not.toMatch(/[/\\%:?]/);
        expect(t).not.toMatch(/^[.\s]|\s$/);
        // Hugo drops symbols around a dot when it makes the folder: only `a.b` dots are safe.
        expect(t).not.toMatch(/(?<![\p{L}\p{N}])\.|\.(?![\p{L}\p{N}])/u);
        expect(t).toMatch(/[\p{L}\p{N}\p{So}]/u);
        expect(utf8Length(t)).toBeLessThanOrEqual(MAX_TERM_BYTES);
        expect(exportTerm(t)).toBe(t);
      }),
      { numRuns: 1000 },
    );
  });

  it('drop repeats that differ only in case, and terms with nothing left', () => {
    expect(exportTerms(['Go', 'go', './.././/', '../../x', 'a/b', 'x'])).toEqual(['Go', 'x', 'a b']);
    // Found by the generated Hugo builds (seeds 4 and 1005): each named `..` there.
    expect(exportTerms(['😀\uFEFF..', '```.. [ 😀', 'node.js', 'v1.2.'])).toEqual([
      '😀',
      '``` [ 😀',
      'node.js',
      'v1.2',
    ]);
  });

  it('a term that exports changed or not at all gets one message saying so', () => {
    fc.assert(
      fc.property(termLike, (raw) => {
        const typed = normalizeInline(raw).normalize('NFC');
        const problems = termProblems([raw], 'tag');
        if (typed === '' || exportTerm(raw) === typed) expect(problems).toEqual([]);
        else
          expect(problems).toEqual([
            expect.stringMatching(/^The tag “.*” .*(exported as “.*”|leave it out)\.$/s),
          ]);
      }),
      { numRuns: 1000 },
    );
    expect(termProblems(['Go', 'go'], 'category')).toEqual([
      'The category “go” is the same category as one before it (sites ignore case): exports keep the first.',
    ]);
  });
});

describe('human file names', () => {
  it('fit in 255 bytes with room for an extension, and are never reserved', () => {
    fc.assert(
      fc.property(termLike, fc.constantFrom('', 'CONIN$', 'conout$', 'nul.txt', 'LPT1', 'x. '), (a, b) => {
        const name = humanFileName(a + b, 'fallback');
        expect(utf8Length(`${name}-99.md`)).toBeLessThanOrEqual(255);
        expect(isReservedName(name)).toBe(false);
        expect(name).not.toMatch(/[\\/:*?"<>|]/);
      }),
      { numRuns: 1000 },
    );
    expect(humanFileName('😀'.repeat(120), 'x')).toBe('😀'.repeat(50));
    expect(humanFileName('日本語'.repeat(45), 'x')).toBe('日本語'.repeat(26));
    expect(humanFileName('CONIN$', 'x')).toBe('x');
  });
});
