// Writes an export's files under a folder, and nowhere else: every path is checked against the
// folder after resolving symlinks, and existing files are only replaced when asked.
import { lstatSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ExportFile } from '../core/export';
import { isSafeRelativePath } from '../core/export/escape-filename';
import { err, ok, type Result } from '../core/result';

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The real location of the deepest folder of `path` that exists (symlinks resolved). */
function realAncestor(path: string): string {
  let dir = dirname(path);
  for (;;) {
    try {
      return realpathSync(dir);
    } catch {
      const up = dirname(dir);
      if (up === dir) return dir;
      dir = up;
    }
  }
}

function existing(path: string): 'file' | 'link' | 'other' | null {
  try {
    const st = lstatSync(path);
    return st.isSymbolicLink() ? 'link' : st.isFile() ? 'file' : 'other';
  } catch {
    return null;
  }
}

/** Checks every file first (so a refusal writes nothing), then writes them all. Throws on I/O errors. */
export function writeExport(outDir: string, files: readonly ExportFile[], force: boolean): Result<string[]> {
  mkdirSync(outDir, { recursive: true });
  const root = realpathSync(resolve(outDir));
  const targets: Array<{ file: ExportFile; target: string }> = [];
  for (const file of files) {
    if (!isSafeRelativePath(file.path)) return err(`refusing to write outside ${outDir}: ${file.path}`);
    const target = join(root, ...file.path.split('/'));
    if (!inside(root, target)) return err(`refusing to write outside ${outDir}: ${file.path}`);
    // A folder on the way that is a symlink could lead anywhere.
    const ancestor = realAncestor(target);
    if (ancestor !== root && !inside(root, ancestor)) {
      return err(`refusing to write outside ${outDir}: ${file.path} (a folder on the way is a link)`);
    }
    const kind = existing(target);
    // A symlink could point anywhere; never write through one.
    if (kind === 'link' || kind === 'other') return err(`${target} exists and is not a regular file`);
    if (kind === 'file' && !force) return err(`${target} already exists (use --force to overwrite)`);
    targets.push({ file, target });
  }
  const written: string[] = [];
  for (const { file, target } of targets) {
    mkdirSync(dirname(target), { recursive: true });
    // Checked again: a link could have appeared since (the files before this one are written).
    if (!inside(root, join(realpathSync(dirname(target)), 'x'))) {
      return err(`refusing to write outside ${outDir}: ${file.path} (a folder on the way is a link)`);
    }
    writeFileSync(target, file.bytes, { flag: force ? 'w' : 'wx' });
    written.push(file.path);
  }
  return ok(written);
}
