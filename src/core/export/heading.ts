// A talk's heading from the user's template: "[{label}: ]{title}[ - {speakers}]".
import type { Speaker, Talk } from '../model';
import { normalizeInline } from './escape-text';

/** "Name, Role, Org" for each speaker (empty parts left out), joined with " & ". */
export function formatSpeakers(speakers: readonly Speaker[]): string {
  return speakers
    .map((s) => [s.name, s.role ?? '', s.org ?? ''].map(normalizeInline).filter(Boolean).join(', '))
    .filter(Boolean)
    .join(' & ');
}

function values(talk: Talk): Record<string, string> {
  const names = talk.speakers.map((s) => normalizeInline(s.name)).filter(Boolean);
  return {
    label: normalizeInline(talk.label ?? ''),
    title: normalizeInline(talk.title),
    speakers: formatSpeakers(talk.speakers),
    speaker: names[0] ?? '',
    names: names.join(' & '),
  };
}

const placeholder = /\{([a-z]+)\}/g;

// An unknown `{name}` stays as written: a typo shows in the export instead of vanishing.
function fill(part: string, vals: Readonly<Record<string, string>>): { text: string; empty: boolean } {
  let empty = false;
  const text = part.replace(placeholder, (whole, key: string) => {
    const v = Object.hasOwn(vals, key) ? vals[key] : undefined;
    if (v === undefined) return whole;
    if (v === '') empty = true;
    return v;
  });
  return { text, empty };
}

/**
 * `template` with its `{name}` placeholders filled from `vals` (plain text), as one line. A
 * `[...]` group disappears when any placeholder in it is empty; placeholders outside groups
 * are just replaced.
 */
export function fillTemplate(template: string, vals: Readonly<Record<string, string>>): string {
  let out = '';
  const group = /\[([^\]]*)\]/g;
  let last = 0;
  for (let m = group.exec(template); m !== null; m = group.exec(template)) {
    out += fill(template.slice(last, m.index), vals).text;
    const g = fill(m[1] ?? '', vals);
    if (!g.empty) out += g.text;
    last = m.index + m[0].length;
  }
  out += fill(template.slice(last), vals).text;
  return normalizeInline(out);
}

/** The heading as plain text (escaped later for where it lands). */
export function talkHeading(template: string, talk: Talk): string {
  const vals = values(talk);
  return fillTemplate(template, vals) || vals.title || 'Untitled talk';
}
