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
  /** A write of a file with this name fails (a disk full, a name the system refuses). */
  failOn = '';
  async getFileHandle(name: string, o?: { create?: boolean }): Promise<FileHandle> {
    if (!this.files.has(name) && !o?.create)
      throw Object.assign(new Error('no file'), { name: 'NotFoundError' });
    return {
      getFile: async () => new Blob([(this.files.get(name) ?? new Uint8Array()) as Uint8Array<ArrayBuffer>]),
      createWritable: async () => ({
        write: async (data: Uint8Array) => {
          if (name === this.failOn)
            throw Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
          this.files.set(name, data);
        },
        close: async () => {},
      }),
    };
  }
  async removeEntry(name: string) {
    if (!this.files.delete(name) && !this.dirs.delete(name))
      throw Object.assign(new Error('no entry'), { name: 'NotFoundError' });
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

  it('takes back a write that fails half way: new files and folders go, replaced ones come back', async () => {
    const root = new FakeDir('site');
    await writeFiles(root, [{ path: 'post/index.md', bytes: bytes('mine') }]);
    const post = root.dirs.get('post');
    if (!post) throw new Error('setup');
    post.failOn = 'c.jpg';
    const files = [
      { path: 'post/index.md', bytes: bytes('exported') },
      { path: 'post/images/a.jpg', bytes: bytes('a') },
      { path: 'other/b.jpg', bytes: bytes('b') },
      { path: 'post/c.jpg', bytes: bytes('c') },
    ];
    await expect(writeFiles(root, files)).rejects.toThrow('disk full');
    expect(new TextDecoder().decode(post.files.get('index.md'))).toBe('mine');
    expect([...post.files.keys()]).toEqual(['index.md']);
    expect([...post.dirs.keys()]).toEqual([]);
    expect([...root.dirs.keys()]).toEqual(['post']);
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
