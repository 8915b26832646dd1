// Search with more matches than it returns: the last edited come first, the count covers
// every match, and only the notes returned are read from the notes store.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoteId } from '../../../src/core/model';
import { ids, sampleSnapshot } from '../backup/fixture';
import { freshStore, must } from './helpers';

/** The sample library plus `n` notes saying "kubernetes", edited a minute apart (note i at minute i). */
function manyMatches(n: number) {
  const snap = sampleSnapshot();
  for (let i = 0; i < n; i++) {
    const minute = String(i % 60).padStart(2, '0');
    const hour = String(10 + Math.floor(i / 60)).padStart(2, '0');
    snap.notes.push({
      id: `n_k${String(i).padStart(15, '0')}` as NoteId,
      talkId: ids.talk2,
      time: i,
      kind: 'text',
      text: i % 2 ? `Kubernetes scheduling ${i}` : `kubernetes operators ${i}`,
      createdAt: '2026-05-03T09:00:00.000Z',
      updatedAt: `2026-05-03T${hour}:${minute}:00.000Z`,
    });
  }
  return snap;
}

const kubeId = (i: number) => `n_k${String(i).padStart(15, '0')}`;

afterEach(() => vi.restoreAllMocks());

describe('search with many matches', () => {
  it('returns the last edited `limit` notes and counts them all', async () => {
    const { store } = freshStore();
    must(await store.importSnapshot(manyMatches(150), 'replace'));
    const all = must(await store.search('kube', 10));
    expect(all.noteCount).toBe(150);
    expect(all.notes.map((n) => n.id)).toEqual(Array.from({ length: 10 }, (_, i) => kubeId(149 - i)));
    // Two words: the odd notes only, still newest first.
    const both = must(await store.search('sched KUBERNETES', 3));
    expect(both.noteCount).toBe(75);
    expect(both.notes.map((n) => n.id)).toEqual([kubeId(149), kubeId(147), kubeId(145)]);
  });

  it('puts a note edited now first, and drops a deleted one from the count', async () => {
    const { store } = freshStore();
    must(await store.importSnapshot(manyMatches(40), 'replace'));
    must(await store.notes.update(kubeId(3) as NoteId, { text: 'kubernetes again' }));
    must(await store.notes.delete(kubeId(39) as NoteId));
    const r = must(await store.search('kubernetes', 2));
    expect(r.noteCount).toBe(39);
    expect(r.notes.map((n) => n.id)).toEqual([kubeId(3), kubeId(38)]);
  });

  it('reads only the notes it returns, never the whole notes store', async () => {
    const { store } = freshStore();
    must(await store.importSnapshot(manyMatches(300), 'replace'));
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const getAlls = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const r = must(await store.search('kubernetes', 20));
    expect(r.noteCount).toBe(300);
    expect(r.notes).toHaveLength(20);
    expect(gets).toHaveBeenCalledTimes(20);
    // The one getAll is the talks store's.
    expect(getAlls.mock.contexts.map((c) => (c as IDBObjectStore).name)).toEqual(['talks']);
  });

  it('orders a few matches among many notes the same way, reading each match once', async () => {
    const snap = manyMatches(30);
    for (let i = 0; i < 1000; i++) {
      snap.notes.push({
        id: `n_f${String(i).padStart(15, '0')}` as NoteId,
        talkId: ids.talk2,
        time: i,
        kind: 'text',
        text: `filler ${i}`,
        createdAt: '2026-05-03T09:00:00.000Z',
        updatedAt: '2026-05-04T09:00:00.000Z',
      });
    }
    const { store } = freshStore();
    must(await store.importSnapshot(snap, 'replace'));
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const r = must(await store.search('kubernetes', 5));
    expect(r.noteCount).toBe(30);
    expect(r.notes.map((n) => n.id)).toEqual([29, 28, 27, 26, 25].map(kubeId));
    expect(gets).toHaveBeenCalledTimes(30);
  });
});
