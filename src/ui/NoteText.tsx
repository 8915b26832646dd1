// A note's text as the reader sees it: rendered Markdown, folded to a few lines when long (a
// pasted transcript must not fill several screens), with a button to unfold it.
import { useMemo, useState } from 'preact/hooks';
import { Markdown } from './markdown';

/** Lines shown of a folded note; a note longer than this (or than `foldChars`) is folded. */
export const foldLines = 4;
const foldChars = 320;

export function isLong(text: string): boolean {
  if (text.length > foldChars) return true;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
    if (++lines > foldLines) return true;
  return false;
}

export function NoteText({ text, class: cls, label }: { text: string; class?: string; label: string }) {
  const long = isLong(text);
  const [open, setOpen] = useState(false);
  // Rendering a long note is the costly part: only again when its text changes.
  const body = useMemo(() => <Markdown text={text} class={cls} />, [text, cls]);
  if (!long) return body;
  return (
    <div class={open ? 'fold fold-open' : 'fold fold-closed'}>
      {body}
      <button type="button" class="fold-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Show less' : 'Show more'}
        <span class="visually-hidden"> of {label}</span>
      </button>
    </div>
  );
}

/** Styles for rendered notes and their fold, shared by the panel and the library. */
export const noteTextCss = `
.md > :first-child { margin-top: 0; }
.md > :last-child { margin-bottom: 0; }
.md p, .md ul, .md ol, .md pre, .md blockquote { margin: 0 0 6px; }
.md ul, .md ol { padding-left: 20px; }
.md code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em;
  background: rgb(127 127 127 / 0.15); border-radius: 3px; padding: 0 3px; }
.md pre { overflow-x: auto; white-space: pre-wrap; }
.md pre code { background: none; padding: 0; }
.md blockquote { border-left: 3px solid rgb(127 127 127 / 0.4); padding-left: 8px; }
.md a { color: inherit; text-decoration: underline; }
.md { overflow-wrap: anywhere; }
.fold-closed .md { max-height: calc(${foldLines} * 1.4em); overflow: hidden;
  -webkit-mask-image: linear-gradient(#000 60%, transparent); mask-image: linear-gradient(#000 60%, transparent); }
.fold-toggle { margin-top: 2px; padding: 0; border: 0; background: none; color: inherit; text-decoration: underline;
  cursor: pointer; font: inherit; font-size: 0.92em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
