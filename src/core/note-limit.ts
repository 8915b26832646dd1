// A note holds at most `noteLimit` characters (the store refuses more). Text past the limit is
// never dropped: it is split into notes that each fit, cut at a line break or a space near
// the limit where there is one (never inside a surrogate pair), and the pieces, joined
// again, are exactly the text that was typed or pasted.
import type { Note } from './model';
import { limits } from './validate-util';

export const noteLimit = limits.longText;

/** From this length on, the editors show how many characters the note has left. */
export const noteWarnAt = Math.floor(noteLimit * 0.9);

/** How far back from the limit a cut looks for a line break or a space. */
const lookBack = 2_000;

function cutAt(text: string, limit: number): number {
  let cut = limit;
  // Never between the two halves of an emoji or other astral character.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  const from = Math.max(1, cut - lookBack);
  const line = text.lastIndexOf('\n', cut - 1);
  if (line >= from) return line + 1;
  const space = text.lastIndexOf(' ', cut - 1);
  if (space >= from) return space + 1;
  return cut;
}

/** The text in pieces of at most `limit` characters; one piece when it fits. */
export function splitNoteText(text: string, limit: number = noteLimit): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = cutAt(rest, limit);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/** What the editors say once a text was split: nothing of it is lost, and where it went. */
export function splitMessage(pieces: string[]): string {
  const more = pieces.length - 1;
  const rest = pieces.slice(1).reduce((n, p) => n + p.length, 0);
  return (
    `A note holds at most ${noteLimit.toLocaleString('en-US')} characters: ` +
    `the other ${rest.toLocaleString('en-US')} went on in ${more === 1 ? 'a new note' : `${more} new notes`} ` +
    'right after this one.'
  );
}

/** The counter shown near the limit, or null below it. */
export function charactersLeft(length: number): string | null {
  if (length < noteWarnAt) return null;
  const left = Math.max(0, noteLimit - length);
  return `${left.toLocaleString('en-US')} characters left in this note; more goes on in a new note.`;
}

/**
 * What a note's continuation shares with it: the talk, the moment, who said it. A heading or
 * a slide caption goes on as plain text (a second heading or a slide without a picture would
 * not be what was typed).
 */
export function continuationOf(note: Pick<Note, 'talkId' | 'time' | 'kind'> & { speaker?: string }) {
  return {
    talkId: note.talkId,
    time: note.time,
    kind: note.kind === 'quote' ? ('quote' as const) : ('text' as const),
    ...(note.speaker ? { speaker: note.speaker } : {}),
  };
}
