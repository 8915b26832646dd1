// A best guess at who speaks, from common conference title patterns. Always editable.
import type { Speaker } from './model';

/** A talk's title and speakers, split from a page title such as "Title - Jane Doe, Acme". */
export interface TalkTitle {
  /** The title without the speaker part, when speakers were found in it. */
  title: string;
  speakers: Speaker[];
}

function people(names: string, org?: string, role?: string): Speaker[] {
  return names
    .split(/\s*(?:&|\band\b|\+)\s*/)
    .map((n) => n.trim())
    .filter((n) => /^[\p{Lu}][\p{L}'.-]+(\s+[\p{L}'.-]+){0,3}$/u.test(n))
    .map((name) => ({ name, ...(role ? { role } : {}), ...(org ? { org } : {}) }));
}

/** The speakers named in `tail` ("Jane Doe, Principal Engineer, Acme" or "Bo Li (Cache Co)"). */
function speakersIn(tail: string): Speaker[] {
  // Drop trailing noise like "(Intermediate Skill Level)" or "[2024]".
  const t = tail.replace(/\s*[[(][^\])]*(level|20\d\d|19\d\d)[^\])]*[\])]\s*$/i, '').trim();
  const orgInParens = /^(.+?)\s*\(([^)]+)\)$/.exec(t);
  if (orgInParens?.[1] && orgInParens[2]) return people(orgInParens[1], orgInParens[2].trim());
  const comma = t.split(/,\s*/);
  if (comma.length < 2) return people(t);
  const role = comma.slice(1, -1).join(', ').trim();
  return people(comma[0] ?? '', comma[comma.length - 1]?.trim(), role || undefined);
}

/**
 * "Title - Jane Doe, Acme" | "Title | Jane Doe (Acme)" | "Keynote: Title by Jane Doe": the
 * speakers are a best guess (always editable); the title loses the speaker part only when
 * speakers were found in it, so an export's "Title - Speaker" heading doesn't name them twice.
 */
export function splitTalkTitle(raw: string): TalkTitle {
  const t = raw.replace(/\s+/g, ' ').trim();
  const dash = t.split(/\s[-–—|]\s/);
  if (dash.length >= 2) {
    const speakers = speakersIn(dash[dash.length - 1] ?? '');
    if (speakers.length > 0) {
      const cut = t.length - (dash[dash.length - 1] ?? '').length;
      return {
        title: t
          .slice(0, cut)
          .replace(/\s[-–—|]\s$/, '')
          .trim(),
        speakers,
      };
    }
    return { title: t, speakers: [] };
  }
  const by = /^(.+?)\s+by\s+(.+)$/i.exec(t);
  const speakers = by?.[2] ? speakersIn(by[2]) : [];
  return speakers.length > 0 && by?.[1] ? { title: by[1], speakers } : { title: t, speakers: [] };
}

export function guessSpeakers(title: string): Speaker[] {
  return splitTalkTitle(title).speakers;
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
