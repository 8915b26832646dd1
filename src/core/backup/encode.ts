// Snapshot -> backup zip. The JSON document is deflated; images are stored as they are
// (JPEG/WebP/PNG don't compress further, and storing keeps export fast).
import { strToU8, type Zippable, zipSync } from 'fflate';
import type { Snapshot } from '../model';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupDocument,
  type BackupImage,
  DOCUMENT_NAME,
  imageFileName,
} from './format';

export interface EncodeOptions {
  /** Defaults to now; fixed in tests so output is reproducible. */
  createdAt?: string;
}

export function encodeBackup(snapshot: Snapshot, options: EncodeOptions = {}): Uint8Array {
  const createdAt = options.createdAt ?? new Date().toISOString();
  const mtime = new Date(createdAt);
  const files: Zippable = {};
  const images: BackupImage[] = [];
  for (const { bytes, ...meta } of snapshot.images) {
    const file = imageFileName(meta.id, meta.mime);
    images.push({ ...meta, file });
    files[file] = [bytes, { level: 0, mtime }];
  }
  const doc: BackupDocument = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    posts: snapshot.posts,
    talks: snapshot.talks,
    notes: snapshot.notes,
    images,
  };
  // The document goes first so a reader streaming the zip meets it before the images.
  return zipSync({ [DOCUMENT_NAME]: [strToU8(JSON.stringify(doc)), { level: 6, mtime }], ...files });
}
