import 'fake-indexeddb/auto';
import { newId } from '../../../src/core/ids';
import type { Snapshot } from '../../../src/core/model';
import type { Result } from '../../../src/core/result';
import { openStore, type Store } from '../../../src/store';

/** A store over its own, fresh database. */
export function freshStore(): { store: Store; name: string } {
  const name = `test-${newId('note')}`;
  return { store: openStore({ name }), name };
}

/** A fresh store holding one post with one (YouTube) talk, for tests about notes. */
export async function storeWithTalk() {
  const { store, name } = freshStore();
  const post = must(await store.posts.create({ title: 'P' }));
  const { talk } = must(
    await store.talks.findOrCreate({
      postId: post.id,
      url: 'https://youtu.be/x',
      site: 'youtube',
      videoId: 'aaaaaaaaaaa',
    }),
  );
  return { store, name, post, talk };
}

/** The value of an ok Result; fails the test with the error otherwise. */
export function must<T, E>(r: Result<T, E>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

/** A snapshot with every list sorted by id, for order-independent comparison. */
export function sorted(s: Snapshot): Snapshot {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  return { posts: byId(s.posts), talks: byId(s.talks), notes: byId(s.notes), images: byId(s.images) };
}

export const jpegBlob = (n = 100) => {
  const bytes = new Uint8Array(n);
  bytes.set([0xff, 0xd8, 0xff]);
  return new Blob([bytes], { type: 'image/jpeg' });
};
