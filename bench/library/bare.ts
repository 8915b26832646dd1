// The bare IndexedDB reads the benchmark compares against, run inside the extension page:
// the same records each view reads, with no store layer, no Preact, no rendering. The page
// gets these as source text; run.ts defines the __name helper tsx's output calls.

/**
 * What the popup reads: the active post, the ids of posts by last edit and the recent five,
 * the active post's stored counts, its last talk and that talk's notes.
 */
export async function barePopupRead(all: boolean | null): Promise<{ ms: number; allNotesMs: number }> {
  const t0 = performance.now();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('talkmark');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const tx = db.transaction(['kv', 'posts', 'talks', 'notes', 'counts']);
  const req = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const posts = tx.objectStore('posts');
  const activeId = (await req(tx.objectStore('kv').get('activePostId'))) as IDBValidKey;
  const [active, byEdit] = await Promise.all([
    req(posts.get(activeId)) as Promise<{ id: string; sections: Array<{ talkIds: string[] }> }>,
    req(posts.index('byUpdated').getAllKeys()),
  ]);
  const last = active.sections.flatMap((s) => s.talkIds).at(-1) as string;
  await Promise.all([
    ...byEdit.slice(-5).map((id) => req(posts.get(id))),
    req(tx.objectStore('counts').get(active.id)),
    req(tx.objectStore('talks').get(last)),
    req(tx.objectStore('notes').index('byTalk').getAll(last)),
  ]);
  const ms = performance.now() - t0;
  const t1 = performance.now();
  if (all !== false) await req(db.transaction('notes').objectStore('notes').getAll());
  const allNotesMs = performance.now() - t1;
  db.close();
  return { ms, allNotesMs };
}

/** What the posts list reads: every post and the stored counts. */
export async function bareLibraryOpen(): Promise<number> {
  const t0 = performance.now();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('talkmark');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const tx = db.transaction(['posts', 'counts', 'kv']);
  const req = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  await Promise.all([
    req(tx.objectStore('posts').getAll()),
    req(tx.objectStore('counts').getAllKeys()),
    req(tx.objectStore('counts').getAll()),
    req(tx.objectStore('kv').get('activePostId')),
  ]);
  db.close();
  return performance.now() - t0;
}

/** What a search reads: each word's key range on byTerm, the matching notes, all talks, all posts. */
export async function bareSearch(query: string): Promise<number> {
  const t0 = performance.now();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('talkmark');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const tx = db.transaction(['notes', 'talks', 'posts']);
  const req = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const index = tx.objectStore('notes').index('byTerm');
  let ids: Set<IDBValidKey> | undefined;
  for (const term of query
    .toLowerCase()
    .split(/\s+/)
    .sort((a, b) => b.length - a.length)) {
    const keys = await req(index.getAllKeys(IDBKeyRange.bound(term, `${term}\uffff`)));
    ids = ids ? new Set(keys.filter((k) => ids?.has(k))) : new Set(keys);
  }
  const store = tx.objectStore('notes');
  await Promise.all([...(ids ?? [])].slice(0, 100).map((id) => req(store.get(id))));
  await req(tx.objectStore('talks').getAll());
  await req(tx.objectStore('posts').getAll());
  db.close();
  return performance.now() - t0;
}
