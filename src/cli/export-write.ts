// Writes an export's files under a folder, and nowhere else: every path is checked against the
// folder after resolving symlinks, and existing files are only replaced when asked. All or
// nothing: the files are written into a staging folder inside the output folder first, then
// moved into place; if anything fails, what was moved is taken back (replaced files restored).
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
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

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface Target {
  file: ExportFile;
  target: string;
}

/** Every file's place, or why one can't be written (nothing is written then). */
function plan(outDir: string, root: string, files: readonly ExportFile[], force: boolean): Result<Target[]> {
  const targets: Target[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    if (!isSafeRelativePath(file.path)) return err(`refusing to write outside ${outDir}: ${file.path}`);
    const key = file.path.normalize('NFC').toLowerCase();
    // Two names that differ only in case are one file on macOS and Windows.
    if (seen.has(key)) return err(`two files of the export would be the same file: ${file.path}`);
    seen.add(key);
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
  return ok(targets);
}

/**
 * Checks every file first (so a refusal writes nothing), writes them all into a staging folder,
 * then moves them into place. On any failure the output folder is left as it was and the
 * error says why. Gives the paths written, in order.
 */
export function writeExport(outDir: string, files: readonly ExportFile[], force: boolean): Result<string[]> {
  let root: string;
  let madeRoot: string | undefined;
  try {
    madeRoot = mkdirSync(outDir, { recursive: true });
    root = realpathSync(resolve(outDir));
  } catch (e) {
    return err(`can't create ${outDir}: ${reason(e)}`);
  }
  const dropRoot = () => {
    if (madeRoot) rmSync(madeRoot, { recursive: true, force: true });
  };
  const targets = plan(outDir, root, files, force);
  if (!targets.ok) {
    dropRoot();
    return targets;
  }
  let staging: string;
  try {
    staging = mkdtempSync(join(root, '.talkmark-export-'));
  } catch (e) {
    dropRoot();
    return err(`can't write into ${outDir}: ${reason(e)}`);
  }
  const moved: Array<{ target: string; backup?: string; placed: boolean }> = [];
  const madeDirs: string[] = [];
  const rollBack = () => {
    for (const m of moved.reverse()) {
      try {
        if (m.backup) renameSync(m.backup, m.target);
        else if (m.placed) unlinkSync(m.target);
      } catch {
        // Best effort: the error reported is the one that stopped the export.
      }
    }
    for (const d of madeDirs.reverse()) rmSync(d, { recursive: true, force: true });
  };
  try {
    targets.value.forEach(({ file }, i) => {
      const staged = join(staging, 'new', String(i));
      mkdirSync(dirname(staged), { recursive: true });
      writeFileSync(staged, file.bytes, { flag: 'wx' });
    });
    targets.value.forEach(({ file, target }, i) => {
      const made = mkdirSync(dirname(target), { recursive: true });
      if (made) madeDirs.push(made);
      // Checked again: a link could have appeared since the check above.
      if (!inside(root, join(realpathSync(dirname(target)), 'x'))) {
        throw new Error(`refusing to write outside ${outDir}: ${file.path} (a folder on the way is a link)`);
      }
      const m: { target: string; backup?: string; placed: boolean } = { target, placed: false };
      moved.push(m);
      if (existing(target) === 'file') {
        const backup = join(staging, 'old', String(i));
        mkdirSync(dirname(backup), { recursive: true });
        renameSync(target, backup);
        m.backup = backup;
      }
      renameSync(join(staging, 'new', String(i)), target);
      m.placed = true;
    });
  } catch (e) {
    rollBack();
    rmSync(staging, { recursive: true, force: true });
    dropRoot();
    return err(reason(e));
  }
  rmSync(staging, { recursive: true, force: true });
  return ok(targets.value.map((t) => t.file.path));
}
