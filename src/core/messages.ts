// The typed calls between contexts. One map per direction; each call's reply is typed to
// its request and errors come back as values (Result), never as thrown exceptions.
import type {
  Chapter,
  ImageId,
  ImageMeta,
  Note,
  NoteId,
  NoteKind,
  Post,
  PostId,
  Site,
  Speaker,
  Talk,
  TalkId,
} from './model';
import type { Result } from './result';

/** What a site adapter reads off a video page. */
export interface PageVideo {
  url: string;
  site: Site;
  videoId: string;
  title: string;
  channel: string;
  speakers: Speaker[];
  duration: number;
  chapters: Chapter[];
}

/**
 * A note as the page has it; saved whole on every edit (upsert). A slide with a picture is
 * created with addSlide; here a slide has none (both captures failed) or has its text edited.
 */
export interface NoteInput {
  /** Made by the page (newId('note')) so typing can start before the first save returns. */
  id: NoteId;
  talkId: TalkId;
  time: number;
  kind: NoteKind;
  text: string;
  speaker?: string;
}

export interface NewSlide {
  /**
   * Made by the page (newId('note')), so a resend after the background went away finds the
   * slide the first send stored: the same slide again is answered with it, nothing stored twice.
   */
  id: NoteId;
  talkId: TalkId;
  time: number;
  text: string;
  image: Blob;
  width: number;
  height: number;
  phash?: string;
  auto?: boolean;
}

/** A new picture for a slide that already exists. */
export interface SlideImage {
  image: Blob;
  width: number;
  height: number;
  phash?: string;
}

export interface ScreenshotRequest {
  rect: { x: number; y: number; width: number; height: number };
  /** window.innerWidth, to turn CSS pixels into the screenshot's device pixels. */
  viewportWidth: number;
  mime: 'image/jpeg' | 'image/webp' | 'image/png';
  quality: number;
  maxWidth: number;
}

export interface DeletedNote {
  note: Note;
  image?: ImageMeta & { blob: Blob };
}

/** A post as the panel's post picker lists it. */
export interface PostSummary {
  id: PostId;
  title: string;
}

export interface TalkView {
  post: Post;
  talk: Talk;
  notes: Note[];
}

/** Calls a content script, the popup or the library page makes to the background. */
export interface BackgroundCalls {
  /**
   * The active post's talk for this video. A video not yet in the post gets a talk that is not
   * stored (its id not in any section of `post`): it joins the post with `joinTalk`, on the
   * first note, quote or slide, so merely visiting a video adds nothing.
   */
  openTalk(video: PageVideo): TalkView;
  /** Adds the video's talk to the active post under the id openTalk gave (or finds it there). */
  joinTalk(input: { video: PageVideo; talkId: TalkId }): TalkView;
  saveNote(note: NoteInput): Note;
  addSlide(slide: NewSlide): { note: Note; image: ImageMeta | null; warning?: string };
  /** Deletes a note; the reply is what `restoreNote` needs to undo it (its image included). */
  deleteNote(input: { id: NoteId }): DeletedNote;
  restoreNote(input: DeletedNote): Note;
  /** A stored image (slide thumbnails in the panel). */
  getImage(input: { id: ImageId }): { image: Blob };
  /** Screenshot of the visible tab cropped to `rect` (CSS pixels): the fallback capture. */
  captureTab(input: ScreenshotRequest): { image: Blob; width: number; height: number };
  /** A talk's notes in time order (the panel after a change made elsewhere). */
  listNotes(input: { talkId: TalkId }): Note[];
  /** The user's correction of a talk's title or speakers (the guess from the title is only a guess). */
  updateTalk(input: { id: TalkId; title?: string; speakers?: Speaker[] }): Talk;
  /** Every post, newest first, and which one is active (the panel's post picker). */
  listPosts(input: Record<string, never>): { posts: PostSummary[]; activeId: PostId | null };
  /** Makes a post the active one: new talks and notes go there. */
  setActivePost(input: { id: PostId }): PostSummary;
  /** Creates a post and makes it the active one. */
  createPost(input: { title: string }): PostSummary;
  /**
   * Swaps the picture of an automatic slide for a later step of the same incremental build: the
   * note keeps its id, time and text, and its old picture is deleted.
   */
  replaceSlideImage(input: SlideImage & { noteId: NoteId }): { note: Note; image: ImageMeta };
  /** Perceptual hashes of the talk's stored slides: auto-capture never takes those again. */
  slideHashes(input: { talkId: TalkId }): string[];
  /**
   * Why slide text (OCR) can't be read in this browser (wasm blocked), for the panel to say
   * once; null while OCR can run, or once the user dismissed the panel's notice.
   */
  slideTextNotice(input: Record<string, never>): { unavailable: string | null };
  /** The user dismissed the panel's notice about slide text: no panel shows it again. */
  dismissSlideTextNotice(input: Record<string, never>): { unavailable: null };
}

export type CallName = keyof BackgroundCalls;

/**
 * Whether a call may be sent a second time when the background went away before answering
 * (Chromium stops its service worker at will): only where doing it twice leaves the same
 * result as doing it once. The first send may have run, whatever the error said.
 */
export const resendable: { readonly [K in CallName]: boolean } = {
  openTalk: true, // finds the talk the first send made
  joinTalk: true, // finds the talk the first send added
  saveNote: true, // a whole note under a page-made id: the same write again
  addSlide: true, // page-made id: the same slide again is answered with the stored one
  deleteNote: false, // a second delete finds nothing and would report a failure
  restoreNote: true, // puts back the same note and image
  getImage: true,
  captureTab: true,
  listNotes: true,
  updateTalk: true,
  listPosts: true,
  setActivePost: true,
  createPost: false, // a second post
  replaceSlideImage: false, // would swap the picture again and drop the first new one
  slideHashes: true,
  slideTextNotice: true,
  dismissSlideTextNotice: true, // marks the same flag again
};
export type CallInput<K extends CallName> = Parameters<BackgroundCalls[K]>[0];
export type CallOutput<K extends CallName> = ReturnType<BackgroundCalls[K]>;

export interface CallMessage<K extends CallName = CallName> {
  talkmark: 1;
  call: K;
  input: CallInput<K>;
}

export type CallReply<K extends CallName> = Result<CallOutput<K>, string>;

/** Pushed to a tab's content script over its Port when the store changes. */
export type TabEvent =
  | { type: 'notes-changed'; talkId: TalkId }
  /** OCR's status (or the user's dismissal of the panel's notice about it) changed: ask again. */
  | { type: 'slide-text-changed' }
  | {
      type: 'command';
      command: 'add-note' | 'capture-slide' | 'quote-caption' | 'toggle-panel' | 'toggle-auto-capture';
    };
