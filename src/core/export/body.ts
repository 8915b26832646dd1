// The post's Markdown body, shared by every format; a format supplies how a slide is shown
// and which Markdown flavour its text is escaped for.
import type { Note, Talk } from '../model';
import { formatTime } from '../time';
import { momentUrl } from '../video-url';
import { withChapters } from './chapters';
import {
  escapeInline,
  headingMarkdown,
  type MarkdownDialect,
  safeUrl,
  startsAsParagraph,
} from './escape-markdown';
import { BLOCK_SEPARATOR, type NoteFlavour, noteInline, noteMarkdown, separatorNeeded } from './escape-note';
import { normalizeInline } from './escape-text';
import { figureText } from './figure';
import { type Plan, type PlannedImage, splitCaption } from './plan';
import type { ExportOptions } from './types';

/** What a format needs to print one slide. */
export interface SlideRef {
  image: PlannedImage;
  /** Plain text, from the figure title template. */
  title: string;
  /** Plain text: the slide's words, else its caption, else the talk and moment. */
  alt: string;
  /** True when `title` already says the moment. */
  timed: boolean;
  /** Safe http(s) link to the moment, or null. */
  moment: string | null;
  time: number;
}

export interface BodyStyle {
  dialect: MarkdownDialect;
  /** Which format's template syntax a note must not run (see escape-note). */
  notes: NoteFlavour;
  figure: (slide: SlideRef) => string;
}

function momentLink(talk: Talk, time: number): string {
  // "1:35" is digits and colons, our own text: no escaping needed.
  const href = safeUrl(momentUrl(talk, time));
  return href ? `[${formatTime(time)}](${href})` : formatTime(time);
}

function quote(note: Note, talk: Talk, options: ExportOptions, dialect: MarkdownDialect): string | null {
  const text = escapeInline(note.text, dialect);
  if (text === '') return null;
  const speaker = normalizeInline(note.speaker ?? '') || normalizeInline(talk.speakers[0]?.name ?? '');
  const stamp = options.timestampLinks ? momentLink(talk, note.time) : '';
  const by = [speaker ? escapeInline(speaker, dialect) : '', stamp].filter(Boolean).join(', ');
  // `\-` keeps the attribution from starting a list inside the quote.
  return by ? `> "${text}"\n> \\- ${by}` : `> "${text}"`;
}

function textNote(note: Note, talk: Talk, options: ExportOptions, style: BodyStyle): string | null {
  const text = noteMarkdown(note.text, style.notes, options.liveNotes);
  if (text === '') return null;
  if (!options.timestampLinks) return text;
  const stamp = momentLink(talk, note.time);
  // Prefixing a list or a heading would change what it is: the stamp gets its own line then.
  return startsAsParagraph(text) ? `${stamp} ${text}` : `${stamp}\n\n${text}`;
}

function noteBlock(
  note: Note,
  image: PlannedImage | undefined,
  talk: Talk,
  options: ExportOptions,
  style: BodyStyle,
): string | null {
  switch (note.kind) {
    case 'heading': {
      const h = noteInline(headingMarkdown(note.text), style.notes, options.liveNotes);
      return h ? `#### ${h}` : null;
    }
    case 'quote':
      return quote(note, talk, options, style.dialect);
    case 'slide': {
      const rest = noteMarkdown(splitCaption(note.text).rest, style.notes, options.liveNotes);
      if (!image) {
        // The picture is missing from the snapshot: keep what the user wrote about it.
        const caption = splitCaption(note.text).caption;
        return (
          [caption ? escapeInline(caption, style.dialect) : '', rest].filter(Boolean).join('\n\n') || null
        );
      }
      const figure = style.figure({
        image,
        ...figureText(options.figureTitleTemplate, note, talk, image.image),
        moment: safeUrl(momentUrl(talk, note.time)),
        time: note.time,
      });
      return rest ? `${figure}\n\n${rest}` : figure;
    }
    default:
      return textNote(note, talk, options, style);
  }
}

/**
 * Intro, then `##` sections, `###` talks with their recording link and notes, then closing, as
 * separate blocks: each is closed, so the post renders as its blocks rendered one by one.
 */
export function renderBlocks(plan: Plan, options: ExportOptions, style: BodyStyle): string[] {
  const blocks: string[] = [];
  const push = (b: string | null) => {
    if (!b) return;
    const last = blocks.length - 1;
    if (last >= 0 && separatorNeeded(blocks[last] ?? '', b)) blocks[last] += `\n\n${BLOCK_SEPARATOR}`;
    blocks.push(b);
  };
  push(noteMarkdown(plan.post.intro, style.notes, options.liveNotes));
  for (const section of plan.sections) {
    const title = escapeInline(section.title, style.dialect);
    if (title) push(`## ${title}`);
    for (const t of section.talks) {
      push(`### ${escapeInline(t.heading, style.dialect)}`);
      if (options.recordingLinkText) {
        const href = safeUrl(momentUrl(t.talk, 0).replace(/([?&#])t=0s?$/, ''));
        if (href) push(`[${escapeInline(options.recordingLinkText, style.dialect)}](${href})`);
      }
      const notes = options.chapterHeadings
        ? withChapters(t.talk.chapters, t.notes)
        : t.notes.map((item) => ({ item }));
      for (const n of notes) {
        if ('chapter' in n) push(`#### ${escapeInline(n.chapter, style.dialect)}`);
        else push(noteBlock(n.item.note, n.item.image, t.talk, options, style));
      }
    }
  }
  push(noteMarkdown(plan.post.closing, style.notes, options.liveNotes));
  return blocks;
}

export function renderBody(plan: Plan, options: ExportOptions, style: BodyStyle): string {
  return `${renderBlocks(plan, options, style).join('\n\n')}\n`;
}
