// File and folder names: no path traversal, no names Windows refuses, stable and unique, and
// short enough in bytes: file systems limit a name to 255 bytes of UTF-8, not 255 characters.
import { normalizeInline } from './escape-text';

const windowsReserved = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** The most UTF-8 bytes one name may take on common file systems (ext4, APFS, NTFS in UTF-16). */
export const MAX_NAME_BYTES = 255;
// A human file name leaves room for an extension and a `-NN` to keep names unique.
const humanNameBytes = MAX_NAME_BYTES - 20;
// And at most 100 UTF-16 units, so a path under a Windows folder stays within its limits.
const humanNameChars = 100;

const encoder = new TextEncoder();
export const utf8Length = (text: string) => encoder.encode(text).length;

/** `text` cut to at most `max` UTF-8 bytes, between characters (never inside a surrogate pair). */
export function cutToBytes(text: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = utf8Length(ch);
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/** True for a name Windows refuses or mangles (reserved device names, a trailing dot or space). */
export function isReservedName(name: string): boolean {
  return windowsReserved.test(name) || /[. ]$/.test(name);
}

/** ASCII slug: accents folded, anything else becomes `-`; at most `max` characters. */
export function slugify(text: string, max = 60): string {
  const folded = normalizeInline(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (folded.length <= max) return folded;
  const cut = folded.slice(0, max);
  // Cut at a word boundary when one is near, so names read well.
  const dash = cut.lastIndexOf('-');
  return (dash > max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/** A post's folder/file slug: its own slug, else its title, else "post"; never reserved. */
export function postSlug(slug: string, title: string): string {
  const s = slugify(slug, 80) || slugify(title, 80) || 'post';
  return isReservedName(s) ? `${s}-post` : s;
}

/**
 * A human file name (Obsidian notes are named after their title): Unicode kept, characters
 * that file systems or Obsidian links refuse removed, no leading dot, no trailing dot or space.
 */
export function humanFileName(text: string, fallback: string): string {
  const cleaned = cutToBytes(
    normalizeInline(text)
      .normalize('NFC')
      .replace(/[\\/:*?"<>|#^[\]%]/g, ' ')
      .replace(/ {2,}/g, ' ')
      .replace(/^[ .]+|[ .]+$/g, ''),
    humanNameBytes,
  )
    .slice(0, humanNameChars)
    .replace(/[\uD800-\uDBFF]$/, '')
    .replace(/[ .]+$/, '');
  if (cleaned === '' || isReservedName(cleaned)) return fallback;
  return cleaned;
}

/** `name` or `name-2`, `name-3`… (before the extension) so that it isn't in `taken`; adds it. */
export function uniqueName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  // Compared case- and normalisation-insensitively: macOS and Windows file systems are.
  const key = (n: string) => n.normalize('NFC').toLowerCase();
  let candidate = name;
  for (let n = 2; taken.has(key(candidate)); n++) candidate = `${base}-${n}${ext}`;
  taken.add(key(candidate));
  return candidate;
}

/** True for a relative POSIX path that stays inside its folder (checked again before writing). */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || /^[a-zA-Z]:/.test(path)) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters don't belong in paths
  if (/[\u0000-\u001F]/.test(path)) return false;
  return path
    .split('/')
    .every((seg) => seg !== '' && seg !== '.' && seg !== '..' && utf8Length(seg) <= MAX_NAME_BYTES);
}
