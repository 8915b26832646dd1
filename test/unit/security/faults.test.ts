// Faults as the page's panel meets them: what the background answers when the disk is full or
// an old Talkmark tab blocks a schema upgrade. test/unit/store/failures.test.ts checks the
// store's own results; here the same faults go through the real router and handlers, so the
// text the user reads is the one checked, and nothing is half-written.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeHandlers } from '../../../src/background/handlers';
import { route } from '../../../src/background/router';
import { newId } from '../../../src/core/ids';
import { type Change, onChange, openStore } from '../../../src/store';
import { steps } from '../../../src/store/migrations';
import { ids } from '../backup/fixture';
import { must } from '../store/helpers';
import { spec } from './call-specs';
import { envelope, ownId, ownSender, seeded } from './harness';

vi.mock('webextension-polyfill', () => ({ default: {} }));

/** Every put and add into `storeName` fails the way a full disk does. */
function fullDisk(storeName: string) {
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === storeName)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a full disk, through the background', () => {
  it('a note that cannot be saved is reported as not saved, in words the user can act on', async () => {
    const env = await seeded();
    const before = await env.state();
    fullDisk('notes');
    const reply = await env.send(envelope('saveNote', { ...spec('saveNote').valid(), id: newId('note') }));
    vi.restoreAllMocks();
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(
        /couldn't save: the browser's storage for it is full\. Free some disk space/,
      ),
    });
    expect(await env.state()).toEqual(before);
  });

  it("a slide whose picture doesn't fit keeps its text, and the reply says the picture was lost", async () => {
    const env = await seeded();
    fullDisk('images');
    const reply = await env.send(envelope('addSlide', spec('addSlide').valid()));
    vi.restoreAllMocks();
    expect(reply).toMatchObject({ ok: true, value: { image: null } });
    if (!reply.ok) return;
    const { note, warning } = reply.value as { note: { id: string; imageId?: string }; warning?: string };
    expect(warning).toMatch(/picture was not kept: .*storage for it is full/);
    expect(note.imageId).toBeUndefined();
    const notes = must(await env.store.notes.listByTalk(ids.talk));
    expect(notes.find((n) => n.id === note.id)).toBeDefined();
    // No image record was written without its note, nor a note pointing at a missing image.
    expect(must(await env.store.snapshot()).images.length).toBe(2);
  });

  it('a new post that cannot be created leaves no half-made post behind', async () => {
    const env = await seeded();
    const before = await env.state();
    fullDisk('posts');
    const reply = await env.send(envelope('createPost', { title: 'Day 3' }));
    vi.restoreAllMocks();
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('storage for it is full') });
    expect(await env.state()).toEqual(before);
  });
});

describe('a schema upgrade blocked by an old Talkmark tab', () => {
  it('the background answers that an older page is open, then works once it closes', async () => {
    const name = `blocked-${newId('note')}`;
    // The old tab: a version-1 connection that never closes on versionchange.
    const old = await openDB(name, 1, {
      upgrade: (db, _o, _n, tx) => void steps[0]?.(db as never, tx as never),
    });
    const store = openStore({ name });
    const send = (message: unknown) => route(makeHandlers(store), ownId, message, ownSender);

    const blocked = await send(envelope('createPost', { title: 'While blocked' }));
    expect(blocked).toEqual({
      ok: false,
      error: expect.stringMatching(
        /older Talkmark page is still open\. Close or reload the other Talkmark tabs/,
      ),
    });

    old.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const listed = await send(envelope('listPosts', {}));
    // The refused call wrote nothing, even though its open went through later.
    expect(listed).toMatchObject({ ok: true, value: { posts: [] } });
    expect(await send(envelope('createPost', { title: 'After' }))).toMatchObject({ ok: true });
    store.close();
  });
});

describe("an automatic slide's picture replaced (auto-capture completing a build)", () => {
  it('is one write: the note is never absent from the store, so a stopped worker loses nothing', async () => {
    const env = await seeded();
    const seen: Change[] = [];
    const stop = onChange((changes) => seen.push(...changes));
    const reply = await env.send(envelope('replaceSlideImage', spec('replaceSlideImage').valid()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop();
    expect(reply).toMatchObject({ ok: true, value: { note: { id: 'n_0000000000000004' } } });
    // A delete followed by a put would leave a window in which the slide is gone.
    expect(seen.filter((c) => c.type === 'note' && c.op === 'delete')).toEqual([]);
    const { images } = must(await env.store.snapshot());
    const imageId = reply.ok ? (reply.value as { note: { imageId: string } }).note.imageId : '';
    expect(images.map((i) => i.id).sort()).toEqual([ids.image, imageId].sort());
  });

  it('leaves the old picture in place when the new one does not fit', async () => {
    const env = await seeded();
    const before = await env.state();
    fullDisk('images');
    const reply = await env.send(envelope('replaceSlideImage', spec('replaceSlideImage').valid()));
    vi.restoreAllMocks();
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('storage for it is full') });
    expect(await env.state()).toEqual(before);
  });
});
