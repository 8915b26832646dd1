// A LibraryApi over a fresh fake-indexeddb store, with downloads and storage captured, plus
// a seeded post: two talks in one section, notes and one slide.
import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';
import { newId } from '../../../src/core/ids';
import type { ImageId, Post, Talk } from '../../../src/core/model';
import type { LibraryApi } from '../../../src/library/api';
import type { DirHandle } from '../../../src/library/folder';
import { storeApi } from '../../../src/library/store-api';
import { openLibraryQueries, openStore, type Store } from '../../../src/store';
import type { KeyValueArea } from '../../../src/ui/settings';

export function must<T, E>(r: { ok: true; value: T } | { ok: false; error: E }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

export class MemoryArea implements KeyValueArea {
  data: Record<string, unknown> = {};
  async get(key: string) {
    return key in this.data ? { [key]: structuredClone(this.data[key]) } : {};
  }
  async set(items: Record<string, unknown>) {
    Object.assign(this.data, structuredClone(items));
  }
}

export interface Harness {
  api: LibraryApi;
  store: Store;
  downloads: Array<{ name: string; data: Blob | Uint8Array }>;
  settings: MemoryArea;
  /** The database's name, for a second connection (as the popup opens one). */
  name: string;
}

export function harness(pickFolder: (() => Promise<DirHandle>) | null = null): Harness {
  const name = `lib-${newId('note')}`;
  const store = openStore({ name });
  const downloads: Harness['downloads'] = [];
  const settings = new MemoryArea();
  let n = 0;
  const api = storeApi({
    store,
    queries: openLibraryQueries({ name }),
    settings,
    download: (data, file) => downloads.push({ name: file, data }),
    pickFolder,
    objectUrl: () => `blob:test/${++n}`,
    revokeUrl: () => {},
  });
  return { api, store, downloads, settings, name };
}

// Node's Blob: fake-indexeddb clones it like a browser does (happy-dom's Blob loses its methods).
export const jpeg = () =>
  new NodeBlob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])], {
    type: 'image/jpeg',
  }) as unknown as Blob;

/**
 * A stored slide picture record (the images store's shape), with the words on-device reading
 * left on it when `lines` is given (first line as its title, as OCR would store it).
 */
export const slideImage = (n: number, lines?: string[]) => ({
  id: `i_00000000000000${n.toString(16).padStart(2, '0')}` as ImageId,
  mime: 'image/jpeg',
  width: 640,
  height: 360,
  size: 8,
  capturedAt: '2026-12-04T10:00:00.000Z',
  blob: jpeg(),
  ...(lines
    ? { text: { lines, title: lines[0] ?? '', engine: 'test', readAt: '2026-12-04T10:01:00.000Z' } }
    : {}),
});

export async function seed(store: Store): Promise<{ post: Post; talks: [Talk, Talk] }> {
  const post = must(await store.posts.create({ title: 'KubeCon Day 2' }));
  must(await store.posts.setActive(post.id));
  const a = must(
    await store.talks.findOrCreate({
      postId: post.id,
      url: 'https://www.youtube.com/watch?v=AAAAAAAAAAA',
      site: 'youtube',
      videoId: 'AAAAAAAAAAA',
      title: 'Keynote: Caching',
    }),
  ).talk;
  const b = must(
    await store.talks.findOrCreate({
      postId: post.id,
      url: 'https://www.youtube.com/watch?v=BBBBBBBBBBB',
      site: 'youtube',
      videoId: 'BBBBBBBBBBB',
      title: 'Observability',
    }),
  ).talk;
  must(await store.notes.add({ talkId: a.id, time: 42, kind: 'text', text: 'Caching beats cleverness' }));
  must(
    await store.notes.add({ talkId: a.id, time: 90, kind: 'quote', text: 'Measure first', speaker: 'Ada' }),
  );
  must(
    await store.notes.add(
      { talkId: a.id, time: 120, kind: 'slide', text: 'Architecture' },
      { blob: jpeg(), mime: 'image/jpeg', width: 640, height: 360 },
    ),
  );
  must(await store.notes.add({ talkId: b.id, time: 5, kind: 'text', text: 'Traces over logs' }));
  const fresh = must(await store.posts.get(post.id)) as Post;
  return { post: fresh, talks: [a, b] };
}
