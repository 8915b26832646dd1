// Restore fed damaged and hostile files, generated (fast-check) rather than hand-picked:
// random byte flips and cuts of a real backup, documents with random values in random
// places, arbitrary objects handed straight to the store, hostile file names. Either a clear
// error and the store unchanged, or (a flip that touched nothing that matters) exactly the
// original data. test/unit/backup/hostile.test.ts has the hand-written cases (zip bombs,
// declared sizes, missing references); this file adds what only a generator finds.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBackup, encodeBackup } from '../../../src/core/backup';
import type { Snapshot } from '../../../src/core/model';
import { checkIntegrity, validateSnapshot } from '../../../src/core/validate-snapshot';
import type { Store } from '../../../src/store';
import { sampleSnapshot } from '../backup/fixture';
import { freshStore, must, sorted } from '../store/helpers';

const original = sampleSnapshot();
const backup = encodeBackup(original, { createdAt: '2026-05-03T08:30:00+02:00' });
const docJson = JSON.parse(new TextDecoder().decode(unzipSync(backup)['backup.json'])) as Record<
  string,
  unknown
>;
const imageFiles = Object.fromEntries(
  Object.entries(unzipSync(backup)).filter(([name]) => name.startsWith('images/')),
);

let store: Store;
let before: Snapshot;

beforeAll(async () => {
  store = freshStore().store;
  must(await store.posts.create({ title: 'What the user already has' }));
  before = sorted(must(await store.snapshot()));
});

/** What the library's Restore does: decode, then import only what decoded. */
async function restore(bytes: Uint8Array): Promise<{ ok: boolean; error: string }> {
  const decoded = decodeBackup(bytes);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  const imported = await store.importSnapshot(decoded.value, 'merge');
  return imported.ok ? { ok: true, error: '' } : { ok: false, error: imported.error.message };
}

function expectClearRefusal(error: string) {
  expect(error).toMatch(/^This backup can't be restored: .{5,}\.$/s);
  expect(error).not.toMatch(/\[object Object\]|undefined is not|Cannot read prop|RangeError/);
}

describe('a damaged backup file', () => {
  it('with bytes flipped anywhere: refused clearly, or decoded to exactly the original', () => {
    const flips = fc.array(
      fc.record({ at: fc.nat({ max: backup.length - 1 }), xor: fc.integer({ min: 1, max: 255 }) }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(flips, (changes) => {
        const bytes = backup.slice();
        for (const { at, xor } of changes) bytes[at] = (bytes[at] as number) ^ xor;
        const decoded = decodeBackup(bytes);
        if (decoded.ok) expect(sorted(decoded.value)).toEqual(sorted(original));
        else expectClearRefusal(decoded.error);
      }),
      { numRuns: 500 },
    );
  });

  it('cut short, or with garbage appended or prepended: refused clearly or the original', () => {
    const damage = fc.oneof(
      fc.nat({ max: backup.length - 1 }).map((n) => backup.subarray(0, n)),
      fc.nat({ max: backup.length - 1 }).map((n) => backup.subarray(n)),
      fc.uint8Array({ minLength: 1, maxLength: 64 }).map((junk) => new Uint8Array([...junk, ...backup])),
      fc.uint8Array({ minLength: 1, maxLength: 64 }).map((junk) => new Uint8Array([...backup, ...junk])),
    );
    fc.assert(
      fc.property(damage, (bytes) => {
        const decoded = decodeBackup(bytes);
        if (decoded.ok) expect(sorted(decoded.value)).toEqual(sorted(original));
        else expectClearRefusal(decoded.error);
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes that are not a zip at all', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const decoded = decodeBackup(bytes);
        expect(decoded.ok).toBe(false);
        if (!decoded.ok) expectClearRefusal(decoded.error);
      }),
      { numRuns: 300 },
    );
  });

  it('through the store: nothing written for any of them', async () => {
    const cuts = fc.sample(fc.nat({ max: backup.length - 1 }), { numRuns: 30, seed: 7 });
    for (const n of cuts) {
      const r = await restore(backup.subarray(0, n));
      expect(r.ok).toBe(false);
      expectClearRefusal(r.error);
    }
    expect(sorted(must(await store.snapshot()))).toEqual(before);
  });
});

/** A copy of `base` with a generated value put in a random place (a field, or a whole list). */
function mutated<T extends object>(base: T) {
  return fc
    .record({
      list: fc.constantFrom('posts', 'talks', 'notes', 'images'),
      index: fc.nat({ max: 5 }),
      key: fc.oneof(
        fc.constantFrom(
          'id',
          'talkId',
          'postId',
          'time',
          'text',
          'title',
          'sections',
          'mime',
          'size',
          'file',
          'bytes',
        ),
        fc.constantFrom('__proto__', 'constructor', 'prototype'),
        fc.string({ maxLength: 10 }),
      ),
      value: fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.constantFrom('../../etc/passwd', '<script>alert(1)</script>', 'x'.repeat(200_000), -1, 1e308),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, new Uint8Array([1, 2, 3])),
      ),
      whole: fc.boolean(),
    })
    .map(({ list, index, key, value, whole }) => {
      const copy = structuredClone(base) as Record<string, unknown>;
      const records = copy[list] as Record<string, unknown>[];
      const record = records[index % records.length];
      if (whole) copy[list] = value;
      else if (record) Object.defineProperty(record, key, { value, enumerable: true, writable: true });
      return copy;
    });
}
const hostileDoc = mutated(docJson);

describe('a hostile backup document (generated)', () => {
  it('is refused clearly, or restores data that passes every check and leaves Object.prototype alone', async () => {
    await fc.assert(
      fc.asyncProperty(hostileDoc, async (doc) => {
        const bytes = zipSync({ 'backup.json': strToU8(JSON.stringify(doc)), ...imageFiles });
        const decoded = decodeBackup(bytes);
        if (!decoded.ok) return expectClearRefusal(decoded.error);
        // Accepted: an unknown field was dropped, or a value was still valid. Then the store
        // must take it whole (the decoder's checks are the store's).
        const scratch = freshStore().store;
        expect(await scratch.importSnapshot(decoded.value, 'replace')).toMatchObject({ ok: true });
        scratch.close();
        expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('any JSON at all as the document is refused', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const decoded = decodeBackup(zipSync({ 'backup.json': strToU8(JSON.stringify(json) ?? 'null') }));
        expect(decoded.ok).toBe(false);
        if (!decoded.ok) expectClearRefusal(decoded.error);
      }),
      { numRuns: 200 },
    );
  });

  it('file names that climb out, are absolute, or hide in other folders are refused', () => {
    const segment = fc.constantFrom(
      '..',
      '.',
      '',
      'images',
      'x',
      '%2e%2e',
      'C:',
      '\\..\\',
      '\u0000',
      'backup.json',
    );
    const name = fc
      .tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.constantFrom('/', '\\'))
      .map(([parts, separator]) => parts.join(separator))
      .filter((n) => n !== 'backup.json' && n !== 'images' && n !== 'images/' && n.length > 0);
    fc.assert(
      fc.property(name, (evil) => {
        const decoded = decodeBackup(
          zipSync({ 'backup.json': strToU8(JSON.stringify(docJson)), ...imageFiles, [evil]: strToU8('x') }),
        );
        expect(decoded.ok, evil).toBe(false);
        if (!decoded.ok) expect(decoded.error).toMatch(/unsafe file name|unexpected file|not a zip|corrupt/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the store handed arbitrary objects as a snapshot', () => {
  it('refuses junk with an invalid error and writes nothing', async () => {
    const junk = fc.oneof(
      fc.anything(),
      fc.record({ posts: fc.anything(), talks: fc.anything(), notes: fc.anything(), images: fc.anything() }),
    );
    await fc.assert(
      fc.asyncProperty(junk, fc.constantFrom('merge', 'replace' as const), async (snap, mode) => {
        const r = await store.importSnapshot(snap as Snapshot, mode);
        expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
        if (!r.ok) expect(r.error.message).toMatch(/^This backup can't be restored: /);
      }),
      { numRuns: 150 },
    );
    expect(sorted(must(await store.snapshot()))).toEqual(before);
  }, 60_000);

  it('a real snapshot with a generated value in a random place: refused and nothing written, or taken whole', async () => {
    await fc.assert(
      fc.asyncProperty(
        mutated(original),
        fc.constantFrom('merge', 'replace' as const),
        async (snap, mode) => {
          const { store: own } = freshStore();
          must(await own.posts.create({ title: 'Mine' }));
          const mine = sorted(must(await own.snapshot()));
          const r = await own.importSnapshot(snap as unknown as Snapshot, mode);
          const after = sorted(must(await own.snapshot()));
          own.close();
          if (!r.ok) {
            expect(r.error.code).toBe('invalid');
            expect(r.error.message).toMatch(/^This backup can't be restored: .{5,}/);
            expect(after).toEqual(mine);
          } else {
            // Only an unknown field (dropped) or a value that was still valid gets here: what
            // the store holds now is itself a valid, consistent snapshot.
            expect(validateSnapshot(after)).toMatchObject({ ok: true });
            expect(checkIntegrity(after)).toMatchObject({ ok: true });
            expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
          }
        },
      ),
      { numRuns: 80 },
    );
  }, 60_000);
});
