// Writing an export into a folder the user picked (File System Access API, Chromium only).
// Nothing is written until we know which files already exist, so the user is asked first, and
// an export that fails half way is taken back: files it made are removed, replaced ones restored.
import type { ExportFile } from '../core/export';

/** The parts of FileSystemDirectoryHandle we use (a fake in the unit tests). */
export interface DirHandle {
  name: string;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirHandle>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandle>;
  removeEntry(name: string, options?: { recursive?: boolean }): Promise<void>;
  queryPermission?(d: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(d: { mode: 'readwrite' }): Promise<PermissionState>;
}

export interface FileHandle {
  getFile(): Promise<Blob>;
  createWritable(): Promise<{ write(data: Uint8Array<ArrayBuffer>): Promise<void>; close(): Promise<void> }>;
}

const isNotFound = (e: unknown) =>
  e instanceof Error && (e.name === 'NotFoundError' || e.name === 'TypeMismatchError');

async function exists(root: DirHandle, path: string): Promise<boolean> {
  const parts = path.split('/');
  const name = parts.pop() as string;
  let dir = root;
  try {
    for (const p of parts) dir = await dir.getDirectoryHandle(p);
    await dir.getFileHandle(name);
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}

/** The export's files that are already in the folder. */
export async function existingFiles(root: DirHandle, files: readonly ExportFile[]): Promise<string[]> {
  const found: string[] = [];
  for (const f of files) if (await exists(root, f.path)) found.push(f.path);
  return found;
}

async function put(file: FileHandle, bytes: Uint8Array): Promise<void> {
  const out = await file.createWritable();
  await out.write(bytes as Uint8Array<ArrayBuffer>);
  await out.close();
}

/** The folder `name` in `dir`, made if missing (then `made` learns how to remove it). */
async function folderIn(dir: DirHandle, name: string, made: Array<() => Promise<void>>): Promise<DirHandle> {
  try {
    return await dir.getDirectoryHandle(name);
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  const created = await dir.getDirectoryHandle(name, { create: true });
  made.push(() => dir.removeEntry(name, { recursive: true }));
  return created;
}

/**
 * Writes every file, creating folders on the way; the export's paths are already safe. All or
 * nothing: on a failure, what was written is undone before the error is passed on.
 */
export async function writeFiles(root: DirHandle, files: readonly ExportFile[]): Promise<void> {
  const undo: Array<() => Promise<void>> = [];
  try {
    for (const f of files) {
      const parts = f.path.split('/');
      const name = parts.pop() as string;
      let dir = root;
      for (const p of parts) dir = await folderIn(dir, p, undo);
      let old: Uint8Array | null = null;
      try {
        old = new Uint8Array(await (await (await dir.getFileHandle(name)).getFile()).arrayBuffer());
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
      const handle = await dir.getFileHandle(name, { create: true });
      const parent = dir;
      const before = old;
      undo.push(before ? () => put(handle, before) : () => parent.removeEntry(name));
      await put(handle, f.bytes);
    }
  } catch (e) {
    for (const step of undo.reverse()) {
      try {
        await step();
      } catch {
        // Best effort: the error passed on is the one that stopped the export.
      }
    }
    throw e;
  }
}

/** True when the handle may be written, asking the user if the browser wants that. */
export async function canWrite(dir: DirHandle): Promise<boolean> {
  const mode = { mode: 'readwrite' } as const;
  if (!dir.queryPermission) return true;
  if ((await dir.queryPermission(mode)) === 'granted') return true;
  return (await dir.requestPermission?.(mode)) === 'granted';
}
