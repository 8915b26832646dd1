// Text longer than a note holds is split, never cut off: the pieces each fit, join back to
// exactly the text, and break at a line or a space near the limit, never inside an emoji.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charactersLeft, noteLimit, splitMessage, splitNoteText } from '../../../src/core/note-limit';

describe('splitting a note too long for one', () => {
  it('keeps a text that fits whole', () => {
    expect(splitNoteText('short')).toEqual(['short']);
    expect(splitNoteText('x'.repeat(noteLimit))).toHaveLength(1);
  });

  it('splits 120,000 characters into two notes that join back to the paste', () => {
    const words = 'lorem ipsum dolor sit amet '.repeat(5_000).slice(0, 120_000);
    const pieces = splitNoteText(words);
    expect(pieces).toHaveLength(2);
    expect(pieces.join('')).toBe(words);
    expect(pieces[0]?.length).toBeLessThanOrEqual(noteLimit);
    // Cut after a space, not inside a word.
    expect(pieces[0]?.endsWith(' ')).toBe(true);
    expect(pieces[0]?.length).toBeGreaterThan(noteLimit - 30);
  });

  it('prefers a line break near the limit', () => {
    const text = `${'a'.repeat(noteLimit - 500)}\n${'b '.repeat(1000)}`;
    const [first] = splitNoteText(text);
    expect(first).toBe(`${'a'.repeat(noteLimit - 500)}\n`);
  });

  it('never splits an emoji', () => {
    const text = `${'x'.repeat(noteLimit - 1)}😀😀`;
    const pieces = splitNoteText(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces[0]).toBe('x'.repeat(noteLimit - 1));
    expect(pieces[1]).toBe('😀😀');
  });

  it('for any text and limit: pieces fit, none is empty but a lone one, and they join back', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '\n', '😀', 'é', '漢'), maxLength: 400 }),
        fc.integer({ min: 2, max: 60 }),
        (text, limit) => {
          const pieces = splitNoteText(text, limit);
          expect(pieces.join('')).toBe(text);
          for (const p of pieces) expect(p.length).toBeLessThanOrEqual(limit);
          if (pieces.length > 1) for (const p of pieces) expect(p.length).toBeGreaterThan(0);
          for (const p of pieces.slice(0, -1)) {
            const last = p.charCodeAt(p.length - 1);
            expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('says where the rest went, and counts down near the limit', () => {
    expect(splitMessage(['a', 'bb', 'ccc'])).toContain('the other 5 went on in 2 new notes');
    expect(charactersLeft(10)).toBeNull();
    expect(charactersLeft(noteLimit - 1_000)).toBe(
      '1,000 characters left in this note; more goes on in a new note.',
    );
  });
});
