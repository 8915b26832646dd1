// Validators for what the UI sends: new objects (the store adds ids and dates) and partial
// edits. Unknown fields are refused, so a typo or a stale client can't silently lose an edit.
// In a patch, `null` clears an optional field.
import type { ImageId, Note, Post, Talk } from './model';
import type { Result } from './result';
import { noteKinds, readChapter, readSection, readSpeaker, sites } from './validate';
import { checkString, guard, limits, Reader, withOptional } from './validate-util';

type Clearable<T, K extends keyof T> = { [P in K]?: T[P] | null };

export type NotePatch = Partial<Pick<Note, 'time' | 'kind' | 'text'>> &
  Clearable<Note, 'speaker' | 'imageId' | 'auto'>;
export type TalkPatch = Partial<Pick<Talk, 'url' | 'title' | 'speakers' | 'duration' | 'chapters'>> &
  Clearable<Talk, 'label' | 'channel'>;
export type PostPatch = Partial<
  Pick<
    Post,
    | 'title'
    | 'slug'
    | 'date'
    | 'author'
    | 'description'
    | 'tags'
    | 'categories'
    | 'intro'
    | 'closing'
    | 'sections'
  >
> &
  Clearable<Post, 'coverImageId'>;

export type NewNote = Pick<Note, 'talkId' | 'time' | 'kind' | 'text'> &
  Partial<Pick<Note, 'speaker' | 'imageId' | 'auto'>>;
export type NewTalk = Pick<Talk, 'postId' | 'url' | 'site' | 'videoId'> &
  Partial<Pick<Talk, 'title' | 'speakers' | 'duration' | 'chapters' | 'label' | 'channel'>>;
export type NewPost = Partial<Omit<Post, 'id' | 'createdAt' | 'updatedAt'>>;

const notePatchFields = ['time', 'kind', 'text', 'speaker', 'imageId', 'auto'] as const;
const talkPatchFields = ['url', 'title', 'speakers', 'duration', 'chapters', 'label', 'channel'] as const;
const postPatchFields = [
  'title',
  'slug',
  'date',
  'author',
  'description',
  'tags',
  'categories',
  'intro',
  'closing',
  'sections',
  'coverImageId',
] as const;

/** Reads `key` with `read` when present; keeps `null` for clearable fields. */
function field<T>(r: Reader, key: string, read: () => T, clearable = false): T | null | undefined {
  if (!(key in r.o)) return undefined;
  if (r.o[key] === null && clearable) return null;
  return read();
}

function defined<T extends object>(o: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

const readTag = (x: unknown, path: string): string => checkString(x, path, 200, 1);

function readNotePatch(x: unknown, path = 'note patch'): NotePatch {
  const r = new Reader(x, path);
  r.only(notePatchFields);
  return defined<NotePatch>({
    time: field(r, 'time', () => r.number('time', 0, limits.maxSeconds)),
    kind: field(r, 'kind', () => r.oneOf('kind', noteKinds)),
    text: field(r, 'text', () => r.string('text', limits.longText)),
    speaker: field(r, 'speaker', () => r.string('speaker'), true),
    imageId: field(r, 'imageId', (): ImageId => r.id('imageId', 'image'), true),
    auto: field(r, 'auto', () => r.boolean('auto'), true),
  });
}

function readTalkPatch(x: unknown, path = 'talk patch'): TalkPatch {
  const r = new Reader(x, path);
  r.only(talkPatchFields);
  return defined<TalkPatch>({
    url: field(r, 'url', () => r.string('url')),
    title: field(r, 'title', () => r.string('title')),
    speakers: field(r, 'speakers', () => r.array('speakers', limits.speakers, readSpeaker)),
    duration: field(r, 'duration', () => r.number('duration', 0, limits.maxSeconds)),
    chapters: field(r, 'chapters', () => r.array('chapters', limits.chapters, readChapter)),
    label: field(r, 'label', () => r.string('label'), true),
    channel: field(r, 'channel', () => r.string('channel'), true),
  });
}

function readPostPatch(x: unknown, path = 'post patch'): PostPatch {
  const r = new Reader(x, path);
  r.only(postPatchFields);
  return defined<PostPatch>({
    title: field(r, 'title', () => r.string('title')),
    slug: field(r, 'slug', () => r.string('slug')),
    date: field(r, 'date', () => r.date('date')),
    author: field(r, 'author', () => r.string('author')),
    description: field(r, 'description', () => r.string('description')),
    tags: field(r, 'tags', () => r.array('tags', limits.tags, readTag)),
    categories: field(r, 'categories', () => r.array('categories', limits.tags, readTag)),
    intro: field(r, 'intro', () => r.string('intro', limits.longText)),
    closing: field(r, 'closing', () => r.string('closing', limits.longText)),
    sections: field(r, 'sections', () => r.array('sections', limits.sections, readSection)),
    coverImageId: field(r, 'coverImageId', (): ImageId => r.id('coverImageId', 'image'), true),
  });
}

function readNewNote(x: unknown, path = 'new note'): NewNote {
  const r = new Reader(x, path);
  r.only(['talkId', ...notePatchFields]);
  return withOptional<NewNote>(
    {
      talkId: r.id('talkId', 'talk'),
      time: r.number('time', 0, limits.maxSeconds),
      kind: r.oneOf('kind', noteKinds),
      text: r.string('text', limits.longText),
    },
    {
      speaker: r.optString('speaker'),
      imageId: r.optId('imageId', 'image'),
      auto: r.has('auto') ? r.boolean('auto') : undefined,
    },
  );
}

function readNewTalk(x: unknown, path = 'new talk'): NewTalk {
  const r = new Reader(x, path);
  r.only(['postId', 'site', 'videoId', ...talkPatchFields]);
  return withOptional<NewTalk>(
    {
      postId: r.id('postId', 'post'),
      url: r.string('url'),
      site: r.oneOf('site', sites),
      videoId: r.string('videoId', limits.shortText, 1),
    },
    present(readTalkPatch(omit(r.o, ['postId', 'site', 'videoId', 'url']), path)),
  );
}

function readNewPost(x: unknown, path = 'new post'): NewPost {
  return present(readPostPatch(x, path));
}

/** A new object has nothing to clear: drops the `null`s a patch may carry. */
function present<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  return out as { [K in keyof T]: Exclude<T[K], null> };
}

function omit(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out = { ...o };
  for (const k of keys) delete out[k];
  return out;
}

export const validateNotePatch = (x: unknown): Result<NotePatch> => guard(() => readNotePatch(x));
export const validateTalkPatch = (x: unknown): Result<TalkPatch> => guard(() => readTalkPatch(x));
export const validatePostPatch = (x: unknown): Result<PostPatch> => guard(() => readPostPatch(x));
export const validateNewNote = (x: unknown): Result<NewNote> => guard(() => readNewNote(x));
export const validateNewTalk = (x: unknown): Result<NewTalk> => guard(() => readNewTalk(x));
export const validateNewPost = (x: unknown): Result<NewPost> => guard(() => readNewPost(x));
