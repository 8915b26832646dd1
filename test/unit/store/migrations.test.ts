// Each upgrade step, tested from a database left at the version before it, with data in it.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/core/ids';
import { DB_VERSION, openLibraryQueries, openStore } from '../../../src/store';
import { steps } from '../../../src/store/migrations';
import { termsOf } from '../../../src/store/terms';
import { sampleSnapshot } from '../backup/fixture';
import { must, sorted } from './helpers';

/** A database brought to `version` by running the first `version` steps, as older releases did. */
async function databaseAt(name: string, version: number) {
  return openDB(name, version, {
    async upgrade(db, old, _new, tx) {
      for (let v = old; v < version; v++) await steps[v]?.(db as never, tx as never);
    },
  });
}

describe('schema migrations', () => {
  it('has one step per version', () => {
    expect(DB_VERSION).toBe(steps.length);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('v0 -> v1 creates the stores and indexes', async () => {
    const name = `m-${newId('note')}`;
    const db = await databaseAt(name, 1);
    expect([...db.objectStoreNames].sort()).toEqual(['images', 'kv', 'notes', 'posts', 'talks']);
    const tx = db.transaction(['talks', 'notes']);
    expect([...tx.objectStore('talks').indexNames].sort()).toEqual(['byPost', 'byVideo']);
    expect([...tx.objectStore('notes').indexNames]).toEqual(['byTalk']);
    db.close();
  });

  it('v1 -> v2 indexes the words of existing notes, keeping every record', async () => {
    const name = `m-${newId('note')}`;
    const sample = sampleSnapshot();
    const v1 = await databaseAt(name, 1);
    const tx = v1.transaction(['posts', 'talks', 'notes', 'images'], 'readwrite');
    for (const p of sample.posts) await tx.objectStore('posts').put(p);
    for (const t of sample.talks) await tx.objectStore('talks').put(t);
    for (const n of sample.notes) await tx.objectStore('notes').put(n);
    for (const { bytes, ...meta } of sample.images) {
      await tx
        .objectStore('images')
        .put({ ...meta, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: meta.mime }) });
    }
    await tx.done;
    v1.close();

    const store = openStore({ name });
    const found = must(await store.search('resume scheduler'));
    expect(found.notes.map((n) => n.id)).toEqual(['n_0000000000000006']);
    expect(sorted(must(await store.snapshot()))).toEqual(sorted(sample));
    store.close();
  });

  it('v2 -> v3 orders existing notes by their last edit, keeping every record', async () => {
    const name = `m-${newId('note')}`;
    const sample = sampleSnapshot();
    // Every note says "talk"; note i was last edited at minute i.
    sample.notes = sample.notes.map((n, i) => ({
      ...n,
      text: `${n.text} talk`,
      updatedAt: `2026-05-03T10:0${i}:00.000Z`,
    }));
    const v2 = await databaseAt(name, 2);
    const tx = v2.transaction(['posts', 'talks', 'notes', 'images'], 'readwrite');
    for (const p of sample.posts) await tx.objectStore('posts').put(p);
    for (const t of sample.talks) await tx.objectStore('talks').put(t);
    for (const n of sample.notes)
      await tx.objectStore('notes').put({ ...n, terms: termsOf(n.text, n.speaker) });
    for (const { bytes, ...meta } of sample.images) {
      await tx
        .objectStore('images')
        .put({ ...meta, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: meta.mime }) });
    }
    await tx.done;
    v2.close();

    const store = openStore({ name });
    const found = must(await store.search('talk', 2));
    expect(found.noteCount).toBe(sample.notes.length);
    expect(found.notes.map((n) => n.id)).toEqual(['n_0000000000000006', 'n_0000000000000005']);
    expect(sorted(must(await store.snapshot()))).toEqual(sorted(sample));
    store.close();
  });

  it('v3 -> v4 counts the notes and slides already stored, keeping every record', async () => {
    const name = `m-${newId('note')}`;
    const sample = sampleSnapshot();
    const v3 = await databaseAt(name, 3);
    const tx = v3.transaction(['posts', 'talks', 'notes', 'images'], 'readwrite');
    for (const p of sample.posts) await tx.objectStore('posts').put(p);
    for (const t of sample.talks) await tx.objectStore('talks').put(t);
    for (const n of sample.notes)
      await tx.objectStore('notes').put({ ...n, terms: termsOf(n.text, n.speaker) });
    for (const { bytes, ...meta } of sample.images) {
      await tx
        .objectStore('images')
        .put({ ...meta, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: meta.mime }) });
    }
    await tx.done;
    v3.close();

    const queries = openLibraryQueries({ name });
    const summaries = must(await queries.postSummaries());
    const postOf = new Map(sample.talks.map((t) => [t.id, t.postId]));
    for (const post of sample.posts) {
      const notes = sample.notes.filter((n) => postOf.get(n.talkId) === post.id);
      expect(summaries.find((s) => s.post.id === post.id)).toMatchObject({
        noteCount: notes.length,
        slideCount: notes.filter((n) => n.kind === 'slide').length,
        talkCount: sample.talks.filter((t) => t.postId === post.id).length,
      });
    }
    expect(summaries.reduce((n, s) => n + s.noteCount, 0)).toBe(sample.notes.length);
    expect(summaries.some((s) => s.slideCount > 0)).toBe(true);
    // Writes after the upgrade carry on from the counted figures.
    const store = openStore({ name });
    const first = sample.notes[0];
    if (!first) throw new Error('the sample has notes');
    must(await store.notes.delete(first.id));
    const after = must(await queries.postSummaries()).find((s) => s.post.id === postOf.get(first.talkId));
    const before = summaries.find((s) => s.post.id === postOf.get(first.talkId));
    expect(after?.noteCount).toBe((before?.noteCount ?? 0) - 1);
    // The popup's recent posts come from the new byUpdated index on posts.
    const popup = must(await queries.popup(undefined, 5));
    expect(popup.recent.map((p) => p.id).sort()).toEqual(sample.posts.map((p) => p.id).sort());
    sample.notes = sample.notes.slice(1);
    sample.images = sample.images.filter((i) => i.id !== first.imageId);
    expect(sorted(must(await store.snapshot()))).toEqual(sorted(sample));
    queries.close();
    store.close();
  });
});
