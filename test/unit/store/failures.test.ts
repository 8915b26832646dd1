// The failures a user must be told about: a full disk, an old page blocking an upgrade, and
// this page being the old one.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newId } from '../../../src/core/ids';
import { DB_VERSION, openStore } from '../../../src/store';
import { steps } from '../../../src/store/migrations';
import { sampleSnapshot } from '../backup/fixture';
import { freshStore, jpegBlob, must, sorted, storeWithTalk } from './helpers';

/** Makes every put into `storeName` fail the way a full disk does. */
function quotaOn(storeName: string) {
  const original = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args
  ) {
    if (this.name === storeName) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.apply(this, args);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a full disk (QuotaExceededError)', () => {
  it("keeps a slide's text when its image can't be stored, and says why", async () => {
    const { store, talk } = await storeWithTalk();
    quotaOn('images');
    const r = must(
      await store.notes.add(
        { talkId: talk.id, time: 4, kind: 'slide', text: 'the architecture' },
        { blob: jpegBlob(), mime: 'image/jpeg', width: 16, height: 9 },
      ),
    );
    expect(r.imageError?.code).toBe('quota');
    expect(r.imageError?.message).toContain('storage for it is full');
    expect('imageId' in r.note).toBe(false);
    vi.restoreAllMocks();
    expect(must(await store.notes.listByTalk(talk.id))).toEqual([r.note]);
  });

  it('returns a quota error and writes nothing when a note itself fails', async () => {
    const { store, talk } = await storeWithTalk();
    quotaOn('notes');
    const r = await store.notes.add({ talkId: talk.id, time: 1, kind: 'text', text: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'quota' } });
    vi.restoreAllMocks();
    expect(must(await store.notes.listByTalk(talk.id))).toEqual([]);
  });

  it('leaves the store unchanged when a restore runs out of space half way', async () => {
    const { store } = freshStore();
    must(await store.posts.create({ title: 'Mine' }));
    const before = must(await store.snapshot());
    quotaOn('images');
    const r = await store.importSnapshot(sampleSnapshot(), 'replace');
    expect(r).toMatchObject({ ok: false, error: { code: 'quota' } });
    vi.restoreAllMocks();
    expect(sorted(must(await store.snapshot()))).toEqual(sorted(before));
  });
});

describe('upgrades', () => {
  it('reports a blocked upgrade while an old page holds the database, then recovers', async () => {
    const name = `b-${newId('note')}`;
    // An "old page": a v1 connection that ignores versionchange.
    const old = await openDB(name, 1, {
      upgrade: (db, _o, _n, tx) => void steps[0]?.(db as never, tx as never),
    });
    const store = openStore({ name });
    const r = await store.posts.list();
    expect(r).toMatchObject({ ok: false, error: { code: 'blocked' } });
    if (!r.ok) expect(r.error.message).toContain('older Talkmark page is still open');
    old.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(must(await store.posts.list())).toEqual([]);
    store.close();
  });

  it('closes its own connection when a newer version upgrades, then asks for a reload', async () => {
    const { store, name } = freshStore();
    must(await store.posts.create({ title: 'P' }));
    let blocked = false;
    const newer = await openDB(name, DB_VERSION + 1, {
      blocked: () => {
        blocked = true;
      },
    });
    expect(blocked).toBe(false);
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(await store.posts.list()).toMatchObject({ ok: false, error: { code: 'outdated' } });
    newer.close();
  });
});
