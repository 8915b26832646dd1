// The block structure of a note, as a CommonMark parser sees it, line by line: which lines are
// inline text, code, fences or HTML, and what is still open at the note's end. The note
// escaper uses it to neutralise what a note holds and to close what it leaves open, so a note
// can't change how anything after it renders. This is the CommonMark block algorithm (spec
// 0.31, section 5-6) reduced to what that needs: no inline parsing, tabs as 4-column stops.

export type LineKind = 'blank' | 'text' | 'code' | 'fence' | 'html';

export interface BlockLine {
  kind: LineKind;
  /** Lines of one paragraph, heading or code block share a unit (code spans can't cross units). */
  unit: number;
  /** The line's content after its container markers (tabs expanded). */
  rest: string;
  /** True on the first line of a paragraph (where a link reference definition may start). */
  paragraphStart: boolean;
  /** A text line that is syntax of its own: an ATX heading, a setext underline or a rule. */
  role?: 'atx' | 'setext' | 'rule';
  /** The containers the line is in, outermost first, and whether the line opens each. */
  path: readonly { container: Container; opens: boolean }[];
}

export type Container =
  | { kind: 'quote' }
  | { kind: 'item'; indent: number; blankStart: boolean; empty: boolean; marker: string };

export type Leaf =
  | { kind: 'none' }
  | { kind: 'para' }
  | { kind: 'indented' }
  | { kind: 'fence'; ch: string; len: number; indent: number }
  | { kind: 'html'; type: number; tag: string };

export interface BlockScan {
  lines: BlockLine[];
  /** Containers still open at the end, outermost first. */
  open: readonly Container[];
  /** The leaf block still open at the end. */
  leaf: Leaf;
}

const blockTags =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const attr = `\\s+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?`;
const htmlStarts: ReadonlyArray<readonly [RegExp, number]> = [
  [/^<(pre|script|style|textarea)(?:\s|>|$)/i, 1],
  [/^<!--/, 2],
  [/^<\?/, 3],
  [/^<![a-zA-Z]/, 4],
  [/^<!\[CDATA\[/, 5],
  [new RegExp(`^</?(?:${blockTags})(?:\\s|/?>|$)`, 'i'), 6],
  [new RegExp(`^(?:<[a-zA-Z][a-zA-Z0-9-]*(?:${attr})*\\s*/?>|</[a-zA-Z][a-zA-Z0-9-]*\\s*>)\\s*$`), 7],
];
const htmlEnds: Record<number, RegExp> = {
  1: /<\/(?:pre|script|style|textarea)>/i,
  2: /-->/,
  3: /\?>/,
  4: />/,
  5: /\]\]>/,
};

/** The line with tabs expanded to 4-column stops. */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(4 - (out.length % 4)) : ch;
  return out;
}

const indentOf = (s: string) => s.length - s.trimStart().length;
const isBlank = (s: string) => /^[ \t]*$/.test(s);

function htmlStart(s: string): { type: number; tag: string } | null {
  for (const [re, type] of htmlStarts) {
    const m = re.exec(s);
    if (m) return { type, tag: (m[1] ?? '').toLowerCase() };
  }
  return null;
}

const fenceOpen = /^(`{3,}|~{3,})(.*)$/;
const thematic = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const listMarker = /^([-+*]|(\d{1,9})[.)])( +|$)/;

/** Scans a note (lines split on `\n`) into its blocks. */
export function scanBlocks(text: string): BlockScan {
  const lines: BlockLine[] = [];
  let stack: Container[] = [];
  let leaf = { kind: 'none' } as Leaf;
  let unit = 0;
  const newLeaf = (l: Leaf) => {
    leaf = l;
    unit++;
  };
  let opensNow = new Set<Container>();
  const push = (line: Omit<BlockLine, 'path'>) =>
    lines.push({ ...line, path: stack.map((container) => ({ container, opens: opensNow.has(container) })) });
  for (const raw of text.split('\n')) {
    let s = expandTabs(raw);
    opensNow = new Set();
    // 1. Which open containers does this line continue?
    let matched = 0;
    for (const c of stack) {
      const ind = indentOf(s);
      if (c.kind === 'quote') {
        if (ind > 3 || s[ind] !== '>') break;
        s = s.slice(ind + 1);
        if (s.startsWith(' ')) s = s.slice(1);
      } else if (isBlank(s)) {
        // An item that began with a blank line ends at a second one.
        if (c.blankStart && c.empty) break;
        s = '';
      } else if (ind >= c.indent) {
        s = s.slice(c.indent);
      } else break;
      matched++;
    }
    const all = matched === stack.length;
    // 2. Leaves that take the line as it is when every container continues.
    if (all && leaf.kind === 'fence') {
      const ind = indentOf(s);
      const closing = new RegExp(`^${leaf.ch === '`' ? '`' : '~'}{${leaf.len},}[ \\t]*$`);
      if (ind <= 3 && closing.test(s.slice(ind))) {
        push({ kind: 'fence', unit, rest: s, paragraphStart: false });
        newLeaf({ kind: 'none' });
      } else push({ kind: 'code', unit, rest: s, paragraphStart: false });
      continue;
    }
    if (all && leaf.kind === 'html') {
      if (leaf.type >= 6 && isBlank(s)) {
        push({ kind: 'blank', unit, rest: s, paragraphStart: false });
        newLeaf({ kind: 'none' });
        continue;
      }
      push({ kind: 'html', unit, rest: s, paragraphStart: false });
      const end = htmlEnds[leaf.type];
      if (end?.test(s)) newLeaf({ kind: 'none' });
      continue;
    }
    // 3. New containers and leaves.
    const lazyCandidate = !all && leaf.kind === 'para';
    let opened = false;
    const closeUnmatched = () => {
      if (matched < stack.length) {
        stack = stack.slice(0, matched);
        if (leaf.kind !== 'none') newLeaf({ kind: 'none' });
      }
    };
    for (;;) {
      const ind = indentOf(s);
      const body = s.slice(ind);
      if (isBlank(s)) {
        closeUnmatched();
        if (leaf.kind === 'para') newLeaf({ kind: 'none' });
        const top = stack[stack.length - 1];
        if (top?.kind === 'item' && opened) top.blankStart = true;
        push({
          kind: leaf.kind === 'indented' ? 'code' : 'blank',
          unit,
          rest: s,
          paragraphStart: false,
        });
        break;
      }
      const inPara = leaf.kind === 'para' && (all || lazyCandidate) && !opened;
      // Only a paragraph whose containers all continue limits what may start (as commonmark.js).
      const interrupting = leaf.kind === 'para' && all && !opened;
      if (ind >= 4) {
        if (inPara) {
          if (lazyCandidate) matched = stack.length; // lazy continuation keeps the containers
          push({ kind: 'text', unit, rest: s, paragraphStart: false });
        } else {
          closeUnmatched();
          if (leaf.kind !== 'indented') newLeaf({ kind: 'indented' });
          push({ kind: 'code', unit, rest: s, paragraphStart: false });
        }
        break;
      }
      if (body.startsWith('>')) {
        closeUnmatched();
        const quote: Container = { kind: 'quote' };
        stack.push(quote);
        opensNow.add(quote);
        matched = stack.length;
        opened = true;
        if (leaf.kind !== 'none') newLeaf({ kind: 'none' });
        s = body.slice(1);
        if (s.startsWith(' ')) s = s.slice(1);
        continue;
      }
      if (/^#{1,6}(?:[ \t]|$)/.test(body)) {
        closeUnmatched();
        newLeaf({ kind: 'none' });
        push({ kind: 'text', unit, rest: s, paragraphStart: false, role: 'atx' });
        break;
      }
      const fence = fenceOpen.exec(body);
      if (fence && !(fence[1]?.startsWith('`') && fence[2]?.includes('`'))) {
        closeUnmatched();
        const run = fence[1] ?? '```';
        newLeaf({ kind: 'fence', ch: run[0] ?? '`', len: run.length, indent: ind });
        push({ kind: 'fence', unit, rest: s, paragraphStart: false });
        break;
      }
      const html = htmlStart(body);
      if (html && !(html.type === 7 && inPara)) {
        closeUnmatched();
        newLeaf({ kind: 'html', type: html.type, tag: html.tag });
        push({ kind: 'html', unit, rest: s, paragraphStart: false });
        if (html.type <= 5 && htmlEnds[html.type]?.test(body)) newLeaf({ kind: 'none' });
        break;
      }
      if (inPara && all && /^(?:=+|-+)[ \t]*$/.test(body)) {
        // A setext underline turns the paragraph into a heading.
        push({ kind: 'text', unit, rest: s, paragraphStart: false, role: 'setext' });
        newLeaf({ kind: 'none' });
        break;
      }
      if (thematic.test(body)) {
        closeUnmatched();
        newLeaf({ kind: 'none' });
        push({ kind: 'text', unit, rest: s, paragraphStart: false, role: 'rule' });
        break;
      }
      const item = listMarker.exec(body);
      if (item) {
        const marker = item[1] ?? '-';
        const spaces = (item[3] ?? '').length;
        const emptyItem = spaces === 0 || isBlank(body.slice(marker.length));
        const interrupts = !interrupting || (!emptyItem && (item[2] === undefined || item[2] === '1'));
        if (interrupts) {
          closeUnmatched();
          const pad = emptyItem || spaces > 4 ? 1 : spaces;
          const opening: Container = {
            kind: 'item',
            indent: ind + marker.length + pad,
            blankStart: false,
            empty: emptyItem,
            marker,
          };
          stack.push(opening);
          opensNow.add(opening);
          matched = stack.length;
          opened = true;
          if (leaf.kind !== 'none') newLeaf({ kind: 'none' });
          s = emptyItem ? '' : body.slice(marker.length + pad);
          continue;
        }
      }
      // Paragraph text: a continuation (lazy or not) or a new paragraph.
      if (inPara) {
        if (lazyCandidate) matched = stack.length;
        push({ kind: 'text', unit, rest: s, paragraphStart: false });
      } else {
        closeUnmatched();
        newLeaf({ kind: 'para' });
        push({ kind: 'text', unit, rest: s, paragraphStart: true });
      }
      break;
    }
    for (const c of stack) if (c.kind === 'item' && !isBlank(s)) c.empty = false;
  }
  return { lines, open: stack, leaf };
}
