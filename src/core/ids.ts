// Branded ids: a TalkId can't be passed where a NoteId belongs.
export type PostId = string & { readonly __brand: 'PostId' };
export type SectionId = string & { readonly __brand: 'SectionId' };
export type TalkId = string & { readonly __brand: 'TalkId' };
export type NoteId = string & { readonly __brand: 'NoteId' };
export type ImageId = string & { readonly __brand: 'ImageId' };

type Brand = PostId | SectionId | TalkId | NoteId | ImageId;

const prefixes = { post: 'p', section: 's', talk: 't', note: 'n', image: 'i' } as const;
type Kind = keyof typeof prefixes;
type IdOf<K extends Kind> = K extends 'post'
  ? PostId
  : K extends 'section'
    ? SectionId
    : K extends 'talk'
      ? TalkId
      : K extends 'note'
        ? NoteId
        : ImageId;

/** A new random id, e.g. `n_3f9c0d2a1b7e4c55`. Works in browsers and in Node ≥ 19. */
export function newId<K extends Kind>(kind: K): IdOf<K> {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return `${prefixes[kind]}_${hex}` as IdOf<K>;
}

const idPattern = /^[a-z]_[0-9a-zA-Z_-]{1,64}$/;
const madePatterns = {
  post: /^p_[0-9a-f]{16}$/,
  section: /^s_[0-9a-f]{16}$/,
  talk: /^t_[0-9a-f]{16}$/,
  note: /^n_[0-9a-f]{16}$/,
  image: /^i_[0-9a-f]{16}$/,
} as const;

/**
 * True only for an id exactly as `newId(kind)` makes it: the kind's letter and 16 lowercase
 * hex digits. Ids a page's content script makes for new records are held to this (older
 * records, e.g. from a hand-edited backup, may use the looser `isIdLike` shape).
 */
export function isMadeId<K extends Kind>(kind: K, value: unknown): value is IdOf<K> {
  return typeof value === 'string' && madePatterns[kind].test(value);
}

/** True for any string shaped like one of our ids (used to validate input from files and messages). */
export function isIdLike(value: unknown): value is Brand {
  return typeof value === 'string' && idPattern.test(value);
}
