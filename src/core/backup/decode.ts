// Backup zip -> Snapshot, refusing anything malformed, truncated or hostile. Nothing is
// returned unless every file, field and reference checked out, so a caller that writes only
// on success changes nothing when a backup is bad.
import type { ImageMeta, Snapshot } from '../model';
import { err, ok, type Result } from '../result';
import { readImageMeta, readList, readNote, readPost, readTalk } from '../validate';
import { checkIntegrity } from '../validate-snapshot';
import { fail, guard, isPlainObject, limits } from '../validate-util';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupLimits,
  backupLimits,
  DOCUMENT_NAME,
  hasImageSignature,
  IMAGE_FOLDER,
  imageFileName,
} from './format';
import { readDirectory, readEntry, type ZipEntry } from './zip-read';

type Records = Omit<Snapshot, 'images'> & { images: ImageMeta[] };

export function decodeBackup(bytes: Uint8Array, caps: BackupLimits = backupLimits): Result<Snapshot, string> {
  const result = decode(bytes, caps);
  return result.ok ? result : err(`This backup can't be restored: ${result.error}.`);
}

function decode(bytes: Uint8Array, caps: BackupLimits): Result<Snapshot> {
  if (bytes.length > caps.maxTotalBytes) return err('the file is too large');
  const dir = readDirectory(bytes, {
    maxEntries: caps.maxEntries,
    maxTotalBytes: caps.maxTotalBytes,
    maxEntryBytes: (name) => (name === DOCUMENT_NAME ? caps.maxDocumentBytes : limits.imageBytes),
  });
  if (!dir.ok) return dir;
  const byName = new Map<string, ZipEntry>();
  for (const entry of dir.value) {
    const isFolder = entry.name === IMAGE_FOLDER && entry.size === 0;
    if (entry.name !== DOCUMENT_NAME && !entry.name.startsWith(IMAGE_FOLDER)) {
      return err(`unexpected file "${entry.name}" in the backup`);
    }
    if (!isFolder) byName.set(entry.name, entry);
  }
  const docEntry = byName.get(DOCUMENT_NAME);
  if (!docEntry) return err(`${DOCUMENT_NAME} is missing, so this is not a Talkmark backup`);
  const docBytes = readEntry(bytes, docEntry);
  if (!docBytes.ok) return docBytes;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(docBytes.value));
  } catch {
    return err(`${DOCUMENT_NAME} is not valid JSON`);
  }
  const records = guard(() => readDocument(json, caps));
  if (!records.ok) return records;
  const integrity = checkIntegrity(records.value);
  if (!integrity.ok) return integrity;
  return attachImages(bytes, byName, records.value);
}

function readDocument(json: unknown, caps: BackupLimits): Records {
  if (!isPlainObject(json) || json.format !== BACKUP_FORMAT)
    fail(`${DOCUMENT_NAME} is not a Talkmark backup document`);
  const version = json.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    fail(`${DOCUMENT_NAME} has an invalid format version`);
  }
  if (version > BACKUP_VERSION) {
    fail(
      `it was made by a newer Talkmark (format version ${version}; this one reads ${BACKUP_VERSION}). Update Talkmark, then restore`,
    );
  }
  return {
    posts: readList(json.posts, 'posts', caps.posts, readPost),
    talks: readList(json.talks, 'talks', caps.talks, readTalk),
    notes: readList(json.notes, 'notes', caps.notes, readNote),
    images: readList(json.images, 'images', caps.images, (x, path) => {
      const meta = readImageMeta(x, path);
      const expected = imageFileName(meta.id, meta.mime);
      if ((x as { file?: unknown }).file !== expected) fail(`${path}.file must be "${expected}"`);
      return meta;
    }),
  };
}

function attachImages(bytes: Uint8Array, byName: Map<string, ZipEntry>, records: Records): Result<Snapshot> {
  const wanted = new Set(records.images.map((m) => imageFileName(m.id, m.mime)));
  for (const name of byName.keys()) {
    if (name !== DOCUMENT_NAME && !wanted.has(name)) return err(`unexpected file "${name}" in the backup`);
  }
  const images: Snapshot['images'] = [];
  for (const meta of records.images) {
    const name = imageFileName(meta.id, meta.mime);
    const entry = byName.get(name);
    if (!entry) return err(`the image file "${name}" is missing`);
    const data = readEntry(bytes, entry);
    if (!data.ok) return data;
    if (data.value.length !== meta.size) {
      return err(`"${name}" has ${data.value.length} bytes but its record says ${meta.size}`);
    }
    if (!hasImageSignature(data.value, meta.mime)) return err(`"${name}" is not a ${meta.mime} image`);
    // A copy, so the snapshot doesn't keep the whole backup file alive through a subarray.
    images.push({ ...meta, bytes: data.value.slice() });
  }
  return ok({ posts: records.posts, talks: records.talks, notes: records.notes, images });
}
