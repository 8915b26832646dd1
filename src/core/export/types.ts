// The exporters' public shapes: the formats, their options with defaults, and the files they give.

export type ExportFormat = 'hugo' | 'jekyll' | 'obsidian' | 'markdown';

export const exportFormats: readonly ExportFormat[] = ['hugo', 'jekyll', 'obsidian', 'markdown'];

/** How the format is named to the user. */
export const exportFormatLabels: Readonly<Record<ExportFormat, string>> = {
  hugo: 'Hugo page bundle',
  jekyll: 'Jekyll post',
  obsidian: 'Obsidian note',
  markdown: 'Markdown',
};

/** One file of an export. `bytes` may be the snapshot's own image bytes (not copied). */
export interface ExportFile {
  /** Relative POSIX path, never absolute, never with `..`. */
  path: string;
  bytes: Uint8Array;
}

export interface ExportOptions {
  /** Used when the post has no author of its own. */
  author: string;
  /** Used when the post has no tags of its own. */
  tags: string[];
  /** Used when the post has no categories of its own. */
  categories: string[];
  /** Hugo figure `width` (e.g. "600px"); Obsidian takes its number as the embed width. "" for none. */
  figureWidth: string;
  /**
   * A talk's heading. Placeholders: {label} {title} {speakers} {speaker} (the first one's name)
   * {names} (all names). A part in [brackets] is dropped when a placeholder inside it is empty,
   * so the default gives "Keynote: Title - Name, Role, Org" or just "Title - Name".
   */
  headingTemplate: string;
  /** A link to the moment before each text note, quote and heading note. Slides always link. */
  timestampLinks: boolean;
  /** Hugo `toc` front matter. */
  toc: boolean;
  /** Text of the link to the talk's recording; "" for no link. */
  recordingLinkText: string;
  /**
   * Notes may hold live shortcodes, Liquid and HTML (for power users). Off: notes show as typed,
   * nothing in them runs (see escape-note).
   */
  liveNotes: boolean;
  /**
   * A slide's figure title. Placeholders: {event} (the talk's channel) {label} {talk} (its
   * title) {speaker} {slide} (the caption typed, else the title read on the slide, else the
   * talk and moment) {time}; [brackets] as in the heading template.
   */
  figureTitleTemplate: string;
  /** A talk's chapters become `####` sub-headings (talks without chapters are unchanged). */
  chapterHeadings: boolean;
}

export const defaultExportOptions: ExportOptions = {
  author: '',
  tags: [],
  categories: [],
  figureWidth: '600px',
  headingTemplate: '[{label}: ]{title}[ - {speakers}]',
  timestampLinks: false,
  toc: true,
  recordingLinkText: 'Watch the recording',
  liveNotes: false,
  figureTitleTemplate: '[{event} - ][{label} - ]{slide}',
  chapterHeadings: true,
};

export function withDefaults(options: Partial<ExportOptions> | undefined): ExportOptions {
  return { ...defaultExportOptions, ...options };
}
