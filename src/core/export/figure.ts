// A slide's figure title (from the user's template) and its alt text, as plain text; each
// format escapes them for where they land. The slide's words come from the caption the user
// typed (the note's first line) and from what OCR read on the picture (`ImageMeta.text`);
// the caption always wins over OCR's title.
import type { ImageMeta, Note, Talk } from '../model';
import { formatTime } from '../time';
import { normalizeInline } from './escape-text';
import { fillTemplate } from './heading';
import { splitCaption } from './plan';

/** Alt text longer than this is cut at a word: screen readers read alt text in one breath. */
export const altMaxLength = 250;

export interface FigureText {
  /** The figure's title from the template. */
  title: string;
  /** Alt text: the slide's words, else the caption, else the talk and moment. */
  alt: string;
  /** True when the title already says the moment (no caption and no slide title to use). */
  timed: boolean;
}

/** "Talk title (1:35)": what a slide is called when nothing names it. */
function talkMoment(talk: Talk, time: number): string {
  return `${normalizeInline(talk.title) || 'Slide'} (${formatTime(time)})`;
}

/** "Slide from Talk title at 1:35": the alt text when nothing on or about the slide is known. */
function slideAt(talk: Talk, time: number): string {
  const title = normalizeInline(talk.title);
  return `Slide${title ? ` from ${title}` : ''} at ${formatTime(time)}`;
}

/** At most `max` characters (code points), cut at a space when one is near, with an ellipsis. */
export function trimText(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function figureText(template: string, note: Note, talk: Talk, image: ImageMeta): FigureText {
  const caption = splitCaption(note.text).caption;
  const read = normalizeInline(image.text?.title ?? '');
  const words = normalizeInline((image.text?.lines ?? []).join(' '));
  const named = caption || read;
  const slide = named || talkMoment(talk, note.time);
  const title =
    fillTemplate(template, {
      event: normalizeInline(talk.channel ?? ''),
      label: normalizeInline(talk.label ?? ''),
      talk: normalizeInline(talk.title),
      speaker: normalizeInline(talk.speakers[0]?.name ?? ''),
      slide,
      time: formatTime(note.time),
    }) || slide;
  return {
    title,
    alt: trimText(words || caption || slideAt(talk, note.time), altMaxLength),
    timed: !named || template.includes('{time}'),
  };
}
