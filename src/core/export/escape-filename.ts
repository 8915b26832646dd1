// File and folder names: no path traversal, no names Windows refuses, stable and unique.
import { normalizeInline } from './escape-text';

const windowsReserved = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

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
  return windowsReserved.test(s) ? `${s}-post` : s;
}

/**
 * A human file name (Obsidian notes are named after their title): Unicode kept, characters
 * that file systems or Obsidian links refuse removed, no leading dot, no trailing dot or space.
 */
export function humanFileName(text: string, fallback: string): string {
  const cleaned = Array.from(
    normalizeInline(text)
      .replace(/[\\/:*?"<>|#^[\]%]/g, ' ')
      .replace(/ {2,}/g, ' ')
      .replace(/^[ .]+|[ .]+$/g, ''),
  )
    .slice(0, 100)
    .join('')
    .replace(/[ .]+$/, '');
  if (cleaned === '' || windowsReserved.test(cleaned)) return fallback;
  return cleaned;
}

/** `name` or `name-2`, `name-3`… (before the extension) so that it isn't in `taken`; adds it. */
export function uniqueName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}${ext}`;
  // Compared case-insensitively: macOS and Windows file systems are.
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** True for a relative POSIX path that stays inside its folder (checked again before writing). */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || /^[a-zA-Z]:/.test(path)) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters don't belong in paths
  if (/[\u0000-\u001F]/.test(path)) return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}
