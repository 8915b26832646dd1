// A defensive zip reader for untrusted backups. It reads the central directory first and
// checks entry count, names and declared sizes BEFORE inflating anything; then it inflates in
// small steps and stops as soon as an entry produces more than it declared (a zip bomb
// whose sizes lie), and checks every CRC. Only stored and deflated entries, no zip64.
import { Inflate } from 'fflate';
import { err, ok, type Result } from '../result';
import { crc32 } from './crc32';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Per-entry cap, by name (the JSON document gets a smaller one than images). */
  maxEntryBytes: (name: string) => number;
}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes fed to the inflater per step: at most ~1032× that comes out per step. */
const INFLATE_STEP = 16 * 1024;

class ZipError extends Error {}
const bad = (message: string): never => {
  throw new ZipError(message);
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfCentralDirectory(bytes: Uint8Array, dv: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (dv.getUint32(i, true) === EOCD) return i;
  }
  const looksLikeZip = bytes.length >= 4 && dv.getUint32(0, true) === LOCAL;
  return bad(
    looksLikeZip ? 'the file is truncated (its zip directory is missing)' : 'this is not a zip file',
  );
}

/** Lists the entries from the central directory, checking everything that can be checked cheaply. */
export function readDirectory(bytes: Uint8Array, limits: ZipLimits): Result<ZipEntry[]> {
  try {
    return ok(listEntries(bytes, limits));
  } catch (e) {
    if (e instanceof ZipError) return err(e.message);
    throw e;
  }
}

function listEntries(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  if (bytes.length < 22) bad(bytes.length === 0 ? 'the file is empty' : 'this is not a zip file');
  const dv = view(bytes);
  const end = findEndOfCentralDirectory(bytes, dv);
  const count = dv.getUint16(end + 10, true);
  const dirSize = dv.getUint32(end + 12, true);
  const dirOffset = dv.getUint32(end + 16, true);
  if (dv.getUint16(end + 4, true) !== 0 || dv.getUint16(end + 8, true) !== count) {
    bad('multi-part zip files are not supported');
  }
  if (count === 0xffff || dirOffset === 0xffffffff) bad('zip64 files are not supported');
  if (count > limits.maxEntries)
    bad(`the backup has too many files (${count}, at most ${limits.maxEntries})`);
  if (dirOffset + dirSize > end) bad('the file is truncated or corrupt (bad zip directory)');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || dv.getUint32(p, true) !== CENTRAL)
      bad('the file is corrupt (bad zip directory entry)');
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const skip = nameLength + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
    const localOffset = dv.getUint32(p + 42, true);
    if (p + 46 + skip > end) bad('the file is corrupt (bad zip directory entry)');
    let name: string;
    try {
      name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    } catch {
      name = bad('a file name in the backup is not valid UTF-8');
    }
    checkName(name);
    if (seen.has(name)) bad(`the backup holds "${name}" twice`);
    seen.add(name);
    if (flags & 1) bad(`"${name}" is encrypted`);
    if (method !== 0 && method !== 8) bad(`"${name}" uses an unsupported compression method (${method})`);
    if (size === 0xffffffff || compressedSize === 0xffffffff) bad('zip64 files are not supported');
    if (method === 0 && size !== compressedSize) bad(`"${name}" has inconsistent sizes`);
    const max = limits.maxEntryBytes(name);
    if (size > max) bad(`"${name}" is too large (${size} bytes, at most ${max})`);
    total += size;
    if (total > limits.maxTotalBytes) {
      bad(`the backup is too large once unpacked (more than ${limits.maxTotalBytes} bytes)`);
    }
    entries.push({ name, method, crc: dv.getUint32(p + 16, true), compressedSize, size, localOffset });
    p += 46 + skip;
  }
  return entries;
}

/** Refuses names that could escape a folder if another tool unpacked the backup. */
function checkName(name: string): void {
  const unsafe =
    name.length === 0 ||
    name.length > 255 ||
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[a-zA-Z]:/.test(name) ||
    name.split('/').some((part) => part === '..' || part === '.') ||
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
    /[\u0000-\u001f]/.test(name);
  if (unsafe) bad(`unsafe file name ${JSON.stringify(name)} in the backup`);
}

/** The bytes of one entry, inflated with a hard stop at its declared size and CRC-checked. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry): Result<Uint8Array> {
  try {
    return ok(extract(bytes, entry));
  } catch (e) {
    if (e instanceof ZipError) return err(e.message);
    if (e instanceof Error) return err(`"${entry.name}" is corrupt (${e.message})`);
    throw e;
  }
}

function extract(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(bytes);
  const p = entry.localOffset;
  if (p + 30 > bytes.length || dv.getUint32(p, true) !== LOCAL) {
    bad(`the file is truncated or corrupt ("${entry.name}" is missing)`);
  }
  const start = p + 30 + dv.getUint16(p + 26, true) + dv.getUint16(p + 28, true);
  if (start + entry.compressedSize > bytes.length)
    bad(`the file is truncated ("${entry.name}" is cut short)`);
  const data = bytes.subarray(start, start + entry.compressedSize);
  const out = entry.method === 0 ? data : inflateBounded(data, entry);
  if (crc32(out) !== entry.crc) bad(`"${entry.name}" is corrupt (checksum mismatch)`);
  return out;
}

function inflateBounded(data: Uint8Array, entry: ZipEntry): Uint8Array {
  const out = new Uint8Array(entry.size);
  let written = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > out.length) {
      overflow = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  for (let i = 0; i < data.length && !overflow; i += INFLATE_STEP) {
    const end = Math.min(data.length, i + INFLATE_STEP);
    inflater.push(data.subarray(i, end), end === data.length);
  }
  if (data.length === 0) bad(`"${entry.name}" is empty`);
  if (overflow) bad(`"${entry.name}" unpacks to more than its declared ${entry.size} bytes (a zip bomb?)`);
  if (written !== entry.size)
    bad(`"${entry.name}" is truncated (unpacks to ${written} of ${entry.size} bytes)`);
  return out;
}
