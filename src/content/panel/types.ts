// What the panel shows and what it can ask for. The session owns the state; the view only
// renders it and calls actions, so it renders and tests outside the extension.
import type { PostSummary, TalkView } from '../../core/messages';
import type { NoteId, NoteKind, PostId } from '../../core/model';

/** Docked beside the player, floating over the page, or inside the fullscreen element. */
export type PanelMode = 'docked' | 'overlay' | 'fullscreen';

export interface Draft {
  id: NoteId;
  kind: NoteKind;
  text: string;
  /** Set when the video changed while typing: the note still goes to the talk it was started in. */
  otherTalkTitle?: string;
}

export interface PanelState {
  view: TalkView | null;
  mode: PanelMode;
  collapsed: boolean;
  /** The new note being typed, if any. */
  draft: Draft | null;
  /** An existing note being edited in place. */
  editing: { id: NoteId; text: string } | null;
  /** A message for the user: a failure, or what just happened with an undo. */
  notice: { text: string; kind: 'info' | 'error'; undo?: () => void } | null;
  /** Object URLs of slide thumbnails, by note id. */
  thumbs: Record<string, string>;
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
  setSpeakers(text: string): void;
  loadPosts(): void;
  choosePost(id: PostId): void;
  createPost(title: string): void;
  toggleCollapsed(): void;
  dismissNotice(): void;
  toggleAutoCapture(): void;
  /** Opens the slide-area picker over the video (picture-in-picture recordings). */
  pickSlideArea(): void;
}

export const initialPanelState: PanelState = {
  view: null,
  mode: 'overlay',
  collapsed: false,
  draft: null,
  editing: null,
  notice: null,
  thumbs: {},
  status: 'Looking for a video…',
  posts: [],
  auto: { on: false, area: false },
};
