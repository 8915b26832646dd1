// What the panel shows and what it can ask for. The session owns the state; the view only
// renders it and calls actions, so it renders and tests outside the extension.
import type { PostSummary, TalkView } from '../../core/messages';
import type { NoteId, NoteKind, PostId, TalkId } from '../../core/model';

/** Docked beside the player, floating over the page, or inside the fullscreen element. */
export type PanelMode = 'docked' | 'overlay' | 'fullscreen';

/** How big the panel may be: the usual panel, or a thin bar along one edge of a small frame. */
export type PanelSize = 'regular' | 'compact' | 'tiny';

export interface PanelLayout {
  size: PanelSize;
  /** The edge of the window the compact bar runs along. */
  edge: 'top' | 'bottom';
  /** Pixels from that edge to the middle third of the video: the compact bar stays inside them. */
  room: number;
}

export const regularLayout: PanelLayout = { size: 'regular', edge: 'top', room: 0 };

export interface Draft {
  id: NoteId;
  kind: NoteKind;
  text: string;
  /** Where in the video: the editor sits in the list at its note's place, not above the list. */
  time?: number;
  /** Set when the video changed while typing: the note still goes to the talk it was started in. */
  otherTalkTitle?: string;
}

/**
 * A slide captured by hand and shown at once from its own picture, before the store has it:
 * marked as saving until the store confirms (then it becomes a note), or as not saved, with the
 * reason, until the user retries or discards it. Never shown as a saved slide.
 */
export interface PendingSlide {
  id: string;
  talkId: TalkId;
  time: number;
  /** Why it could not be encoded or stored; null while the save is under way. */
  error: string | null;
  /**
   * A small copy of the frame, drawn the moment it was captured: the thumbnail until the slide is
   * stored (absent for a screenshot, which shows its own picture from `thumbs`).
   */
  preview?: HTMLCanvasElement;
}

export interface PanelState {
  view: TalkView | null;
  mode: PanelMode;
  /** Regular, or a compact bar clear of the video's middle (small embeds and windows). */
  layout: PanelLayout;
  collapsed: boolean;
  /** The new note being typed, if any. */
  draft: Draft | null;
  /** An existing note being edited in place. */
  editing: { id: NoteId; text: string } | null;
  /** A message for the user: a failure, or what just happened with an undo. */
  notice: {
    text: string;
    kind: 'info' | 'error';
    undo?: () => void;
    /**
     * Goes away by itself after this many ms (not while the pointer or focus is on it): for news
     * whose state stays visible elsewhere, such as auto-capture switched on (its button shows it).
     */
    expiresIn?: number;
  } | null;
  /**
   * Why slide text (OCR) can't be read in this browser, while the panel says so (until the user
   * dismisses it, once for good); null otherwise.
   */
  slideTextNotice: string | null;
  /** Object URLs of slide thumbnails, by note id (or pending slide id). */
  thumbs: Record<string, string>;
  /** Slides captured but not (yet) stored, in capture order. */
  pending: PendingSlide[];
  /** A slide captured by hand and just stored: the compact bar says so for a moment. */
  justSaved: { id: NoteId; time: number } | null;
  status: string;
  /** For the post picker; empty until the picker is opened. */
  posts: PostSummary[];
  /** Auto-capture for this talk: on or off, and whether a slide area is set. */
  auto: { on: boolean; area: boolean };
}

export interface PanelActions {
  seek(time: number): void;
  newNote(): void;
  captureSlide(): void;
  quoteCaption(): void;
  editDraft(text: string): void;
  finishDraft(keep: boolean): void;
  startEdit(id: NoteId): void;
  editText(text: string): void;
  finishEdit(keep: boolean): void;
  deleteNote(id: NoteId): void;
  /** Tries again to store a slide whose save failed. */
  retrySlide(id: string): void;
  /** Drops a slide whose save failed, picture and all. */
  discardSlide(id: string): void;
  setSpeakers(text: string): void;
  loadPosts(): void;
  choosePost(id: PostId): void;
  createPost(title: string): void;
  toggleCollapsed(): void;
  dismissNotice(): void;
  /** Dismisses the notice about slide text for good (every panel, from now on). */
  dismissSlideTextNotice(): void;
  toggleAutoCapture(): void;
  /** Opens the slide-area picker over the video (picture-in-picture recordings). */
  pickSlideArea(): void;
}

export const initialPanelState: PanelState = {
  view: null,
  mode: 'overlay',
  layout: regularLayout,
  collapsed: false,
  draft: null,
  editing: null,
  notice: null,
  slideTextNotice: null,
  thumbs: {},
  pending: [],
  justSaved: null,
  status: 'Looking for a video…',
  posts: [],
  auto: { on: false, area: false },
};
