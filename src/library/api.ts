// What the library's views may do: data in, actions out, every failure a message to show.
// The entry (index.tsx) builds it over the store and the browser; tests build it over a
// fake-indexeddb store. Views never touch the store or browser.* themselves.
import type { ExportFormat, ExportOptions } from '../core/export';
import type { ImageId, Note, NoteId, Post, PostId, SectionId, Talk, TalkId } from '../core/model';
import type { Result } from '../core/result';
import type {
  CopyCounts,
  CopyState,
  DeletedNote,
  ImportMode,
  ImportReport,
  NewNote,
  NotePatch,
  PostPatch,
  PostSummary,
  PostView,
  TalkPatch,
} from '../store';
import type { ExportImageFormat, Settings } from '../ui/settings';
import type { UnsavedNote } from './unsaved-notes';

export type Outcome<T = void> = Result<T, string>;

/** A note found by search, with where it lives. */
export interface NoteHit {
  note: Note;
  talk: Talk | undefined;
  postId: PostId | undefined;
  postTitle: string;
}

export interface SearchHits {
  /** The first `limit` matches, the last edited first. */
  notes: NoteHit[];
  /** How many notes match in all. */
  noteCount: number;
  talks: Array<{ talk: Talk; postTitle: string }>;
}

export interface ExportRequest {
  postId: PostId;
  format: ExportFormat;
  options: Partial<ExportOptions>;
  /** How slides go into the export; as captured when absent. */
  images?: ImageExport;
}

export interface ImageExport {
  format: ExportImageFormat;
  /** 0 keeps the size. */
  maxWidth: number;
  quality: number;
}

/** Writing into a folder: what already exists there is reported before anything is written. */
export type FolderResult = { written: number; folder: string } | { exists: string[] };

export interface SlideTextState {
  total: number;
  read: number;
  /** Set once OCR found it can't run in this browser (wasm blocked by policy). */
  unavailable?: string;
}

export interface LibraryApi {
  postSummaries(): Promise<Outcome<PostSummary[]>>;
  openPost(id: PostId): Promise<Outcome<PostView | undefined>>;
  /** Notes matching `query`, the last edited first: the first `limit` of them, and the count. */
  search(query: string, limit: number): Promise<Outcome<SearchHits>>;
  /** The user is about to search: read the notes into the search index now, if not yet. */
  prepareSearch(): void;
  /** A URL to show a stored image (blob:), or null when it is gone. */
  imageUrl(id: ImageId): Promise<string | null>;
  /** The slide's title as read on the device (OCR), '' when not read or none stands out. */
  slideTitle(id: ImageId): Promise<string>;
  /** On-device slide text: how many slides are read of all, and why it can't run, if it can't. */
  slideTextState(): Promise<SlideTextState>;

  createPost(title: string): Promise<Outcome<Post>>;
  duplicatePost(id: PostId): Promise<Outcome<PostId>>;
  /** Deletes the post; the result undoes it. */
  deletePost(id: PostId): Promise<Outcome<() => Promise<Outcome>>>;
  /** Edits the post's fields; the post as stored after the edit. */
  updatePost(id: PostId, patch: PostPatch): Promise<Outcome<Post>>;
  setActivePost(id: PostId): Promise<Outcome>;
  activePost(): Promise<PostId | undefined>;

  updateTalk(id: TalkId, patch: TalkPatch): Promise<Outcome>;
  moveTalk(id: TalkId, to: { postId: PostId; sectionId: SectionId; index?: number }): Promise<Outcome>;
  reorderTalks(postId: PostId, sectionId: SectionId, talkIds: TalkId[]): Promise<Outcome>;

  /** A note of its own (the rest of a text too long for one note). */
  addNote(input: NewNote): Promise<Outcome>;
  updateNote(id: NoteId, patch: NotePatch): Promise<Outcome>;
  deleteNote(id: NoteId): Promise<Outcome<DeletedNote>>;
  /**
   * Puts back note edits a closed library tab typed but never stored (unsaved-notes.ts): into
   * the note when nothing else wrote it since, else into a new note beside it. How many of
   * each, and the ids it is done with (gone notes included). `current` says, just before each
   * write, whether the edit is still the journal's: a library tab still open and typing has
   * moved it on (or its save confirmed it), and that tab saves it itself.
   */
  recoverNoteEdits(
    edits: UnsavedNote[],
    current: (edit: UnsavedNote) => boolean,
  ): Promise<Outcome<{ restored: number; beside: number; done: NoteId[] }>>;
  restoreNote(deleted: DeletedNote): Promise<Outcome>;

  exportPreview(request: ExportRequest): Promise<Outcome<string>>;
  exportZip(request: ExportRequest): Promise<Outcome<{ files: number; name: string }>>;
  /** Null when this browser can't write into a folder (Firefox): use the zip. */
  exportToFolder: ((request: ExportRequest, overwrite: boolean) => Promise<Outcome<FolderResult>>) | null;

  backUp(): Promise<Outcome<{ notes: number; images: number; name: string }>>;
  restore(file: Blob, mode: ImportMode): Promise<Outcome<ImportReport>>;
  /** The database against its safety copy outside IndexedDB; null where there is no copy. */
  copyState(): Promise<Outcome<CopyState | null>>;
  /** Brings back what the copy holds and the database lost; how many of each came back. */
  restoreCopy(): Promise<Outcome<CopyCounts>>;

  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<Outcome<Settings>>;
}
