// The data model shared by every context and by the CLI. Plain data only (structured-clone
// safe), dates as ISO 8601 strings, times in seconds as floats.
import type { ImageId, NoteId, PostId, SectionId, TalkId } from './ids';

export type { ImageId, NoteId, PostId, SectionId, TalkId } from './ids';

export type NoteKind = 'text' | 'quote' | 'slide' | 'heading';

export interface Speaker {
  name: string;
  role?: string;
  org?: string;
}

export interface Chapter {
  /** Seconds from the start of the video. */
  start: number;
  title: string;
}

export interface Section {
  id: SectionId;
  title: string;
  /** Talks in the order they appear in the post. */
  talkIds: TalkId[];
}

export interface Post {
  id: PostId;
  title: string;
  slug: string;
  /** ISO 8601 with offset, e.g. "2026-05-03T08:30:00+02:00". */
  date: string;
  author: string;
  description: string;
  tags: string[];
  categories: string[];
  /** The slide chosen as cover; the first slide when absent. */
  coverImageId?: ImageId;
  intro: string;
  closing: string;
  sections: Section[];
  createdAt: string;
  updatedAt: string;
}

export type Site = 'youtube' | 'vimeo' | 'generic';

export interface Talk {
  id: TalkId;
  postId: PostId;
  /** The page the talk was watched on, without a time parameter. */
  url: string;
  site: Site;
  /** The site's own id (YouTube's 11-character id); the URL for generic pages. */
  videoId: string;
  title: string;
  speakers: Speaker[];
  /** Seconds; 0 when unknown (live streams). */
  duration: number;
  chapters: Chapter[];
  /** Free label printed before the title in exports, e.g. "Keynote". */
  label?: string;
  /**
   * The page's channel or uploader as read when the talk was first seen (often the event, e.g.
   * a conference's own channel): the `{event}` of exported figure titles.
   */
  channel?: string;
  createdAt: string;
  updatedAt: string;
}

export interface Note {
  id: NoteId;
  talkId: TalkId;
  /** Seconds from the start of the video. */
  time: number;
  kind: NoteKind;
  /** Markdown as the user typed it. */
  text: string;
  /** Who said it (quotes). */
  speaker?: string;
  /** The slide's picture (slides). */
  imageId?: ImageId;
  /** True when auto-capture took the slide. */
  auto?: boolean;
  createdAt: string;
  updatedAt: string;
}

export type ImageMime = 'image/jpeg' | 'image/webp' | 'image/png';

/** An image's metadata; its bytes travel beside it (a Blob in the browser, bytes in Node). */
export interface ImageMeta {
  id: ImageId;
  mime: ImageMime;
  width: number;
  height: number;
  /** Byte length of the encoded image. */
  size: number;
  /** 64-bit perceptual hash as 16 hex digits (dedupe of slides). */
  phash?: string;
  capturedAt: string;
  /** The slide's own words, read on the device (OCR) after the picture was stored. */
  text?: SlideText;
}

/**
 * What OCR read on a slide picture. Absent until read; `lines` empty when the slide has no
 * legible text. A caption the user typed on the note always wins over `title`.
 */
export interface SlideText {
  /** Lines in reading order, trimmed, without empty ones. */
  lines: string[];
  /** The slide's heading as picked from `lines` ('' when none stands out). */
  title: string;
  /** Which engine and language data read it, e.g. "tesseract.js 7 eng best_int". */
  engine: string;
  /** When it was read (ISO 8601, UTC). */
  readAt: string;
}

/**
 * Everything needed to export or back up: what the store holds, with image bytes.
 * The exporters and the backup codec take and give this shape, in the browser and in Node.
 */
export interface Snapshot {
  posts: Post[];
  talks: Talk[];
  notes: Note[];
  images: Array<ImageMeta & { bytes: Uint8Array }>;
}
