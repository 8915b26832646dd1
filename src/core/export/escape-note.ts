// A note the user typed, as a closed Markdown block for one export format.
//
// Notes are Markdown (emphasis, lists, links, code), but by default nothing in them runs:
// raw HTML, Hugo shortcodes, Liquid, kramdown attributes, Obsidian `%%` comments and link
// reference definitions are shown as typed, each with the format's own escape (`\<`, `\{`,
// `{{</* */>}}` inside Hugo code). With `live`, a power user's note is passed as typed.
// Either way the note is closed at its end: an open fence or HTML block is closed and a list or
// indented code block is cut off before a block that would continue it, so nothing a note holds changes how anything after it renders.
import { blockMarkdown } from './escape-markdown';
import { type BlockScan, scanBlocks } from './note-blocks';
import { kramdownNote } from './note-kramdown';

/** Which export the note is for: they differ in what runs (shortcodes, Liquid, comments). */
export type NoteFlavour = 'hugo' | 'jekyll' | 'obsidian' | 'markdown';

/**
 * Ends a list or an indented code block: an HTML comment at column 0 is a block of its own, so
 * the next block can't continue the list (or the code block) a note ended with.
 */
export const BLOCK_SEPARATOR = '<!-- -->';

const punctuation = /[!-/:-@[-`{-~]/;
const safeScheme = /^(?:https?:\/\/|mailto:)/i;

// Hugo reads shortcodes before Markdown, inside code too: `{{< x >}}` in code becomes Hugo's
// comment form `{{</* x */>}}`, which Hugo prints as `{{< x >}}`. A `{{<` with no `>}}` after
// it can't be written in Hugo at all; a zero-width space after its braces keeps it inert.
export function hugoInertCode(code: string): string {
  return code.replace(
    /\{\{([<%])([\s\S]*?)(?:([>%])\}\}|$)/g,
    (whole, open: string, inner: string, close) => {
      const end = open === '<' ? '>' : '%';
      if (close === end && !inner.includes('*/') && !inner.startsWith('/*') && !/\{\{[<%]/.test(inner))
        return `{{${open}/*${inner}*/${end}}}`;
      return `{{\u200B${open}${hugoInertCode(whole.slice(3))}`;
    },
  );
}

/** True when the `](` at `at` starts a destination that isn't http(s), mailto or relative. */
function unsafeDestination(src: string, at: number): boolean {
  const m = /^\]\(\s*<?([^\s)>]*)/.exec(src.slice(at));
  const dest = m?.[1] ?? '';
  return dest.includes(':') && !safeScheme.test(dest);
}

// Hugo (Goldmark) and kramdown turn `--` and `...` into dashes and an ellipsis: in a note
// about code (`-->`, `a..b`) that changes what was typed, so the second mark is escaped.
const typographer = (f: NoteFlavour) => f === 'hugo' || f === 'jekyll';

/** True when the line around `at` is a rule or a heading underline, whose dashes are syntax. */
function ruleLine(src: string, at: number): boolean {
  const start = src.lastIndexOf('\n', at) + 1;
  const end = src.indexOf('\n', at);
  // Quote and list markers first, then nothing but dashes: `-->` is text, `> ---` a rule.
  const content = src.slice(start, end < 0 ? undefined : end).replace(/^(?:[ \t]*(?:>|[-+*][ \t]))*/, '');
  return /^[ \t-]*$/.test(content);
}

/** True when `at` is in the quote and list markers its line starts with (`>>` is two quotes). */
function inMarkers(src: string, at: number): boolean {
  const start = src.lastIndexOf('\n', at - 1) + 1;
  const markers = /^(?:[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]))*/.exec(src.slice(start))?.[0] ?? '';
  return at < start + markers.length;
}

/**
 * Escapes inline text outside code spans so that only Markdown's own syntax is live. A table's
 * rows (Jekyll) keep their `|`, which is escaped anywhere else.
 */
function inertInline(src: string, flavour: NoteFlavour, tableRows = false): string {
  let out = '';
  let dest = 0; // parenthesis depth inside a link destination, where quotes delimit a title
  for (let i = 0; i < src.length; ) {
    const c = src[i] as string;
    const next = src[i + 1] ?? '';
    if (c === '\\' && punctuation.test(next)) {
      out += c + next;
      i += 2;
      continue;
    }
    if (c === '`') {
      let n = 1;
      while (src[i + n] === '`') n++;
      const fence = '`'.repeat(n);
      let j = src.indexOf(fence, i + n);
      while (j >= 0 && src[j + n] === '`') {
        let k = j;
        while (src[k] === '`') k++;
        j = src.indexOf(fence, k);
      }
      // kramdown ends a span at the first run of as many backticks, even inside a longer one,
      // and takes a lone backtick between spaces as text: where it would read the span
      // differently, the backticks are escaped so that neither reads one.
      const kramdownDiffers =
        flavour === 'jekyll' &&
        (src.indexOf(fence, i + n) !== j ||
          (n === 1 && (i === 0 || /\s/.test(src[i - 1] ?? '')) && /\s/.test(next)));
      if (j < 0 || kramdownDiffers) {
        out += flavour === 'jekyll' ? '\\`'.repeat(n) : fence;
        i += n;
        continue;
      }
      const span = src.slice(i, j + n);
      // A span over lines goes on one line for kramdown, where a line in it that starts like
      // an HTML block, a list or a heading would end the paragraph (and the span) there.
      if (flavour === 'jekyll') out += span.replace(/\n/g, ' ');
      else out += flavour === 'hugo' ? hugoInertCode(span) : span;
      i = j + n;
      continue;
    }
    if (dest > 0 && c === '(') dest++;
    if (dest > 0 && c === ')') dest--;
    if (c === ']' && next === '(') {
      if (unsafeDestination(src, i)) out += '\\';
      else dest = 1;
      out += '](';
      i += 2;
      continue;
    }
    const prev = src[i - 1];
    const twin = (ch: string) => c === ch && (next === ch || prev === ch);
    if (c === '<' || c === '{' || (c === '"' && dest === 0)) out += `\\${c}`;
    else if (flavour === 'obsidian' && twin('%')) out += '\\%';
    // kramdown: `$$` is math and a `|` anywhere on a line makes it a table row; both
    // typographers make `>>` a guillemet.
    else if (flavour === 'jekyll' && (twin('$') || (c === '|' && dest === 0 && !tableRows))) out += `\\${c}`;
    else if (typographer(flavour) && twin('>') && !inMarkers(src, i)) out += '\\>';
    // (For Jekyll, a note's rules and underlines are written anew, never passed through here.)
    else if (
      typographer(flavour) &&
      prev === c &&
      (c === '.' || (c === '-' && (flavour === 'jekyll' || !ruleLine(src, i))))
    )
      out += `\\${c}`;
    else out += c;
    i++;
  }
  return out;
}

/** Lines that start an HTML block get their `<` escaped, until no HTML block is left. */
function withoutHtmlBlocks(lines: string[]): string[] {
  for (let pass = 0; pass <= lines.length; pass++) {
    const scan = scanBlocks(lines.join('\n'));
    let changed = false;
    scan.lines.forEach((l, i) => {
      const starts =
        l.kind === 'html' &&
        (i === 0 || scan.lines[i - 1]?.unit !== l.unit || scan.lines[i - 1]?.kind !== 'html');
      if (starts) {
        // Container markers never hold `<`, so the first one is where the block starts.
        lines[i] = (lines[i] ?? '').replace('<', '\\<');
        changed = true;
      }
    });
    if (!changed) break;
  }
  return lines;
}

/**
 * Footnote and kramdown abbreviation definitions would reach other notes, and a definition
 * would make the paragraph before it (another note's) its term. They may start on any
 * line (Goldmark and kramdown let them interrupt a paragraph).
 */
function definitionEscaped(line: string, rest: string): string {
  if (/^ {0,3}\[\^/.test(rest)) return line.replace('[', '\\[');
  // `: ` after a paragraph makes it a definition list's term (Hugo's Goldmark, kramdown).
  if (/^ {0,3}:/.test(rest)) return line.replace(':', '\\:');
  if (/^ {0,3}\*\[/.test(rest)) return line.replace('*[', '\\*[');
  return line;
}

// A link reference definition's label may span lines and hold escaped brackets.
const linkDefinition = /^\[(?:[^\][\\]|\\[\s\S])*\]:/;

/** The unit (already escaped) with a link reference definition at its start made text. */
function withoutLinkDefinition(lines: string[], rest: string): string[] {
  const first = lines[0] ?? '';
  const at = first.indexOf('[');
  if (!/^ {0,3}\[/.test(rest) || at < 0) return lines;
  const text = [first.slice(at), ...lines.slice(1)].join('\n');
  return linkDefinition.test(text) ? [`${first.slice(0, at)}\\${first.slice(at)}`, ...lines.slice(1)] : lines;
}

/** A fence's info string becomes a plain language name (Hugo reads `{...}` options there). */
function plainInfo(line: string): string {
  return line.replace(/(`{3,}|~{3,})(.*)$/, (_, run: string, info: string) => {
    const lang = /^\s*([\w+#.-]*)/.exec(info)?.[1] ?? '';
    return `${run}${lang}`;
  });
}

function transformUnits(lines: string[], scan: BlockScan, flavour: NoteFlavour, live: boolean): string[] {
  const out = lines.slice();
  let i = 0;
  while (i < scan.lines.length) {
    const first = scan.lines[i];
    if (!first) break;
    let j = i + 1;
    while (j < scan.lines.length && scan.lines[j]?.unit === first.unit && scan.lines[j]?.kind === first.kind)
      j++;
    if (first.kind === 'text') {
      for (let k = i; k < j; k++) out[k] = definitionEscaped(out[k] ?? '', scan.lines[k]?.rest ?? '');
      let unit = out.slice(i, j);
      if (!live) unit = inertInline(unit.join('\n'), flavour).split('\n');
      if (first.paragraphStart) unit = withoutLinkDefinition(unit, first.rest);
      out.splice(i, j - i, ...unit);
    } else if (first.kind === 'code' && !live && flavour === 'hugo') {
      const inert = hugoInertCode(out.slice(i, j).join('\n')).split('\n');
      out.splice(i, j - i, ...inert);
    } else if (first.kind === 'fence' && !live) {
      for (let k = i; k < j; k++) out[k] = plainInfo(out[k] ?? '');
    }
    i = j;
  }
  return out;
}

const htmlEnd: Record<number, (tag: string) => string> = {
  1: (tag) => `</${tag}>`,
  2: () => '-->',
  3: () => '?>',
  4: () => '>',
  5: () => ']]>',
};

/** Closes what the note leaves open; see the module comment. */
function closed(text: string): string {
  const scan = scanBlocks(text);
  const { leaf } = scan;
  // The closing line goes inside the containers the open block is in.
  const prefix = scan.open.map((c) => (c.kind === 'quote' ? '> ' : ' '.repeat(c.indent))).join('');
  if (leaf.kind === 'fence') return `${text}\n${prefix}${leaf.ch.repeat(leaf.len)}`;
  if (leaf.kind === 'html' && leaf.type <= 5)
    return `${text}\n${prefix}${htmlEnd[leaf.type]?.(leaf.tag) ?? ''}`;
  return text;
}

/**
 * True when `next`, after a blank line, would continue what `prev` ends with: a list (a new
 * item, or indented text) or an indented code block. The separator goes between them then.
 */
export function separatorNeeded(prev: string, next: string): boolean {
  if (!/^(?:[ \t]|[ ]{0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$))/.test(next)) return false;
  const scan = scanBlocks(prev);
  return scan.open[0]?.kind === 'item' || (scan.open.length === 0 && scan.leaf.kind === 'indented');
}

/** The note as a closed Markdown block ("" when it holds nothing). */
export function noteMarkdown(text: string, flavour: NoteFlavour, live: boolean): string {
  const md = blockMarkdown(text);
  if (md === '') return '';
  let lines = md.split('\n');
  if (!live) lines = withoutHtmlBlocks(lines);
  if (flavour === 'jekyll' && !live)
    return kramdownNote(lines.join('\n'), (t, table) => inertInline(t, 'jekyll', table));
  lines = transformUnits(lines, scanBlocks(lines.join('\n')), flavour, live);
  return closed(lines.join('\n'));
}

/** A heading note's inline Markdown, inert unless `live`. */
export function noteInline(line: string, flavour: NoteFlavour, live: boolean): string {
  return live ? line : inertInline(line, flavour);
}
