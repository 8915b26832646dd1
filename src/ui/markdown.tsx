// A note's Markdown shown rendered, as Preact elements: never innerHTML, so a note's text can't
// become markup. A small subset (what notes use): paragraphs and line breaks, lists, fenced
// code, quotes, bold, italic, code, links. Links go only to http(s) and mailto, in a new tab.
// Small on purpose: it ships in the content script, which has a size budget.
import type { ComponentChildren, VNode } from 'preact';

/** A bare web address in running text, ending before trailing punctuation. */
const bareUrl = /https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"]/y;

/** Deeper nesting than this is shown as text: hostile input can't blow the stack. */
const maxDepth = 6;

/** The URL when it is one a note may link to (http, https, mailto); null otherwise. */
export function safeHref(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
}

function link(href: string, children: ComponentChildren, key: number): VNode {
  return (
    <a key={key} href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/**
 * Inline Markdown in `s`. Closers are looked up with indexOf from a cache per delimiter, so a
 * text full of unclosed openers stays linear instead of searching to the end at each one.
 */
export function inline(s: string, depth = 0): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let text = '';
  const seen = new Map<string, number>();
  const find = (what: string, from: number) => {
    const hit = seen.get(what);
    if (hit !== undefined && (hit === -1 || hit >= from)) return hit;
    const at = s.indexOf(what, from);
    seen.set(what, at);
    return at;
  };
  const push = (node: ComponentChildren) => {
    if (text) out.push(text);
    text = '';
    out.push(node);
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === '\\' && i + 1 < s.length && /[!-/:-@[-`{-~]/.test(s[i + 1] as string)) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = find('`', i + 1);
      if (end > i + 1) {
        push(<code key={out.length}>{s.slice(i + 1, end)}</code>);
        i = end + 1;
        continue;
      }
    }
    if (depth < maxDepth && (c === '*' || c === '_')) {
      const strong = s[i + 1] === c;
      const mark = strong ? c + c : c;
      // "_" inside a word (snake_case) is not emphasis.
      const wordBefore = c === '_' && /[\p{L}\p{N}]/u.test(s[i - 1] ?? '');
      const end = wordBefore ? -1 : find(mark, i + mark.length + 1);
      if (end > 0 && s[i + mark.length] !== ' ') {
        const inner = inline(s.slice(i + mark.length, end), depth + 1);
        push(strong ? <strong key={out.length}>{inner}</strong> : <em key={out.length}>{inner}</em>);
        i = end + mark.length;
        continue;
      }
    }
    if (c === '[' && depth < maxDepth) {
      const mid = find('](', i + 1);
      const end = mid > 0 ? find(')', mid + 2) : -1;
      const href = end > 0 ? safeHref(s.slice(mid + 2, end)) : null;
      if (href) {
        push(link(href, inline(s.slice(i + 1, mid), depth + 1), out.length));
        i = end + 1;
        continue;
      }
    }
    if (c === 'h' && s.startsWith('http', i) && (i === 0 || /\s|\(/.test(s[i - 1] as string))) {
      bareUrl.lastIndex = i;
      const bare = bareUrl.exec(s);
      const href = bare ? safeHref(bare[0]) : null;
      if (bare && href) {
        push(link(href, bare[0], out.length));
        i += bare[0].length;
        continue;
      }
    }
    text += c;
    i++;
  }
  if (text) out.push(text);
  return out;
}

/** Lines joined with <br>: a note's line breaks are the writer's. */
function lines(ls: string[]): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  ls.forEach((l, i) => {
    if (i > 0) out.push(<br key={`b${i}`} />);
    out.push(...inline(l));
  });
  return out;
}

const bullet = /^\s{0,3}[-*+]\s+/;
const numbered = /^\s{0,3}\d{1,9}[.)]\s+/;

/** Block Markdown: the elements a note renders as. */
export function renderMarkdown(md: string): VNode[] {
  const src = md.replace(/\r\n?/g, '\n').split('\n');
  const blocks: VNode[] = [];
  let i = 0;
  while (i < src.length) {
    const line = src[i] as string;
    if (!line.trim()) {
      i++;
      continue;
    }
    const key = blocks.length;
    if (/^\s{0,3}```/.test(line)) {
      const code: string[] = [];
      i++;
      while (i < src.length && !/^\s{0,3}```/.test(src[i] as string)) code.push(src[i++] as string);
      i++;
      blocks.push(
        <pre key={key}>
          <code>{code.join('\n')}</code>
        </pre>,
      );
      continue;
    }
    const list = bullet.test(line) ? bullet : numbered.test(line) ? numbered : null;
    if (list) {
      const items: string[] = [];
      while (i < src.length && list.test(src[i] as string))
        items.push((src[i++] as string).replace(list, ''));
      const lis = items.map((t, n) => <li key={n}>{inline(t)}</li>);
      blocks.push(list === bullet ? <ul key={key}>{lis}</ul> : <ol key={key}>{lis}</ol>);
      continue;
    }
    const para: string[] = [];
    const quote = /^\s{0,3}>/.test(line);
    while (i < src.length) {
      const l = src[i] as string;
      if (!l.trim() || /^\s{0,3}```/.test(l) || bullet.test(l) || numbered.test(l)) break;
      if (/^\s{0,3}>/.test(l) !== quote) break;
      // "# Heading" shows its words, without the marks.
      para.push(quote ? l.replace(/^\s{0,3}>\s?/, '') : l.replace(/^\s{0,3}#{1,6}\s+/, ''));
      i++;
    }
    blocks.push(quote ? <blockquote key={key}>{lines(para)}</blockquote> : <p key={key}>{lines(para)}</p>);
  }
  return blocks;
}

/** A note's text as rendered Markdown, in a block the caller styles. */
export function Markdown({ text, class: cls }: { text: string; class?: string }) {
  return <div class={cls ? `md ${cls}` : 'md'}>{renderMarkdown(text)}</div>;
}

/** The words of rendered elements: a line per block and per line break. */
function textOf(node: ComponentChildren): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  const v = node as VNode<{ children?: ComponentChildren }>;
  return v.type === 'br' ? '\n' : textOf(v.props.children);
}

/** Markdown reduced to its words, as it reads rendered: for a summary or a search result. */
export function plainText(md: string): string {
  return renderMarkdown(md)
    .map((block) =>
      block.type === 'ul' || block.type === 'ol'
        ? (block.props as { children: VNode[] }).children.map(textOf).join('\n')
        : textOf(block),
    )
    .join('\n');
}
