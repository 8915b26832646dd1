// The safety copy outside IndexedDB: every write reaches it, a database lost between two runs
// (deleted, emptied) is detected at the next check with what the copy holds that it lacks,
// and restore brings those records back without touching what was written since.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/core/ids';
import { type CopyPlace, openStore } from '../../../src/store';
import { jpegBlob, must } from './helpers';

/** storage.local as a Map, JSON-cloned as the real one stores it. */
function memoryPlace(): CopyPlace & { data: Map<string, unknown>; failing: boolean } {
  const data = new Map<string, unknown>();
  const place = {
    data,
    failing: false,
    async get(keys: string | string[] | null) {
      const want = keys === null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(want.filter((k) => data.has(k)).map((k) => [k, data.get(k)]));
    },
    async set(items: Record<string, unknown>) {
      if (place.failing) throw new Error('The disk is full.');
      for (const [k, v] of Object.entries(items)) data.set(k, JSON.parse(JSON.stringify(v)));
    },
    async remove(keys: string | string[]) {
      for (const k of typeof keys === 'string' ? [keys] : keys) data.delete(k);
    },
  };
  return place;
}

const deleteDatabase = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error);
  });

async function seeded(place: CopyPlace) {
  const name = `test-${newId('note')}`;
  const store = openStore({ name, copy: place });
  const copy = store.copy;
  if (!copy) throw new Error('no copy');
  expect(must(await copy.check()).state).toBe('ok');
  const post = must(await store.posts.create({ title: 'Day 2' }));
  const { talk } = must(
    await store.talks.findOrCreate({
      postId: post.id,
      url: 'https://youtu.be/x',
      site: 'youtube',
      videoId: 'aaaaaaaaaaa',
    }),
  );
  const words = must(
    await store.notes.add({ talkId: talk.id, time: 3, kind: 'text', text: 'Words to keep' }),
  );
  const slide = must(
    await store.notes.add(
      { talkId: talk.id, time: 9, kind: 'slide', text: 'Slide title' },
      { blob: jpegBlob(500), mime: 'image/jpeg', width: 16, height: 9 },
    ),
  );
  await copy.settled();
  return { name, store, copy, post, talk, words: words.note, slide: slide.note };
}

describe('the safety copy', () => {
  it('follows every write: edits, deletes', async () => {
    const place = memoryPlace();
    const { store, copy, words, slide } = await seeded(place);
    must(await store.notes.update(words.id, { text: 'Edited words' }));
    must(await store.notes.delete(slide.id));
    await copy.settled();
    expect((place.data.get(`copy:n:${words.id}`) as { text: string }).text).toBe('Edited words');
    expect(place.data.has(`copy:n:${slide.id}`)).toBe(false);
    expect(await copy.writtenAt()).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(must(await copy.check()).state).toBe('ok');
    store.close();
  });

  it('finds a database deleted between two runs and restores its posts, talks and notes', async () => {
    const place = memoryPlace();
    const { name, store, post, talk, words, slide } = await seeded(place);
    store.close();
    await deleteDatabase(name);

    const again = openStore({ name, copy: place });
    // Typed after the restart, before anyone looked: kept through the restore.
    const fresh = must(await again.posts.create({ title: 'New day' }));
    const state = must(await (again.copy as NonNullable<typeof again.copy>).check());
    expect(state).toMatchObject({ state: 'lost', missing: { posts: 1, talks: 1, notes: 2 } });
    const restored = must(await (again.copy as NonNullable<typeof again.copy>).restore());
    expect(restored).toEqual({ posts: 1, talks: 1, notes: 2 });

    const view = must(await again.posts.open(post.id));
    expect(view?.talks.map((t) => t.talk.id)).toEqual([talk.id]);
    const notes = must(await again.notes.listByTalk(talk.id));
    expect(notes.map((n) => n.text)).toEqual([words.text, slide.text]);
    // The picture was not in the copy: the slide comes back as its words, at its moment.
    expect(notes[1]?.kind).toBe('slide');
    expect(notes[1]?.imageId).toBeUndefined();
    expect(must(await again.posts.get(fresh.id))?.title).toBe('New day');
    // Found by search again, and counted.
    expect(must(await again.search('keep')).noteCount).toBe(1);
    expect(must(await (again.copy as NonNullable<typeof again.copy>).check()).state).toBe('ok');
    again.close();
  });

  it('does not report a loss when the copy holds nothing the database lacks', async () => {
    const place = memoryPlace();
    const { name, store, post } = await seeded(place);
    must(await store.posts.delete(post.id));
    await store.copy?.settled();
    store.close();
    await deleteDatabase(name);
    const again = openStore({ name, copy: place });
    expect(must(await (again.copy as NonNullable<typeof again.copy>).check()).state).toBe('ok');
    again.close();
  });

  it('never fails a save when the copy cannot be written, and says why', async () => {
    const place = memoryPlace();
    const { store, copy, talk } = await seeded(place);
    place.failing = true;
    const r = await store.notes.add({ talkId: talk.id, time: 20, kind: 'text', text: 'Still saved' });
    expect(r.ok).toBe(true);
    await copy.settled();
    expect(copy.lastError()).toMatch(/disk is full/);
    store.close();
  });
});
