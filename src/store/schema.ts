// The IndexedDB schema as it is at the latest version. Older shapes live only in migrations.ts.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ImageId, ImageMeta, Note, NoteId, Post, PostId, Talk, TalkId } from '../core/model';

export const DB_NAME = 'talkmark';

/** A note as stored: plus its search terms (lower-case, accent-free words; see terms.ts). */
export type StoredNote = Note & { terms: string[] };

/** An image as stored: its metadata beside the Blob (Blobs stay on disk until read). */
export type StoredImage = ImageMeta & { blob: Blob };

/** How many notes a talk or a post holds, and how many of them are slides (see counts.ts). */
export interface Counts {
  notes: number;
  slides: number;
}

export interface TalkmarkSchema extends DBSchema {
  posts: { key: PostId; value: Post; indexes: { byUpdated: string } };
  talks: { key: TalkId; value: Talk; indexes: { byPost: PostId; byVideo: string } };
  notes: {
    key: NoteId;
    value: StoredNote;
    indexes: { byTalk: TalkId; byTerm: string; byUpdated: string };
  };
  images: { key: ImageId; value: StoredImage };
  /** Note and slide counts per talk and per post, keyed by the talk's or post's id (v4). */
  counts: { key: PostId | TalkId; value: Counts };
  /** Small settings and state, e.g. the active post id. */
  kv: { key: string; value: unknown };
}

export type Db = IDBPDatabase<TalkmarkSchema>;
export type StoreName = StoreNames<TalkmarkSchema>;
export type WriteTx<S extends StoreName[]> = IDBPTransaction<TalkmarkSchema, S, 'readwrite'>;
export type ReadTx<S extends StoreName[]> = IDBPTransaction<TalkmarkSchema, S, 'readonly' | 'readwrite'>;

export const allStores: StoreName[] = ['posts', 'talks', 'notes', 'images', 'counts', 'kv'];

export function toNote({ terms: _terms, ...note }: StoredNote): Note {
  return note;
}

/** Notes in video order (the first written first at the same time). */
export const byTime = (a: Note, b: Note): number => a.time - b.time || a.createdAt.localeCompare(b.createdAt);
