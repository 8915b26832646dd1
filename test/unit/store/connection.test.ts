// One open database per page: the store and the library's queries share it, and it closes
// only when the last of them lets go.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newId } from '../../../src/core/ids';
import { openLibraryQueries, openStore } from '../../../src/store';
import { must } from './helpers';

afterEach(() => vi.restoreAllMocks());

describe('connections', () => {
  it('open the database once for the store and the queries, and close it after the last user', async () => {
    const name = `c-${newId('note')}`;
    const opens = vi.spyOn(indexedDB, 'open');
    const closes = vi.spyOn(IDBDatabase.prototype, 'close');
    const store = openStore({ name });
    const queries = openLibraryQueries({ name });
    const [post, summaries] = await Promise.all([
      store.posts.create({ title: 'Shared' }),
      queries.postSummaries(),
    ]);
    must(post);
    must(summaries);
    expect(opens).toHaveBeenCalledTimes(1);

    store.close();
    expect(closes).not.toHaveBeenCalled();
    expect(must(await queries.postSummaries()).map((s) => s.post.title)).toEqual(['Shared']);
    queries.close();
    expect(closes).toHaveBeenCalledTimes(1);
    // Closing twice lets go once; a closed store opens again on its next call.
    store.close();
    expect(must(await store.posts.list()).map((p) => p.title)).toEqual(['Shared']);
    expect(opens).toHaveBeenCalledTimes(2);
    store.close();
  });

  it('keep databases of different names apart', async () => {
    const a = openStore({ name: `c-${newId('note')}` });
    const b = openStore({ name: `c-${newId('note')}` });
    must(await a.posts.create({ title: 'Only in a' }));
    expect(must(await b.posts.list())).toEqual([]);
    a.close();
    b.close();
  });

  it('share one open database between two copies of the code, as the popup and its lazy store are', async () => {
    // The popup's script and the store it imports on first use are separate bundles
    // (build.mjs): each has its own copy of connection.ts. Two module instances stand in for them.
    const name = `c-${newId('note')}`;
    const first = await import('../../../src/store/connection');
    vi.resetModules();
    const second = await import('../../../src/store/connection');
    expect(second.Connection).not.toBe(first.Connection);
    const opens = vi.spyOn(indexedDB, 'open');
    const a = new first.Connection(name);
    const b = new second.Connection(name);
    const [da, db] = [must(await a.get()), must(await b.get())];
    expect(db).toBe(da);
    expect(opens).toHaveBeenCalledTimes(1);
    a.close();
    b.close();
  });
});
