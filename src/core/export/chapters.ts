// A talk's chapters as sub-headings between its notes. Each note and slide goes under the
// chapter it falls in (the last one starting at or before its time); a chapter nothing falls
// in gets no heading, so a post never shows an empty one.
//
// A heading the user wrote wins: a heading note within `nearSeconds` of a chapter's start
// (before or after it) replaces that chapter's heading, since it names the same part of the
// talk in the user's words. Other user headings stay where they are, beside the chapters.
import type { Chapter, Note } from '../model';
import { normalizeInline } from './escape-text';

export const nearSeconds = 10;

export type WithChapters<T> = { chapter: string } | { item: T };

/** Chapters worth a heading: titled, at a real time, in time order. */
function usable(chapters: readonly Chapter[]): Chapter[] {
  return chapters
    .filter((c) => Number.isFinite(c.start) && c.start >= 0 && normalizeInline(c.title) !== '')
    .sort((a, b) => a.start - b.start);
}

/** `items` (in time order) with a `{ chapter }` before the first item of each chapter. */
export function withChapters<T extends { note: Note }>(
  chapters: readonly Chapter[],
  items: readonly T[],
): Array<WithChapters<T>> {
  const list = usable(chapters);
  if (list.length === 0) return items.map((item) => ({ item }));
  const headings = items.filter((i) => i.note.kind === 'heading').map((i) => i.note.time);
  const replaced = (c: Chapter) => headings.some((t) => Math.abs(t - c.start) <= nearSeconds);
  const out: Array<WithChapters<T>> = [];
  let shown = -1;
  for (const item of items) {
    let at = shown;
    while (at + 1 < list.length && (list[at + 1]?.start ?? Infinity) <= item.note.time) at++;
    if (at > shown) {
      shown = at;
      const chapter = list[at];
      if (chapter && !replaced(chapter)) out.push({ chapter: normalizeInline(chapter.title) });
    }
    out.push({ item });
  }
  return out;
}
