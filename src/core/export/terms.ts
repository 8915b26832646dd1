// Tags and categories: Hugo and Jekyll make a folder (and a URL) of each term, so a term that
// is a path (`../../x`, `😀..`), hides itself (`.net`), names nothing (`./.././/`) or is longer than a
// file name can be fails or escapes the site's build. The library says what is wrong where a
// term is typed and keeps it as typed; exports write the normalised term.
import { cutToBytes, utf8Length } from './escape-filename';
import { normalizeInline } from './escape-text';

/** Bytes a term may take: its folder name, with room for a site's own suffixes. */
export const MAX_TERM_BYTES = 120;

// Read as folders (`/`, `\`), as a URL's scheme or query (`:`, `?`) or as an escape (`%`):
// replaced by a space. (Jekyll fails on a category like `a:b`, Hugo on `./.././/`.)
const separators = /[/\\%:?]+/g;
const meaningful = /[\p{L}\p{N}\p{So}]/u;
// A dot not between letters or digits: Hugo drops the symbols around it when it makes the
// term's folder, so `😀..` or `[..]` would name `..` ("missing taxonomy"). `node.js` is fine.
const strayDot = /(?<![\p{L}\p{N}])\.|\.(?![\p{L}\p{N}])/gu;

/** The term as an export writes it, or "" when nothing usable is left. */
export function exportTerm(term: string): string {
  const cleaned = normalizeInline(term)
    .normalize('NFC')
    .replace(separators, ' ')
    .replace(strayDot, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (!meaningful.test(cleaned)) return '';
  // A cut can leave a dot at the end, with nothing after it.
  return cutToBytes(cleaned, MAX_TERM_BYTES).replace(strayDot, ' ').replace(/ {2,}/g, ' ').trim();
}

/** The terms an export writes: normalised, without empty ones and case-insensitive repeats. */
export function exportTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of terms) {
    const term = exportTerm(t);
    const key = term.toLowerCase();
    if (term === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(term);
  }
  return out;
}

/** What is wrong with each term, in words, and what an export does about it; [] when all is well. */
export function termProblems(terms: readonly string[], kind: 'tag' | 'category'): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const raw of terms) {
    const term = normalizeInline(raw);
    if (term === '') continue;
    const out = exportTerm(term);
    const shown = `“${term.length > 40 ? `${term.slice(0, 40)}…` : term}”`;
    let why = '';
    if (out === '') why = `has no letter or digit, so it can't name a page: exports leave it out`;
    else if (/[/\\]/.test(term)) why = `holds “/” or “\\”, which sites read as folders`;
    else if (/[:?]/.test(term)) why = `holds “:” or “?”, which URLs read as a scheme or a query`;
    else if (term.includes('%')) why = `holds “%”, which URLs read as an escape`;
    else if (term.startsWith('.')) why = `starts with a dot, which hides the ${kind}'s folder`;
    else if (new RegExp(strayDot.source, 'u').test(term))
      why = `holds a dot that isn't between letters or digits, which sites can read as a folder`;
    else if (utf8Length(term) > MAX_TERM_BYTES)
      why = `is ${utf8Length(term)} bytes long; a ${kind}'s folder name can take ${MAX_TERM_BYTES}`;
    else if (seen.has(out.toLowerCase())) why = `is the same ${kind} as one before it (sites ignore case)`;
    if (out !== '') seen.add(out.toLowerCase());
    if (!why) continue;
    const duplicate = why.startsWith('is the same');
    const fix = duplicate
      ? ': exports keep the first'
      : out === '' || out === term
        ? ''
        : `: exported as “${out}”`;
    problems.push(`The ${kind} ${shown} ${why}${fix}.`);
  }
  return problems;
}
