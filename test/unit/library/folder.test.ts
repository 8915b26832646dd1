// Writing an export into a folder: existing files are found before anything is written, and
// writing creates the folders on the way. A fake directory handle stands in for the File
// System Access API, which needs a user's pick in a real browser (no e2e test can make one).
import { describe, expect, it } from 'vitest';
import type { DirHandle, FileHandle } from '../../../src/library/folder';
import { existingFiles, writeFiles } from '../../../src/library/folder';

class FakeDir implements DirHandle {
  dirs = new Map<string, FakeDir>();
  files = new Map<string, Uint8Array>();
  constructor(readonly name: string) {}
  async getDirectoryHandle(name: string, o?: { create?: boolean }) {
    let d = this.dirs.get(name);
    if (!d && o?.create) {
      d = new FakeDir(name);
      this.dirs.set(name, d);
    }
    if (!d) throw Object.assign(new Error('no dir'), { name: 'NotFoundError' });
    return d;
  }
  async getFileHandle(name: string, o?: { create?: boolean }): Promise<FileHandle> {
    if (!this.files.has(name) && !o?.create)
      throw Object.assign(new Error('no file'), { name: 'NotFoundError' });
    return {
      createWritable: async () => ({
        write: async (data: Uint8Array) => void this.files.set(name, data),
        close: async () => {},
      }),
    };
  }
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('folder export', () => {
  it('reports files already there, then writes every file into nested folders', async () => {
    const root = new FakeDir('site');
    const files = [
      { path: 'post/index.md', bytes: bytes('# Hi') },
      { path: 'post/images/slide.jpg', bytes: new Uint8Array([1, 2]) },
    ];
    expect(await existingFiles(root, files)).toEqual([]);
    await writeFiles(root, files);
    const post = root.dirs.get('post');
    expect(new TextDecoder().decode(post?.files.get('index.md'))).toBe('# Hi');
    expect(post?.dirs.get('images')?.files.get('slide.jpg')).toEqual(new Uint8Array([1, 2]));
    expect(await existingFiles(root, files)).toEqual(['post/index.md', 'post/images/slide.jpg']);
  });

  it('asks before overwriting through the API, and writes once told to', async () => {
    const { harness, seed, must } = await import('./helpers');
    const root = new FakeDir('site');
    const { api, store } = harness(async () => root);
    const { post } = await seed(store);
    const write = api.exportToFolder;
    if (!write) throw new Error('folder export should exist when a picker is given');
    const req = { postId: post.id, format: 'hugo' as const, options: {} };
    const first = must(await write(req, false));
    expect(first).toMatchObject({ written: 2, folder: 'site' });
    const again = must(await write(req, false));
    expect(again).toEqual({ exists: expect.arrayContaining(['kubecon-day-2/index.md']) });
    expect(must(await write(req, true))).toMatchObject({ written: 2 });
  });
});
