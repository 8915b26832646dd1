// Search terms: the words of a text, lower-cased and without accents, so "Résumé" is found
// by "resume". Notes store their terms under a multi-entry index; a query word matches every
// term it is a prefix of.
const MAX_TERM = 64;
const MAX_TERMS = 5_000;

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.slice(0, MAX_TERM));
}

/** The unique terms of the given texts (a note's text and speaker). */
export function termsOf(...texts: Array<string | undefined>): string[] {
  const set = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const w of words(text)) {
      set.add(w);
      if (set.size >= MAX_TERMS) return [...set];
    }
  }
  return [...set];
}

/** The words of a query, each to be matched as a prefix; at most 8 so a query stays cheap. */
export function queryTerms(query: string): string[] {
  return [...new Set(words(query))].slice(0, 8);
}

/** True when every query term is a prefix of some word of `text`. */
export function matchesAll(text: string, query: readonly string[]): boolean {
  const own = words(text);
  return query.every((q) => own.some((w) => w.startsWith(q)));
}
