// The post's own fields as the editor holds them (text as typed), and what each one saves.
// Every field saves on its own, with a patch of that field only: one field's save can't carry
// an older copy of another field (the whole-form save did, so a field typed right after
// another could be written back to what it held before), and a field the store refuses (a
// date not typed in full, a tag too long) holds back only itself, never its neighbours.
import type { Post } from '../core/model';
import type { PostPatch } from '../core/validate-patch';
import { limits } from '../core/validate-util';
import { grouped } from '../ui/counts';
import { joinDate, splitDate, splitList } from './post-date';

export interface Draft {
  title: string;
  slug: string;
  /** The datetime-local box ('' while a date is typed only in part). */
  local: string;
  zone: string;
  description: string;
  author: string;
  tags: string;
  categories: string;
  intro: string;
  closing: string;
}

export type DraftKey = keyof Draft;

/** A stored field: what one save writes. The date is written from two boxes (local and zone). */
export type FieldKey = Exclude<DraftKey, 'local' | 'zone'> | 'date';

export const fieldKeys: FieldKey[] = [
  'title',
  'slug',
  'date',
  'author',
  'tags',
  'categories',
  'description',
  'intro',
  'closing',
];

export const fieldOf = (key: DraftKey): FieldKey => (key === 'local' || key === 'zone' ? 'date' : key);

export const draftOf = (p: Post): Draft => ({
  title: p.title,
  slug: p.slug,
  ...splitDate(p.date),
  description: p.description,
  author: p.author,
  tags: p.tags.join(', '),
  categories: p.categories.join(', '),
  intro: p.intro,
  closing: p.closing,
});

/** The part of `from` that shows stored field `field`. */
export function pick(field: FieldKey, from: Draft): Partial<Draft> {
  return field === 'date' ? { local: from.local, zone: from.zone } : { [field]: from[field] };
}

export type FieldPatch = { ok: true; patch: PostPatch } | { ok: false; problem: string };

const tooLong = (what: string, max: number, length: number) =>
  `${what} holds at most ${grouped(max)} characters (this is ${grouped(length)}): ` +
  'shorten it to save it. What you typed stays here.';

/**
 * The patch that saves `field` as the draft shows it, or why it can't be saved yet (the text
 * stays in its box; the store keeps the last text it could take).
 */
export function patchOf(field: FieldKey, d: Draft): FieldPatch {
  const short = (what: string, text: string): FieldPatch =>
    text.length > limits.shortText
      ? { ok: false, problem: tooLong(what, limits.shortText, text.length) }
      : { ok: true, patch: { [field]: text } };
  switch (field) {
    case 'date':
      // A datetime-local box reads '' until its date and time are typed in full.
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(d.local)
        ? { ok: true, patch: { date: joinDate(d.local, d.zone) } }
        : {
            ok: false,
            problem: 'Type the date and time in full to save them; the post keeps its date until then.',
          };
    case 'tags':
    case 'categories':
      // Over-long terms are flagged where they are typed (TermProblems) and refused by the store.
      return { ok: true, patch: { [field]: splitList(d[field]) } };
    case 'intro':
    case 'closing':
      return d[field].length > limits.longText
        ? {
            ok: false,
            problem: tooLong(
              field === 'intro' ? 'The intro' : 'The closing',
              limits.longText,
              d[field].length,
            ),
          }
        : { ok: true, patch: { [field]: d[field] } };
    case 'title':
      return short('A title', d.title);
    case 'slug':
      return short('A slug', d.slug);
    case 'author':
      return short('The author', d.author);
    case 'description':
      return short('A description', d.description);
  }
}
