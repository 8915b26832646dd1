// The backup format, version 1 (documented in docs/backup-format.md and docs/backup.schema.json).
import type { ImageId, ImageMeta, ImageMime, Note, Post, Talk } from '../model';

export const BACKUP_FORMAT = 'talkmark-backup';
export const BACKUP_VERSION = 1;
export const DOCUMENT_NAME = 'backup.json';
export const IMAGE_FOLDER = 'images/';

export type BackupImage = ImageMeta & { file: string };

/** The JSON document at the root of the zip. */
export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the backup was made, ISO 8601. */
  createdAt: string;
  posts: Post[];
  talks: Talk[];
  notes: Note[];
  images: BackupImage[];
}

/** Caps applied before anything is unpacked; generous for a real store, fatal for a bomb. */
export const backupLimits = {
  maxEntries: 200_001,
  maxTotalBytes: 2 * 1024 ** 3,
  maxDocumentBytes: 512 * 1024 ** 2,
  posts: 10_000,
  talks: 100_000,
  notes: 1_000_000,
  images: 200_000,
};
export type BackupLimits = typeof backupLimits;

const extensions: Record<ImageMime, string> = {
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/png': 'png',
};

export function imageFileName(id: ImageId, mime: ImageMime): string {
  return `${IMAGE_FOLDER}${id}.${extensions[mime]}`;
}

/** True when the bytes start like the declared image type (no HTML or script posing as a slide). */
export function hasImageSignature(bytes: Uint8Array, mime: ImageMime): boolean {
  const at = (i: number) => bytes[i];
  switch (mime) {
    case 'image/jpeg':
      return at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff;
    case 'image/png':
      return at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47;
    case 'image/webp':
      return (
        String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' &&
        String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP'
      );
  }
}
