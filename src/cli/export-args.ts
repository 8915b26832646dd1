// Arguments of `talkmark export`, parsed into a plain object or a message for the user.
import { type ExportFormat, exportFormats } from '../core/export';

export const EXPORT_USAGE = `usage: talkmark export BACKUP --format hugo|jekyll|obsidian|markdown [--post ID ... | --all] --out DIR
  Writes posts from a Talkmark backup file (the library page's "Back up") as blog posts.
  --post ID      the post to export (repeatable); without --post or --all, the backup's only post
  --all          every post in the backup
  --out DIR      the folder to write into (created if missing); nothing is written outside it
  --force        overwrite files that already exist
  --timestamps   a link to the moment before each note and quote
  --no-chapters  no sub-headings from the talks' chapters
  --figure-title TEMPLATE  slide figure titles, e.g. "{event} - {slide}" (see the settings page)`;

export interface ExportArgs {
  backup: string;
  format: ExportFormat;
  postIds: string[];
  all: boolean;
  out: string;
  force: boolean;
  timestamps: boolean;
  chapters: boolean;
  /** The figure title template; the default when absent. */
  figureTitle?: string;
}

const isFormat = (s: string): s is ExportFormat => (exportFormats as readonly string[]).includes(s);

export function parseExportArgs(args: readonly string[]): ExportArgs | string {
  let backup: string | null = null;
  let format: string | null = null;
  let out: string | null = null;
  const postIds: string[] = [];
  let all = false;
  let force = false;
  let timestamps = false;
  let chapters = true;
  let figureTitle: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--figure-title') {
      const value = args[++i];
      if (value === undefined) return `${arg} needs a value`;
      figureTitle = value;
    } else if (arg === '--format' || arg === '--post' || arg === '--out') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) return `${arg} needs a value`;
      if (arg === '--format') format = value;
      else if (arg === '--out') out = value;
      else postIds.push(value);
    } else if (arg === '--all') all = true;
    else if (arg === '--force') force = true;
    else if (arg === '--timestamps') timestamps = true;
    else if (arg === '--no-chapters') chapters = false;
    else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else if (backup === null) backup = arg;
    else return `unexpected argument ${arg}`;
  }
  if (backup === null) return 'missing BACKUP (the backup file to read)';
  if (format === null) return `missing --format (one of ${exportFormats.join(', ')})`;
  if (!isFormat(format)) return `unknown format "${format}"; expected one of ${exportFormats.join(', ')}`;
  if (out === null) return 'missing --out DIR (the folder to write into)';
  if (all && postIds.length > 0) return 'give either --post or --all, not both';
  return {
    backup,
    format,
    postIds,
    all,
    out,
    force,
    timestamps,
    chapters,
    ...(figureTitle === undefined ? {} : { figureTitle }),
  };
}
