// Markdown escaping for text the PAGE supplied or the user meant literally (titles, speaker
// names, captions, quotes): it must render as itself, never as Markdown, HTML, a Hugo
// shortcode or a Liquid tag. Notes the user typed as Markdown are not passed through here.
import { normalizeInline, wellFormed } from './escape-text';

/** Hugo (Goldmark), Obsidian and plain exports speak CommonMark; Jekyll speaks kramdown (GFM input). */
export type MarkdownDialect = 'commonmark' | 'kramdown';

// CommonMark allows a backslash before any ASCII punctuation. Escaping it defuses Hugo's `{{<`,
// Goldmark's `{#id}` attributes and typographer, and Obsidian's `[[`. Marks that can't start or
// end anything (, ; : ? % / @, a lone dot) stay bare so the exported text reads like prose; a
// dot is escaped in `...` (typographer) and after a leading number (`1.` would start a list).
const asciiPunctuation = /[!-/:-@[-`{-~]/g;
const bare = new Set([',', ';', ':', '?', '%', '/', '@', '.']);

function escapeCommonMark(line: string): string {
  return line.replace(asciiPunctuation, (ch, at: number) => {
    if (!bare.has(ch)) return `\\${ch}`;
    if (ch !== '.') return ch;
    const dots = line[at - 1] === '.' || line[at + 1] === '.';
    return dots || /^\d+$/.test(line.slice(0, at)) ? `\\${ch}` : ch;
  });
}

// kramdown only honours a backslash before these. `&`, `~` and `^` get entities instead: GFM
// input reads `\~` in text but not in an image's alt, and `[^` would open a footnote. Escaping
// quotes, dashes and dots also stops kramdown's smart quotes and typographic symbols.
const kramdownEscapable = /[\\.*_+\-`()[\]}#!:|"'$=<>]/g;

/** `text` on one line, escaped so it renders literally. */
export function escapeInline(text: string, dialect: MarkdownDialect): string {
  const line = normalizeInline(text);
  if (dialect === 'commonmark') return escapeCommonMark(line);
  // `{` as an entity: Liquid (when a user turns it on) must not see `{{` or `{%`.
  return line
    .replace(/&/g, '&amp;')
    .replace(kramdownEscapable, (ch) => `\\${ch}`)
    .replace(/\{/g, '&#123;')
    .replace(/~/g, '&#126;')
    .replace(/\^/g, '&#94;');
}

/**
 * A heading note's own Markdown on one line. Inline Markdown stays; a trailing run of `#`
 * would be eaten as the heading's closing sequence, so it is escaped.
 */
export function headingMarkdown(text: string): string {
  const line = normalizeInline(text);
  return /(^|\s)#+$/.test(line) ? `${line.slice(0, -1)}\\#` : line;
}

/** The user's Markdown as a block: well-formed, no trailing blank lines, `\r\n` as `\n`. */
export function blockMarkdown(text: string): string {
  return wellFormed(text)
    .replace(/\r\n?/g, '\n')
    .replace(/\s+$/, '')
    .replace(/^(?:[ \t]*\n)+/, '');
}

/**
 * A URL fit for a link destination, or null when it isn't http(s) (a `javascript:` URL from a
 * hostile backup must never become a link). Characters that end or confuse a destination are
 * percent-encoded.
 */
export function safeUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  return parsed.href.replace(
    /[()<>"'`\\\s{}|^]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** `[text](url)` with the text escaped; just the escaped text when the URL isn't safe. */
export function link(text: string, url: string, dialect: MarkdownDialect): string {
  const href = safeUrl(url);
  const label = escapeInline(text, dialect);
  return href === null ? label : `[${label}](${href})`;
}

/**
 * True when prefixing `text` with inline content keeps it a paragraph, i.e. its first line
 * doesn't open a heading, quote, list, fence, table, HTML block, thematic break or indented code.
 */
export function startsAsParagraph(text: string): boolean {
  const first = text.split('\n', 1)[0] ?? '';
  if (first.trim() === '' || /^( {4}|\t)/.test(first)) return false;
  return !/^ {0,3}(?:[#>*+\-=_|~`<[!]|\d{1,9}[.)])/.test(first);
}

/**
 * `"title"` for an image or link destination. CommonMark reads backslash escapes there; kramdown
 * reads a title raw up to the first `")` and passes entities through, so it gets entities.
 */
export function linkTitle(text: string, dialect: MarkdownDialect): string {
  const line = normalizeInline(text);
  if (dialect === 'commonmark') return `"${escapeCommonMark(line)}"`;
  const entities: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };
  // `)` ends the destination; `|` could start a kramdown table cell; `\` and braces stay literal.
  return `"${line.replace(/[&"<>)|\\{}]/g, (ch) => entities[ch] ?? `&#${ch.charCodeAt(0)};`)}"`;
}

/**
 * An Obsidian embed's alias (`![[file|alias|width]]`), which Obsidian shows as the image's alt
 * text. It has no escapes: `|` would end it, `[[`/`]]` would end or nest the link, so those
 * become look-alikes (a backtick too); an alias that reads as a size ("300", "300x200") gets a prefix.
 */
export function obsidianAlias(text: string): string {
  const line = normalizeInline(text)
    .replace(/\|/g, '¦')
    .replace(/\[/g, '⁅')
    .replace(/\]/g, '⁆')
    // A backtick would open a code span that runs on into the label line under the embed.
    .replace(/`/g, 'ˋ');
  return /^\d+(x\d+)?$/.test(line) ? `Slide ${line}` : line;
}
