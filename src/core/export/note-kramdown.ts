// A note for Jekyll, whose Markdown is kramdown (GFM input): its block rules differ from
// CommonMark's, which the note escaper follows. Indented code takes lazy lines, `#x` is a
// heading, a list item runs on into the next unindented line, a rule or `===` can't end a
// paragraph, and kramdown has syntax of its own (`{:…}`, `$$`, `*[…]:`, `[^…]:`, `: `, `^`,
// `|` tables). So the note is written out again, line by line, in the one shape both read the
// same way: the block structure CommonMark gives it (note-blocks), every container marker on
// every line (no lazy lines), indented code as a closed fence, setext headings as ATX, and every
// text line's start escaped so it can only be text. Nothing in the note is then left for
// kramdown to read differently, and nothing in it reaches the block after it.
import type { BlockLine } from './note-blocks';
import { scanBlocks } from './note-blocks';

type Path = BlockLine['path'];

/** The container markers for a line: a marker where it opens a container, spaces where it goes on. */
function prefix(path: Path, blank = false): string {
  let p = '';
  for (const { container: c, opens } of path) {
    if (c.kind === 'quote') p += '> ';
    // kramdown knows `1.` only; an item's content is one space after its marker.
    else if (opens) p += `${c.marker.replace(')', '.')} `;
    else p += ' '.repeat(c.marker.length + 1);
  }
  // An item opened on an otherwise empty line keeps its space: kramdown needs it ("- ").
  const opening = path[path.length - 1]?.opens && path[path.length - 1]?.container.kind === 'item';
  return blank && !opening ? p.trimEnd() : p;
}

const ordered = (marker: string) => /\d/.test(marker);

/**
 * The start of a paragraph line escaped so that kramdown can't read it as a block: ATX heading
 * (no space needed), quote, list item, rule or setext underline, fence, definition (`: `),
 * link, footnote or abbreviation definition, end-of-block marker (`^`).
 */
function textStart(line: string): string {
  if (/^\^[ \t]*$/.test(line)) return `&#94;${line.slice(1)}`;
  if (/^\[[^\]\n]*\]:/.test(line) || line.startsWith('[^')) return `\\${line}`;
  if (/^(?:[#>=:|~]|[-+*](?:[ \t[]|$)|-{2,}|`{3,})/.test(line)) return `\\${line}`;
  const num = /^(\d+)([.)])/.exec(line);
  if (num) return `${num[1]}\\${line.slice((num[1] ?? '').length)}`;
  return line;
}

const delimiterRow = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * A GFM table (a header row, a delimiter row, every line with a `|`): kept a table. Anywhere
 * else a `|` is escaped, since kramdown makes any line holding one a table row.
 */
function isTable(lines: readonly string[]): boolean {
  return lines.length >= 2 && delimiterRow.test(lines[1] ?? '') && lines.every((l) => l.includes('|'));
}

/** A heading's text for kramdown, which eats a trailing run of `#` even without a space. */
const headingText = (text: string) => (/[^\\]#$|^#$/.test(text) ? `${text.slice(0, -1)}\\#` : text);

/** A backtick fence longer than any run in the code, so no line of it can close the fence. */
function fenceRun(body: readonly string[]): string {
  let longest = 2;
  for (const b of body) for (const r of b.match(/`+/g) ?? []) longest = Math.max(longest, r.length);
  return '`'.repeat(longest + 1);
}

/** Lines of one block unit (a paragraph, heading, fence or code block). */
interface Unit {
  lines: BlockLine[];
}

function units(lines: readonly BlockLine[]): Unit[] {
  const out: Unit[] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    const prev = last?.lines[last.lines.length - 1];
    // Blank lines stand alone, except inside code, where they belong to it.
    const joins =
      prev &&
      prev.unit === l.unit &&
      l.kind !== 'blank' &&
      prev.kind !== 'blank' &&
      !l.role &&
      !prev.role &&
      (l.kind === 'text') === (prev.kind === 'text');
    if (last && joins) last.lines.push(l);
    else if (last && prev?.unit === l.unit && l.role === 'setext') last.lines.push(l);
    else out.push({ lines: [l] });
  }
  return out;
}

/** The note (HTML blocks already made text) in the shape kramdown reads as CommonMark does. */
export function kramdownNote(text: string, inline: (text: string, table: boolean) => string): string {
  const out: string[] = [];
  let prevPath: Path = [];
  let prevText = false; // the last line written is paragraph text
  let prevBlank = true;

  /** A blank line first where the line leaves a container kramdown would continue lazily. */
  const separate = (path: Path, kind: 'text' | 'rule' | 'other') => {
    if (prevBlank) return;
    let common = 0;
    while (
      common < prevPath.length &&
      common < path.length &&
      !path[common]?.opens &&
      path[common]?.container === prevPath[common]?.container
    )
      common++;
    const next = path[common];
    const before = prevPath[common]?.container;
    const sibling =
      next?.opens &&
      next.container.kind === 'item' &&
      before?.kind === 'item' &&
      ordered(before.marker) === ordered(next.container.marker);
    // A container that ended must end for kramdown too (it would take the line lazily), and a
    // rule can't interrupt a paragraph there: a blank line in the containers both share.
    if ((common < prevPath.length && !sibling) || (kind === 'rule' && prevText))
      out.push(
        prefix(
          path.slice(0, common).map((p) => ({ ...p, opens: false })),
          true,
        ),
      );
  };
  const write = (path: Path, content: string, kind: 'text' | 'rule' | 'other') => {
    separate(path, kind);
    out.push(prefix(path) + content);
    prevPath = path;
    prevText = kind === 'text';
    prevBlank = false;
  };
  const blank = (path: Path) => {
    // An empty list item (or quote) opened here is a line of its own like any other.
    if (path.some((p) => p.opens)) separate(path, 'other');
    out.push(prefix(path, true));
    prevPath = path;
    prevText = false;
    prevBlank = !path.some((p) => p.opens);
  };
  const fence = (unit: BlockLine[], body: string[], open: string, run: string) => {
    const first = unit[0] as BlockLine;
    const last = unit[unit.length - 1] as BlockLine;
    const goOn = (path: Path) => path.map((p) => ({ ...p, opens: false }));
    write(first.path, open, 'other');
    body.forEach((b, k) => {
      const path = goOn(unit[k + 1]?.path ?? last.path);
      if (b === '') out.push(prefix(path, true));
      else out.push(prefix(path) + b);
    });
    out.push(prefix(goOn(last.path)) + run);
    prevPath = last.path;
    prevText = false;
    prevBlank = false;
  };

  for (const { lines } of units(scanBlocks(text).lines)) {
    const first = lines[0] as BlockLine;
    if (first.kind === 'blank') blank(first.path);
    else if (first.kind === 'fence') {
      const opener = first.rest.trimStart();
      const indent = first.rest.length - opener.length;
      const info = /^(?:`{3,}|~{3,})(.*)$/.exec(opener)?.[1] ?? '';
      const lang = /^\s*([\w+#.-]*)/.exec(info)?.[1] ?? '';
      const closedHere = lines.length > 1 && lines[lines.length - 1]?.kind === 'fence';
      const body = lines.slice(1, closedHere ? -1 : undefined).map((l) => {
        const lead = Math.min(indent, l.rest.length - l.rest.trimStart().length);
        return l.rest.slice(lead);
      });
      const run = fenceRun(body);
      fence(lines, body, run + lang, run);
    } else if (first.kind === 'code') {
      // Indented code becomes a fence: kramdown's indented code would take the lines after it.
      let end = lines.length;
      while (end > 0 && (lines[end - 1]?.rest.trim() ?? '') === '') end--;
      const body = lines.slice(0, end).map((l) => l.rest.slice(4));
      const run = fenceRun(body);
      fence([first, ...lines.slice(0, end)], body, run, run);
      for (const l of lines.slice(end)) blank(l.path);
    } else if (first.role === 'rule') write(first.path, '***', 'rule');
    else if (first.role === 'atx') {
      const m = /^(#{1,6})(?:[ \t]+(.*))?$/.exec(first.rest.trimStart());
      const content = (m?.[2] ?? '').replace(/(?:^|[ \t]+)#+[ \t]*$/, '').trim();
      // An empty heading is not one in kramdown (`#` is text there): it stays a break.
      if (content === '') blank(first.path);
      else write(first.path, `${m?.[1] ?? '#'} ${headingText(inline(content, false))}`, 'other');
    } else {
      const underline = lines[lines.length - 1]?.role === 'setext' ? lines.pop() : undefined;
      const contents = lines.map((l) => l.rest.trimStart());
      const table = !underline && isTable(contents);
      const texts = inline(contents.join('\n'), table).split('\n');
      if (underline) {
        const level = underline.rest.trim().startsWith('=') ? '#' : '##';
        const heading = headingText(texts.join(' ').trim());
        write(first.path, `${level} ${heading}`, 'other');
      } else {
        // A paragraph's lines share its containers; a code span over lines made them fewer.
        const goOn = first.path.map((p) => ({ ...p, opens: false }));
        texts.forEach((t, k) => {
          // The delimiter row is only `|:-` and spaces: as typed (escaped dashes would end it).
          const line = table && k === 1 ? (contents[1] ?? '') : table && t.startsWith('|') ? t : textStart(t);
          write(k === 0 ? first.path : goOn, line, 'text');
        });
        // kramdown would take any next line with a `|` in it as one more row.
        if (table) blank(goOn);
      }
    }
  }
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
