// How many talks, notes and slides something holds, in words a user reads at a glance:
// "1 talk, 4 notes, 6 slides". The stored counts (store/counts.ts) count every note,
// slides included; a reader thinks of slides apart, so notes here are the ones that aren't.

export interface CountsIn {
  /** Omitted where talks aren't counted (one talk's own counts). */
  talks?: number;
  /** Every note, slides included (as stored). */
  notes: number;
  slides: number;
}

/**
 * 10,000: digits grouped by hand, as the rest of the page is in English. toLocaleString() would
 * set up the browser's number formatting on first use, which cost the popup several
 * milliseconds of its first paint (npm run bench:library) and the library more than a search.
 */
export const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "1 talk", "2 notes": the number (grouped, "10,000") and the word in the right number. */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${grouped(n)} ${n === 1 ? one : many}`;

/** "1 talk, 4 notes, 6 slides"; slides only when there are some. */
export function countsText(c: CountsIn): string {
  const parts: string[] = [];
  if (c.talks !== undefined) parts.push(plural(c.talks, 'talk'));
  parts.push(plural(Math.max(0, c.notes - c.slides), 'note'));
  if (c.slides > 0) parts.push(plural(c.slides, 'slide'));
  return parts.join(', ');
}
