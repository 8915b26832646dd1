// Runtime validators for the model, for data that crosses a trust boundary: messages from
// content scripts, backup files, the store's own inputs. Each returns a fresh object holding
// only the known fields, or a message that names the faulty field and says what it must be.
import type {
  Chapter,
  ImageMeta,
  ImageMime,
  Note,
  NoteKind,
  Post,
  Section,
  Site,
  SlideText,
  Speaker,
  Talk,
} from './model';
import type { Result } from './result';
import { checkArray, checkId, checkString, fail, guard, limits, Reader, withOptional } from './validate-util';

export { limits } from './validate-util';

export const noteKinds: readonly NoteKind[] = ['text', 'quote', 'slide', 'heading'];
export const sites: readonly Site[] = ['youtube', 'vimeo', 'generic'];
export const imageMimes: readonly ImageMime[] = ['image/jpeg', 'image/webp', 'image/png'];
const phashPattern = /^[0-9a-f]{16}$/;

export function readNote(x: unknown, path = 'note'): Note {
  const r = new Reader(x, path);
  const base: Note = {
    id: r.id('id', 'note'),
    talkId: r.id('talkId', 'talk'),
    time: r.number('time', 0, limits.maxSeconds),
    kind: r.oneOf('kind', noteKinds),
    text: r.string('text', limits.longText),
    createdAt: r.date('createdAt'),
    updatedAt: r.date('updatedAt'),
  };
  return withOptional(base, {
    speaker: r.optString('speaker'),
    imageId: r.optId('imageId', 'image'),
    auto: r.has('auto') ? r.boolean('auto') : undefined,
  });
}

export function readSpeaker(x: unknown, path: string): Speaker {
  const r = new Reader(x, path);
  return withOptional<Speaker>(
    { name: r.string('name', limits.shortText, 1) },
    {
      role: r.optString('role'),
      org: r.optString('org'),
    },
  );
}

export function readChapter(x: unknown, path: string): Chapter {
  const r = new Reader(x, path);
  return { start: r.number('start', 0, limits.maxSeconds), title: r.string('title') };
}

export function readTalk(x: unknown, path = 'talk'): Talk {
  const r = new Reader(x, path);
  const base: Talk = {
    id: r.id('id', 'talk'),
    postId: r.id('postId', 'post'),
    url: r.string('url'),
    site: r.oneOf('site', sites),
    videoId: r.string('videoId', limits.shortText, 1),
    title: r.string('title'),
    speakers: r.array('speakers', limits.speakers, readSpeaker),
    duration: r.number('duration', 0, limits.maxSeconds),
    chapters: r.array('chapters', limits.chapters, readChapter),
    createdAt: r.date('createdAt'),
    updatedAt: r.date('updatedAt'),
  };
  return withOptional(base, { label: r.optString('label'), channel: r.optString('channel') });
}

const readTag = (x: unknown, path: string): string => checkString(x, path, 200, 1);

export function readSection(x: unknown, path: string): Section {
  const r = new Reader(x, path);
  return {
    id: r.id('id', 'section'),
    title: r.string('title'),
    talkIds: r.array('talkIds', limits.talksPerSection, (v, p) => checkId(v, p, 'talk')),
  };
}

export function readPost(x: unknown, path = 'post'): Post {
  const r = new Reader(x, path);
  const base: Post = {
    id: r.id('id', 'post'),
    title: r.string('title'),
    slug: r.string('slug'),
    date: r.date('date'),
    author: r.string('author'),
    description: r.string('description'),
    tags: r.array('tags', limits.tags, readTag),
    categories: r.array('categories', limits.tags, readTag),
    intro: r.string('intro', limits.longText),
    closing: r.string('closing', limits.longText),
    sections: r.array('sections', limits.sections, readSection),
    createdAt: r.date('createdAt'),
    updatedAt: r.date('updatedAt'),
  };
  return withOptional(base, { coverImageId: r.optId('coverImageId', 'image') });
}

export function readImageMeta(x: unknown, path = 'image'): ImageMeta {
  const r = new Reader(x, path);
  const base: ImageMeta = {
    id: r.id('id', 'image'),
    mime: r.oneOf('mime', imageMimes),
    width: r.integer('width', 1, limits.imagePixels),
    height: r.integer('height', 1, limits.imagePixels),
    size: r.integer('size', 1, limits.imageBytes),
    capturedAt: r.date('capturedAt'),
  };
  let phash: string | undefined;
  if (r.has('phash')) {
    phash = r.string('phash', 16);
    if (!phashPattern.test(phash)) fail(`${path}.phash must be 16 lowercase hex digits`);
  }
  return withOptional(base, {
    phash,
    text: r.has('text') ? readSlideText(r.o.text, `${path}.text`) : undefined,
  });
}

export function readSlideText(x: unknown, path = 'text'): SlideText {
  const r = new Reader(x, path);
  const lines = r.array('lines', limits.slideLines, (v, p) => checkString(v, p, limits.shortText));
  if (lines.reduce((n, l) => n + l.length, 0) > limits.slideText) {
    fail(`${path}.lines hold more than ${limits.slideText} characters`);
  }
  return {
    lines,
    title: r.string('title'),
    engine: r.string('engine', 200),
    readAt: r.date('readAt'),
  };
}

export const validateNote = (x: unknown): Result<Note> => guard(() => readNote(x));
export const validateTalk = (x: unknown): Result<Talk> => guard(() => readTalk(x));
export const validatePost = (x: unknown): Result<Post> => guard(() => readPost(x));
export const validateImageMeta = (x: unknown): Result<ImageMeta> => guard(() => readImageMeta(x));

/** Checks a list with a per-item reader; the message names the item's index. */
export function readList<T>(x: unknown, path: string, max: number, item: (v: unknown, p: string) => T): T[] {
  return checkArray(x, path, max, item);
}
