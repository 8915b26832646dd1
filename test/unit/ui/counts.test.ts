// Counts in words: one is singular, slides are counted apart from the notes they are among.
import { describe, expect, it } from 'vitest';
import { countsText, plural } from '../../../src/ui/counts';

describe('counts in words', () => {
  it('says "1 talk" and "1 note", never "1 talks"', () => {
    expect(countsText({ talks: 1, notes: 1, slides: 0 })).toBe('1 talk, 1 note');
    expect(countsText({ talks: 0, notes: 0, slides: 0 })).toBe('0 talks, 0 notes');
    expect(plural(1, 'slide')).toBe('1 slide');
  });

  it('counts notes and slides apart (stored notes include the slides)', () => {
    expect(countsText({ talks: 2, notes: 10, slides: 6 })).toBe('2 talks, 4 notes, 6 slides');
    expect(countsText({ notes: 1, slides: 1 })).toBe('0 notes, 1 slide');
    expect(countsText({ notes: 3, slides: 1 })).toBe('2 notes, 1 slide');
  });

  it('groups large numbers', () => {
    expect(countsText({ talks: 3, notes: 10_009, slides: 4 })).toBe('3 talks, 10,005 notes, 4 slides');
  });
});
