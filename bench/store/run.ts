// Store benchmark: a large store (10,000 notes, 2,000 images) in fake-indexeddb under Node.
// Each figure is printed next to the bare IndexedDB access of the same records, measured in
// the same run, so the ratio means something on a noisy machine. Figures from fake-indexeddb
// are not a browser's: they show our overhead over the database, not the database's speed.
//   npm run bench:store            (IMAGE_KB=150 IMAGES=2000 NOTES=10000 by default)
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { decodeBackup, encodeBackup } from '../../src/core/backup';
import { openStore } from '../../src/store';
import { termsOf } from '../../src/store/terms';
import { buildSnapshot } from './data';

const NOTES = Number(process.env.NOTES ?? 10_000);
const IMAGES = Number(process.env.IMAGES ?? 2_000);
const IMAGE_KB = Number(process.env.IMAGE_KB ?? 150);
const NAME = 'talkmark-bench';

/** Medians of `ours` and `bare`, run alternately so both see the same machine state (GC, caches). */
async function pair(
  runs: number,
  ours: () => Promise<unknown>,
  bare: () => Promise<unknown>,
): Promise<[number, number]> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    const order: Array<[() => Promise<unknown>, number[]]> =
      i % 2
        ? [
            [bare, b],
            [ours, a],
          ]
        : [
            [ours, a],
            [bare, b],
          ];
    for (const [fn, out] of order) {
      // With --expose-gc, collect first so neither side pays for the other's garbage.
      (globalThis as { gc?: () => void }).gc?.();
      const t = performance.now();
      await fn();
      out.push(performance.now() - t);
    }
  }
  const mid = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return [mid(a), mid(b)];
}

function row(what: string, ours: number, bareWhat: string, bare: number): void {
  const ms = (x: number) => `${x.toFixed(1).padStart(8)} ms`;
  console.log(
    `${what.padEnd(34)}${ms(ours)}   | ${bareWhat.padEnd(40)}${ms(bare)}   ratio ${(ours / bare).toFixed(2)}`,
  );
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function main(): Promise<void> {
  console.log(`Talkmark store benchmark — fake-indexeddb ${'(in-memory, Node)'}, not a browser's IndexedDB.`);
  const snap = buildSnapshot(NOTES, IMAGES, IMAGE_KB * 1024);
  const imageBytes = snap.images.reduce((n, i) => n + i.bytes.length, 0);
  console.log(
    `Data: ${snap.posts.length} posts, ${snap.talks.length} talks, ${snap.notes.length} notes, ` +
      `${snap.images.length} images (${(imageBytes / 1024 ** 2).toFixed(0)} MB).`,
  );
  const store = openStore({ name: NAME });
  const t = performance.now();
  unwrap(await store.importSnapshot(snap, 'replace'));
  console.log(`Seeded through importSnapshot(replace) in ${(performance.now() - t).toFixed(0)} ms.\n`);

  const bare = await openDB(NAME);
  const post = snap.posts[0];
  if (!post) throw new Error('no post');
  const talkIds = snap.talks.filter((x) => x.postId === post.id).map((x) => x.id);
  const postNotes = snap.notes.filter((n) => talkIds.includes(n.talkId)).length;

  const [openMs, bareOpen] = await pair(
    15,
    async () => unwrap(await store.posts.open(post.id)),
    async () => {
      const tx = bare.transaction(['posts', 'talks', 'notes']);
      await tx.objectStore('posts').get(post.id);
      await tx.objectStore('talks').index('byPost').getAll(post.id);
      await Promise.all(talkIds.map((id) => tx.objectStore('notes').index('byTalk').getAll(id)));
    },
  );
  row(`open a post (${postNotes} notes)`, openMs, 'bare get of its post, talks, notes', bareOpen);

  const scanAll = async () => bare.transaction('notes').objectStore('notes').getAll();
  for (const query of ['zanzibar', 'kubernetes latency', 'kube', 'postmortem canary replica']) {
    const hits = unwrap(await store.search(query)).noteCount;
    const [searchMs, bareScan] = await pair(7, async () => unwrap(await store.search(query)), scanAll);
    row(
      `search "${query}" (${hits} hits)`,
      searchMs,
      `bare getAll of all ${snap.notes.length} notes`,
      bareScan,
    );
  }

  let file: Uint8Array = new Uint8Array(0);
  let snapshotMs = 0;
  const [backupMs, bareRead] = await pair(
    3,
    async () => {
      const t0 = performance.now();
      const all = unwrap(await store.snapshot());
      snapshotMs = performance.now() - t0;
      file = encodeBackup(all);
    },
    async () => {
      const tx = bare.transaction(['posts', 'talks', 'notes', 'images']);
      const [, , , images] = await Promise.all([
        tx.objectStore('posts').getAll(),
        tx.objectStore('talks').getAll(),
        tx.objectStore('notes').getAll(),
        tx.objectStore('images').getAll(),
      ]);
      await Promise.all(images.map((i: { blob: Blob }) => i.blob.arrayBuffer()));
    },
  );
  row(
    `back up (${(file.length / 1024 ** 2).toFixed(0)} MB zip)`,
    backupMs,
    'bare read of every record + image bytes',
    bareRead,
  );
  console.log(
    `  of which store.snapshot(): ${snapshotMs.toFixed(0)} ms, encodeBackup: ${(backupMs - snapshotMs).toFixed(0)} ms`,
  );
  bare.close();

  const records = {
    posts: snap.posts,
    talks: snap.talks,
    notes: snap.notes.map((n) => ({ ...n, terms: termsOf(n.text, n.speaker) })),
    images: snap.images.map(({ bytes, ...m }) => ({
      ...m,
      blob: new Blob([bytes as Uint8Array<ArrayBuffer>]),
    })),
  };
  const raw = await openDB(NAME);
  let decodeMs = 0;
  const [restoreMs, bareWrite] = await pair(
    3,
    async () => {
      const t0 = performance.now();
      const decoded = unwrap(decodeBackup(file));
      decodeMs = performance.now() - t0;
      unwrap(await store.importSnapshot(decoded, 'replace'));
    },
    async () => {
      const tx = raw.transaction(['posts', 'talks', 'notes', 'images'], 'readwrite');
      for (const name of ['posts', 'talks', 'notes', 'images'] as const) {
        await tx.objectStore(name).clear();
        for (const r of records[name]) tx.objectStore(name).put(r);
      }
      await tx.done;
    },
  );
  raw.close();
  row('restore (decode + replace)', restoreMs, 'bare put of the same records', bareWrite);
  console.log(
    `  of which decodeBackup: ${decodeMs.toFixed(0)} ms, importSnapshot: ${(restoreMs - decodeMs).toFixed(0)} ms`,
  );
  store.close();
}

await main();
