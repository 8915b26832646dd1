// The in-memory search index (search-index.ts) must answer exactly as the store's search does,
// on any data and query, and stay so as notes, talks and posts change: fed by the change
// broadcast as the library page feeds it.
import fc from 'fast-check';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/core/ids';
import type { Note, NoteId, Snapshot } from '../../../src/core/model';
import {
  type Change,
  onChange,
  openLibraryQueries,
  openStore,
  type SearchIndex,
  type Store,
} from '../../../src/store';
import { steps } from '../../../src/store/migrations';
import { termsOf } from '../../../src/store/terms';
import { ids, sampleSnapshot } from '../backup/fixture';
import { freshStore, must } from './helpers';

const vocabulary = [
  'Kubernetes',
  'kube',
  'scheduler',
  'schéma',
  'résumé',
  'cache',
  'caching',
  'Ada',
  'trace',
  'k8s',
];
const queries = [
  'kube',
  'sche',
  'kubernetes sche',
  'RESUME',
  'cach',
  'k',
  'ada trace',
  'zzz',
  'schema k8s',
  '',
];

/** An index over the store's database, kept live through the broadcast; `caughtUp` waits for a write's batch. */
async function liveIndex(name: string) {
  const index = openLibraryQueries({ name }).searchIndex();
  const seen: Change[][] = [];
  const waiting: Array<() => void> = [];
  const stop = onChange((changes) => {
    void index.apply(changes);
    seen.push([...changes]);
    for (const w of waiting.splice(0)) w();
  });
  must(await index.build());
  return {
    index,
    stop,
    /** Waits until `n` batches arrived in all since the start, and the index took them. */
    async caughtUp(n: number) {
      while (seen.length < n) await new Promise<void>((r) => waiting.push(r));
      await index.settled();
    },
  };
}

/** The index and the store answer `q` alike (same notes in the same order, count, talks). */
async function expectSame(store: Store, index: SearchIndex, q: string, limit = 5) {
  const fromStore = must(await store.search(q, limit));
  const fromIndex = must(index.search(q, limit));
  expect({ q, ...fromIndex }).toEqual({ q, ...fromStore });
}

describe('the in-memory search index', () => {
  it('answers any query as the store does, on any notes', async () => {
    const word = fc.constantFrom(...vocabulary);
    const note = fc.record({
      words: fc.array(word, { maxLength: 6 }),
      speaker: fc.option(word, { nil: undefined }),
      minute: fc.integer({ min: 0, max: 5 }),
    });
    await fc.assert(
      // Small limits over many notes: the index walks its edit order for the first few of many
      // matches, and sorts the matches when they are few; both must agree with the store.
      fc.asyncProperty(
        fc.array(note, { maxLength: 60 }),
        fc.constantFrom(...queries),
        fc.integer({ min: 1, max: 8 }),
        async (notes, q, limit) => {
          const snap = sampleSnapshot();
          notes.forEach((n, i) => {
            snap.notes.push({
              id: `n_p${String(i).padStart(15, '0')}` as NoteId,
              talkId: ids.talk2,
              time: i,
              kind: n.speaker ? 'quote' : 'text',
              text: n.words.join(' '),
              ...(n.speaker ? { speaker: n.speaker } : {}),
              createdAt: '2026-05-03T09:00:00.000Z',
              updatedAt: `2026-05-03T10:0${n.minute}:00.000Z`,
            });
          });
          const { store, name } = freshStore();
          must(await store.importSnapshot(snap, 'replace'));
          const index = openLibraryQueries({ name }).searchIndex();
          must(await index.build());
          await expectSame(store, index, q, limit);
          store.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives the first few of many matches as the store does (the index walks its edit order)', async () => {
    const snap = sampleSnapshot();
    for (let i = 0; i < 300; i++) {
      const w = (k: number) => vocabulary[k % vocabulary.length];
      snap.notes.push({
        id: `n_m${String(i).padStart(15, '0')}` as NoteId,
        talkId: i % 2 ? ids.talk2 : ids.talk3,
        time: i,
        kind: 'text',
        text: `${w(i)} ${w(i * 7)} and ${w(i * 3)}`,
        createdAt: '2026-05-03T09:00:00.000Z',
        updatedAt: `2026-05-03T10:${String(i % 7).padStart(2, '0')}:00.000Z`,
      });
    }
    const { store, name } = freshStore();
    must(await store.importSnapshot(snap, 'replace'));
    const index = openLibraryQueries({ name }).searchIndex();
    must(await index.build());
    for (const limit of [1, 5, 50]) for (const q of queries) await expectSame(store, index, q, limit);
    store.close();
  });

  it('follows notes added, edited, deleted and put back (Undo), and talks and posts renamed or gone', async () => {
    const { store, name } = freshStore();
    must(await store.importSnapshot(sampleSnapshot(), 'replace'));
    const live = await liveIndex(name);
    const { index } = live;
    let batches = 0;
    const check = async () => {
      await live.caughtUp(++batches);
      for (const q of queries) await expectSame(store, index, q);
    };
    const added = must(
      await store.notes.add({ talkId: ids.talk2, time: 3, kind: 'text', text: 'Kubernetes scheduler' }),
    );
    await check();
    expect(must(index.search('kubernetes sche')).notes.map((n) => n.id)).toContain(added.note.id);
    must(await store.notes.update(added.note.id, { text: 'caching now' }));
    await check();
    expect(must(index.search('kubernetes sche')).notes.map((n) => n.id)).not.toContain(added.note.id);
    expect(must(index.search('cach')).notes[0]?.id).toBe(added.note.id);
    const deleted = must(await store.notes.delete(added.note.id));
    await check();
    expect(must(index.search('caching now')).noteCount).toBe(0);
    must(await store.notes.restore(deleted));
    await check();
    expect(must(index.search('caching now')).noteCount).toBe(1);
    // Talks: renamed (found by the new title), then deleted with their notes.
    must(await store.talks.update(ids.talk2, { title: 'Ada on traces' }));
    await check();
    expect(must(index.search('ada trace')).talks.map((t) => t.id)).toContain(ids.talk2);
    expect(index.talk(ids.talk2)?.title).toBe('Ada on traces');
    must(await store.posts.update(ids.post, { title: 'Renamed post' }));
    await check();
    expect(index.post(ids.post)?.title).toBe('Renamed post');
    must(await store.talks.delete(ids.talk2));
    await check();
    expect(index.talk(ids.talk2)).toBeUndefined();
    expect(must(index.search('caching now')).noteCount).toBe(0);
    // A restore replaces everything: the index reads it all again.
    const other = sampleSnapshot();
    other.notes = other.notes.map((n) => ({ ...n, text: `${n.text} kubernetes` }));
    must(await store.importSnapshot(other, 'replace'));
    await check();
    expect(must(index.search('kubernetes')).noteCount).toBe(other.notes.length);
    // Another restore, and a note written while the index reads everything again.
    must(await store.importSnapshot(other, 'replace'));
    const late = must(
      await store.notes.add({ talkId: ids.talk, time: 9, kind: 'text', text: 'kubernetes late' }),
    );
    batches++;
    await check();
    expect(must(index.search('kubernetes late')).notes.map((n) => n.id)).toEqual([late.note.id]);
    live.stop();
    store.close();
  });

  it('reads every note of a library larger than one read slice', async () => {
    const snap = sampleSnapshot();
    for (let i = 0; i < 2345; i++) {
      snap.notes.push({
        id: `n_s${String(i).padStart(15, '0')}` as NoteId,
        talkId: ids.talk2,
        time: i,
        kind: 'text',
        text: i % 3 ? `kubernetes ${i}` : `scheduler ${i}`,
        createdAt: '2026-05-03T09:00:00.000Z',
        updatedAt: `2026-05-03T09:00:00.${String(i % 1000).padStart(3, '0')}Z`,
      });
    }
    const { store, name } = freshStore();
    must(await store.importSnapshot(snap, 'replace'));
    const index = openLibraryQueries({ name }).searchIndex();
    must(await index.build());
    expect(must(index.search('kubernetes')).noteCount).toBe(1563);
    for (const q of ['kube', 'sche', '2344', '1000']) await expectSame(store, index, q, 7);
    store.close();
  });

  it('ends up right when writes race with its build', async () => {
    const { store, name } = freshStore();
    must(await store.importSnapshot(sampleSnapshot(), 'replace'));
    const index = openLibraryQueries({ name }).searchIndex();
    const got: Change[][] = [];
    const stop = onChange((c) => {
      got.push([...c]);
      void index.apply(c);
    });
    const building = index.build();
    const texts = ['kube one', 'kube two', 'kube three'];
    for (const text of texts) must(await store.notes.add({ talkId: ids.talk, time: 1, kind: 'text', text }));
    must(await building);
    while (got.length < texts.length) await new Promise((r) => setTimeout(r, 5));
    await index.settled();
    await expectSame(store, index, 'kube', 10);
    expect(must(index.search('kube')).noteCount).toBe(3);
    stop();
    store.close();
  });

  it('reads a database left at v3 by an older release, once upgraded', async () => {
    const name = `m-${newId('note')}`;
    const sample: Snapshot = sampleSnapshot();
    const v3 = await openDB(name, 3, {
      async upgrade(db, old, _new, tx) {
        for (let v = old; v < 3; v++) await steps[v]?.(db as never, tx as never);
      },
    });
    const tx = v3.transaction(['posts', 'talks', 'notes'], 'readwrite');
    for (const p of sample.posts) await tx.objectStore('posts').put(p);
    for (const t of sample.talks) await tx.objectStore('talks').put(t);
    for (const n of sample.notes as Note[])
      await tx.objectStore('notes').put({ ...n, terms: termsOf(n.text, n.speaker) });
    await tx.done;
    v3.close();
    const index = openLibraryQueries({ name }).searchIndex();
    must(await index.build());
    const store = openStore({ name });
    for (const q of queries) await expectSame(store, index, q);
    expect(must(index.search('resume scheduler')).notes.map((n) => n.id)).toEqual(['n_0000000000000006']);
    store.close();
  });
});
