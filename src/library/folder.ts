// Writing an export into a folder the user picked (File System Access API, Chromium only).
// Nothing is written until we know which files already exist, so the user is asked first.
import type { ExportFile } from '../core/export';

/** The parts of FileSystemDirectoryHandle we use (a fake in the unit tests). */
export interface DirHandle {
  name: string;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirHandle>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandle>;
  queryPermission?(d: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(d: { mode: 'readwrite' }): Promise<PermissionState>;
}

export interface FileHandle {
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

/** Writes every file, creating folders on the way; the export's paths are already safe. */
export async function writeFiles(root: DirHandle, files: readonly ExportFile[]): Promise<void> {
  for (const f of files) {
    const parts = f.path.split('/');
    const name = parts.pop() as string;
    let dir = root;
    for (const p of parts) dir = await dir.getDirectoryHandle(p, { create: true });
    const out = await (await dir.getFileHandle(name, { create: true })).createWritable();
    await out.write(f.bytes as Uint8Array<ArrayBuffer>);
    await out.close();
  }
}

/** True when the handle may be written, asking the user if the browser wants that. */
export async function canWrite(dir: DirHandle): Promise<boolean> {
  const mode = { mode: 'readwrite' } as const;
  if (!dir.queryPermission) return true;
  if ((await dir.queryPermission(mode)) === 'granted') return true;
  return (await dir.requestPermission?.(mode)) === 'granted';
}
