// A best guess at who speaks, from common conference title patterns. Always editable.
import type { Speaker } from './model';

/** "Title - Jane Doe, Acme" | "Title | Jane Doe (Acme)" | "Keynote: Title by Jane Doe" */
export function guessSpeakers(title: string): Speaker[] {
  const t = title.replace(/\s+/g, ' ').trim();
  let tail: string | undefined;
  const dash = t.split(/\s[-–—|]\s/);
  if (dash.length >= 2) tail = dash[dash.length - 1];
  else {
    const by = /\bby\s+(.+)$/i.exec(t);
    tail = by?.[1];
  }
  if (!tail) return [];
  // Drop trailing noise like "(Intermediate Skill Level)" or "[2024]".
  tail = tail.replace(/\s*[[(][^\])]*(level|20\d\d|19\d\d)[^\])]*[\])]\s*$/i, '').trim();
  const orgInParens = /^(.+?)\s*\(([^)]+)\)$/.exec(tail);
  let names = tail;
  let org: string | undefined;
  if (orgInParens?.[1] && orgInParens[2]) {
    names = orgInParens[1];
    org = orgInParens[2].trim();
  } else {
    const comma = tail.split(/,\s*/);
    if (comma.length >= 2) {
      names = comma[0] ?? '';
      org = comma[comma.length - 1]?.trim();
    }
  }
  const people = names
    .split(/\s*(?:&|\band\b|\+)\s*/)
    .map((n) => n.trim())
    .filter((n) => /^[\p{Lu}][\p{L}'.-]+(\s+[\p{L}'.-]+){0,3}$/u.test(n));
  return people.map((name) => (org ? { name, org } : { name }));
}

/** "Jane Doe (Acme), Bo Li" — how the panel shows speakers for editing. */
export function formatSpeakers(speakers: readonly Speaker[]): string {
  return speakers.map((s) => (s.org ? `${s.name} (${s.org})` : s.name)).join(', ');
}

/** The inverse of formatSpeakers: "Jane Doe (Acme), Bo Li" → two speakers; blanks dropped. */
export function parseSpeakers(text: string): Speaker[] {
  const out: Speaker[] = [];
  // Split on commas outside parentheses, so "Jane (Acme, Inc.)" stays one speaker.
  let depth = 0;
  let current = '';
  const parts: string[] = [];
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === ';') && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  for (const part of parts) {
    const p = part.replace(/\s+/g, ' ').trim();
    if (!p) continue;
    const m = /^(.+?)\s*\(([^()]*)\)$/.exec(p);
    const name = (m?.[1] ?? p).trim();
    const org = m?.[2]?.trim();
    if (name) out.push(org ? { name, org } : { name });
  }
  return out;
}
