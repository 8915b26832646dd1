// Validates each call's input. Messages come from our own content scripts, but those run
// inside pages we don't trust: every field is checked and anything unexpected is refused.

import { isMadeId } from '../core/ids';
import type { BackgroundCalls, CallInput, CallName, NoteInput, PageVideo } from '../core/messages';
import type { NoteId } from '../core/model';
import type { Result } from '../core/result';
import {
  imageMimes,
  limits,
  noteKinds,
  readChapter,
  readImageMeta,
  readNote,
  readSpeaker,
  sites,
} from '../core/validate';
import { fail, guard, Reader, withOptional } from '../core/validate-util';

type Validators = { [K in CallName]: (input: unknown) => CallInput<K> };

function readVideo(x: unknown): PageVideo {
  const r = new Reader(x, 'video');
  r.only(['url', 'site', 'videoId', 'title', 'channel', 'speakers', 'duration', 'chapters']);
  const url = r.string('url', limits.shortText, 1);
  if (!/^https?:\/\//.test(url)) fail('video.url must be an http(s) URL');
  return {
    url,
    site: r.oneOf('site', sites),
    videoId: r.string('videoId', limits.shortText, 1),
    title: r.string('title'),
    channel: r.string('channel'),
    speakers: r.array('speakers', limits.speakers, readSpeaker),
    duration: r.number('duration', 0, limits.maxSeconds),
    chapters: r.array('chapters', limits.chapters, readChapter),
  };
}

function readNoteInput(x: unknown): NoteInput {
  const r = new Reader(x, 'note');
  r.only(['id', 'talkId', 'time', 'kind', 'text', 'speaker']);
  // A slide here has no picture (both captures failed, or its text is edited); addSlide carries images.
  const kind = r.oneOf('kind', noteKinds);
  return withOptional<NoteInput>(
    {
      id: r.id('id', 'note'),
      talkId: r.id('talkId', 'talk'),
      time: r.number('time', 0, limits.maxSeconds),
      kind,
      text: r.string('text', limits.longText),
    },
    { speaker: r.optString('speaker') },
  );
}

function readBlob(x: unknown, where: string): Blob {
  if (!(x instanceof Blob)) fail(`${where} must be an image (Blob)`);
  if (x.size === 0 || x.size > limits.imageBytes)
    fail(`${where} must hold 1 byte to ${limits.imageBytes} bytes`);
  if (!(imageMimes as readonly string[]).includes(x.type)) fail(`${where} must be a JPEG, WebP or PNG image`);
  return x;
}

/**
 * The id of a note the page creates: exactly as newId('note') makes it, 64 random bits. A page
 * can't pick a short or shaped id (it stays one kind, and safe in file names and anchors), and
 * an id that is already taken never overwrites anything (see the addSlide handler).
 */
export function readNewNoteId(r: Reader, key: string): NoteId {
  const id = r.id(key, 'note');
  if (!isMadeId('note', id)) fail(`${r.path}.${key} must be a new note id: "n_" and 16 lowercase hex digits`);
  return id;
}

function readPhash(x: string): string {
  if (!/^[0-9a-f]{16}$/.test(x)) fail('slide.phash must be 16 lowercase hex digits');
  return x;
}

const validators: Omit<Validators, keyof typeof moreValidators> = {
  openTalk: readVideo,
  joinTalk(x) {
    const r = new Reader(x, 'input');
    r.only(['video', 'talkId']);
    const talkId = r.id('talkId', 'talk');
    if (!isMadeId('talk', talkId))
      fail('input.talkId must be a new talk id: "t_" and 16 lowercase hex digits');
    return { video: readVideo(r.o.video), talkId };
  },
  saveNote: readNoteInput,
  addSlide(x) {
    const r = new Reader(x, 'slide');
    r.only(['id', 'talkId', 'time', 'text', 'image', 'width', 'height', 'phash', 'auto']);
    return withOptional(
      {
        id: readNewNoteId(r, 'id'),
        talkId: r.id('talkId', 'talk'),
        time: r.number('time', 0, limits.maxSeconds),
        text: r.string('text', limits.longText),
        image: readBlob(r.o.image, 'slide.image'),
        width: r.integer('width', 1, limits.imagePixels),
        height: r.integer('height', 1, limits.imagePixels),
      },
      {
        // Checked here as the store checks it: a bad hash must refuse the call, not drop the picture.
        phash: r.has('phash') ? readPhash(r.string('phash', 16, 16)) : undefined,
        auto: r.has('auto') ? r.boolean('auto') : undefined,
      },
    );
  },
  deleteNote(x) {
    const r = new Reader(x, 'input');
    r.only(['id']);
    return { id: r.id('id', 'note') };
  },
  restoreNote(x) {
    const r = new Reader(x, 'input');
    r.only(['note', 'image']);
    const note = readNote(r.o.note);
    if (!r.has('image')) return { note };
    const { blob, ...meta } = new Reader(r.o.image, 'input.image').o;
    const image = { ...readImageMeta(meta, 'input.image'), blob: readBlob(blob, 'input.image.blob') };
    if (note.imageId !== image.id) fail('input.image must be the image of input.note');
    return { note, image };
  },
  getImage(x) {
    const r = new Reader(x, 'input');
    r.only(['id']);
    return { id: r.id('id', 'image') };
  },
  captureTab(x) {
    const r = new Reader(x, 'input');
    r.only(['rect', 'viewportWidth', 'mime', 'quality', 'maxWidth']);
    const rect = new Reader(r.o.rect, 'input.rect');
    const big = limits.imagePixels;
    return {
      rect: {
        x: rect.number('x', -big, big),
        y: rect.number('y', -big, big),
        width: rect.number('width', 1, big),
        height: rect.number('height', 1, big),
      },
      viewportWidth: r.number('viewportWidth', 1, big),
      mime: r.oneOf('mime', imageMimes),
      quality: r.number('quality', 0, 1),
      maxWidth: r.integer('maxWidth', 16, big),
    };
  },
};

/** Calls that take no input still get an object, so a stray field is refused like elsewhere. */
function readNothing(x: unknown): Record<string, never> {
  new Reader(x, 'input').only([]);
  return {};
}

const moreValidators: Pick<
  Validators,
  | 'listNotes'
  | 'updateTalk'
  | 'listPosts'
  | 'setActivePost'
  | 'createPost'
  | 'replaceSlideImage'
  | 'slideHashes'
  | 'slideTextNotice'
  | 'dismissSlideTextNotice'
> = {
  listNotes(x) {
    const r = new Reader(x, 'input');
    r.only(['talkId']);
    return { talkId: r.id('talkId', 'talk') };
  },
  updateTalk(x) {
    const r = new Reader(x, 'input');
    r.only(['id', 'title', 'speakers']);
    return withOptional(
      { id: r.id('id', 'talk') },
      {
        title: r.optString('title'),
        speakers: r.has('speakers') ? r.array('speakers', limits.speakers, readSpeaker) : undefined,
      },
    );
  },
  listPosts: readNothing,
  setActivePost(x) {
    const r = new Reader(x, 'input');
    r.only(['id']);
    return { id: r.id('id', 'post') };
  },
  createPost(x) {
    const r = new Reader(x, 'input');
    r.only(['title']);
    return { title: r.string('title', limits.shortText, 1) };
  },
  replaceSlideImage(x) {
    const r = new Reader(x, 'input');
    r.only(['noteId', 'image', 'width', 'height', 'phash']);
    return withOptional(
      {
        noteId: r.id('noteId', 'note'),
        image: readBlob(r.o.image, 'input.image'),
        width: r.integer('width', 1, limits.imagePixels),
        height: r.integer('height', 1, limits.imagePixels),
      },
      { phash: r.has('phash') ? readPhash(r.string('phash', 16, 16)) : undefined },
    );
  },
  slideHashes(x) {
    const r = new Reader(x, 'input');
    r.only(['talkId']);
    return { talkId: r.id('talkId', 'talk') };
  },
  slideTextNotice: readNothing,
  dismissSlideTextNotice: readNothing,
};

const all: Validators = { ...validators, ...moreValidators };

export function validateInput<K extends CallName>(name: K, input: unknown): Result<CallInput<K>> {
  const validate = all[name] as (x: unknown) => CallInput<K>;
  return guard(() => validate(input));
}

export type { BackgroundCalls };
