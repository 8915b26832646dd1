// `talkmark export BACKUP --format F [--post ID | --all] --out DIR`: the extension's exporters
// over a backup file. Exit codes: 0 done, 1 bad input or a write failed, 2 bad arguments.
import { readFileSync } from 'node:fs';
import { decodeBackup } from '../core/backup';
import { exportPosts } from '../core/export';
import type { PostId, Snapshot } from '../core/model';
import { EXPORT_USAGE, type ExportArgs, parseExportArgs } from './export-args';
import { writeExport } from './export-write';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

function listPosts(snapshot: Snapshot): string {
  return snapshot.posts.map((p) => `  ${p.id}  ${p.title.replace(/\s+/g, ' ')}`).join('\n');
}

/** The posts to export, or a message: unknown ids, or no choice when the backup has several. */
function choosePosts(snapshot: Snapshot, args: ExportArgs): PostId[] | string {
  if (args.all) return snapshot.posts.map((p) => p.id);
  if (args.postIds.length === 0) {
    const only = snapshot.posts[0];
    if (snapshot.posts.length === 1 && only) return [only.id];
    if (snapshot.posts.length === 0) return 'the backup has no posts';
    return `the backup has ${snapshot.posts.length} posts; choose with --post ID or --all:\n${listPosts(snapshot)}`;
  }
  const known = new Set<string>(snapshot.posts.map((p) => p.id));
  const unknown = args.postIds.filter((id) => !known.has(id));
  if (unknown.length > 0)
    return `no post with id ${unknown.join(', ')} in the backup; its posts are:\n${listPosts(snapshot)}`;
  return [...new Set(args.postIds)] as PostId[];
}

export async function runExport(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${EXPORT_USAGE}\n`);
    return 0;
  }
  const parsed = parseExportArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`talkmark export: ${parsed}\n${EXPORT_USAGE}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(parsed.backup));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(e);
    io.stderr(`talkmark export: can't read ${parsed.backup}: ${why}\n`);
    return 1;
  }
  const snapshot = decodeBackup(bytes);
  if (!snapshot.ok) {
    io.stderr(`talkmark export: ${parsed.backup} is not a usable Talkmark backup. ${snapshot.error}\n`);
    return 1;
  }
  const ids = choosePosts(snapshot.value, parsed);
  if (typeof ids === 'string') {
    io.stderr(`talkmark export: ${ids}\n`);
    return 1;
  }
  const files = exportPosts(snapshot.value, ids, parsed.format, {
    timestampLinks: parsed.timestamps,
    chapterHeadings: parsed.chapters,
    ...(parsed.figureTitle === undefined ? {} : { figureTitleTemplate: parsed.figureTitle }),
  });
  if (!files.ok) {
    io.stderr(`talkmark export: ${files.error}\n`);
    return 1;
  }
  // writeExport is all or nothing: on an error the folder is as it was.
  const written = writeExport(parsed.out, files.value, parsed.force);
  if (!written.ok) {
    io.stderr(`talkmark export: nothing was written to ${parsed.out}: ${written.error}\n`);
    return 1;
  }
  for (const path of written.value) io.stdout(`${path}\n`);
  io.stderr(
    `Exported ${ids.length} post${ids.length === 1 ? '' : 's'} as ${parsed.format} to ${parsed.out}: ${written.value.length} file${written.value.length === 1 ? '' : 's'} written (listed above)\n`,
  );
  return 0;
}
