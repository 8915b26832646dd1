// A search result's text: the note's words as they read rendered (no Markdown marks), cut to
// the part around the first match, with every word the query matches highlighted. Matching is
// the search's own: each query word is a prefix of a word, in any case and with any accents.
import type { ComponentChildren } from 'preact';
import { queryTerms } from '../store/terms';
import { plainText } from '../ui/markdown';

/** Characters of context shown before the first match, and in all. */
const before = 60;
const span = 220;

const fold = (w: string) => w.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export function HitText({ text, query }: { text: string; query: string }) {
  const terms = queryTerms(query);
  const plain = plainText(text).replace(/\s+/g, ' ').trim();
  const matches = (w: string) => {
    const f = fold(w);
    return terms.some((t) => f.startsWith(t));
  };
  const wordRe = /[\p{L}\p{N}]+/gu;
  let first = -1;
  for (const m of plain.matchAll(wordRe)) {
    if (matches(m[0])) {
      first = m.index;
      break;
    }
  }
  const start = first > before ? plain.lastIndexOf(' ', first - before) + 1 : 0;
  const end = Math.min(plain.length, start + span);
  const shown = plain.slice(start, end);
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const m of shown.matchAll(wordRe)) {
    if (!matches(m[0])) continue;
    if (m.index > last) out.push(shown.slice(last, m.index));
    out.push(<mark key={m.index}>{m[0]}</mark>);
    last = m.index + m[0].length;
  }
  if (last < shown.length) out.push(shown.slice(last));
  return (
    <span class="hit-text">
      {start > 0 && '… '}
      {out}
      {end < plain.length && ' …'}
    </span>
  );
}
