// Store benchmark: a large store (10,000 notes, 2,000 images) in fake-indexeddb under Node.
// Each figure is printed next to the bare IndexedDB access of the same records, measured in
// the same run, so the ratio means something on a noisy machine. Figures from fake-indexeddb
// are not a browser's: they show our overhead over the database, not the database's speed.
//   npm run bench:store            (IMAGE_KB=150 IMAGES=2000 NOTES=10000 by default)
// Also writes bench/.cache/results/store.json for `npm run bench`; BENCH_SMOKE=1 runs it tiny.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { decodeBackup, encodeBackup } from '../../src/core/backup';
import { openStore } from '../../src/store';
import { termsOf } from '../../src/store/terms';
import { count, SMOKE, startBench } from '../results';
import { buildSnapshot } from './data';

const NOTES = Number(process.env.NOTES ?? (SMOKE ? 200 : 10_000));
const IMAGES = Number(process.env.IMAGES ?? (SMOKE ? 20 : 2_000));
const IMAGE_KB = Number(process.env.IMAGE_KB ?? (SMOKE ? 4 : 150));
/** Repetitions: smoke mode runs each pair once, to exercise the code, not to measure. */
const runs = (n: number) => (SMOKE ? 1 : n);
const bench = startBench(
  'store',
  'Store operations over fake-indexeddb in Node (our overhead over the database, not a browser figure)',
);

interface Paired {
  ours: number[];
  bare: number[];
}
const mid = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? Number.NaN;
const NAME = 'talkmark-bench';

/** Times of `ours` and `bare`, run alternately so both see the same machine state (GC, caches). */
async function pair(
  runs: number,
  ours: () => Promise<unknown>,
  bare: () => Promise<unknown>,
): Promise<Paired> {
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
  return { ours: a, bare: b };
}

/** Prints the medians side by side and records the figure (no budget: fake-indexeddb isn't a browser). */
function row(id: string, what: string, p: Paired, bareWhat: string): void {
  const ms = (x: number) => `${x.toFixed(1).padStart(8)} ms`;
  const ours = mid(p.ours);
  const bare = mid(p.bare);
  console.log(
    `${what.padEnd(34)}${ms(ours)}   | ${bareWhat.padEnd(40)}${ms(bare)}   ratio ${(ours / bare).toFixed(2)}`,
  );
  bench.add({
    id,
    name: what,
    unit: 'ms',
    values: p.ours,
    over: count(p.ours.length, 'paired run'),
    reference: { name: bareWhat, values: p.bare },
    paired: true,
  });
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

  const open = await pair(
    runs(15),
    async () => unwrap(await store.posts.open(post.id)),
    async () => {
      const tx = bare.transaction(['posts', 'talks', 'notes']);
      await tx.objectStore('posts').get(post.id);
      await tx.objectStore('talks').index('byPost').getAll(post.id);
      await Promise.all(talkIds.map((id) => tx.objectStore('notes').index('byTalk').getAll(id)));
    },
  );
  row('open', `open a post (${postNotes} notes)`, open, 'bare get of its post, talks, notes');

  const scanAll = async () => bare.transaction('notes').objectStore('notes').getAll();
  for (const query of ['zanzibar', 'kubernetes latency', 'kube', 'postmortem canary replica']) {
    const hits = unwrap(await store.search(query)).noteCount;
    const search = await pair(runs(7), async () => unwrap(await store.search(query)), scanAll);
    row(
      `search-${query.replaceAll(' ', '-')}`,
      `search "${query}" (${hits} hits)`,
      search,
      `bare getAll of all ${snap.notes.length} notes`,
    );
  }

  let file: Uint8Array = new Uint8Array(0);
  let snapshotMs = 0;
  const backup = await pair(
    runs(3),
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
    'backup',
    `back up (${(file.length / 1024 ** 2).toFixed(0)} MB zip)`,
    backup,
    'bare read of every record + image bytes',
  );
  console.log(
    `  of which store.snapshot(): ${snapshotMs.toFixed(0)} ms, encodeBackup: ${(mid(backup.ours) - snapshotMs).toFixed(0)} ms`,
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
  const restore = await pair(
    runs(3),
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
  row('restore', 'restore (decode + replace)', restore, 'bare put of the same records');
  console.log(
    `  of which decodeBackup: ${decodeMs.toFixed(0)} ms, importSnapshot: ${(mid(restore.ours) - decodeMs).toFixed(0)} ms`,
  );
  bench.notes.push(
    `Data: ${snap.notes.length} notes, ${snap.images.length} images of ${IMAGE_KB} KB. The library's own open and ` +
      'search budgets are browser figures (bench:library); these show the store layer against bare IndexedDB.',
  );
  bench.write();
  store.close();
}

await main();
