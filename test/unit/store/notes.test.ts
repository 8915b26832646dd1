import { describe, expect, it } from 'vitest';
import { jpegBlob, must, storeWithTalk } from './helpers';

describe('notes', () => {
  it('are listed by talk in time order, whatever the order they were added', async () => {
    const { store, talk } = await storeWithTalk();
    for (const time of [30, 5.5, 120, 0])
      must(await store.notes.add({ talkId: talk.id, time, kind: 'text', text: `at ${time}` }));
    expect(must(await store.notes.listByTalk(talk.id)).map((n) => n.time)).toEqual([0, 5.5, 30, 120]);
  });

  it('update partially, refusing bad patches without writing', async () => {
    const { store, talk } = await storeWithTalk();
    const { note } = must(
      await store.notes.add({ talkId: talk.id, time: 1, kind: 'quote', text: 'hi', speaker: 'Ada' }),
    );
    const edited = must(await store.notes.update(note.id, { text: 'hello', speaker: null }));
    expect(edited).toMatchObject({ id: note.id, time: 1, kind: 'quote', text: 'hello' });
    expect('speaker' in edited).toBe(false);
    expect(edited.updatedAt >= note.updatedAt).toBe(true);
    expect(await store.notes.update(note.id, { time: -3 })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(must(await store.notes.get(note.id))).toEqual(edited);
    expect(await store.notes.update('n_00000000000000ff' as never, { text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('store a slide with its image, and delete + restore both', async () => {
    const { store, talk } = await storeWithTalk();
    const added = must(
      await store.notes.add(
        { talkId: talk.id, time: 9, kind: 'slide', text: '' },
        { blob: jpegBlob(500), mime: 'image/jpeg', width: 16, height: 9 },
      ),
    );
    expect(added.imageError).toBeUndefined();
    const imageId = added.note.imageId;
    if (!imageId) throw new Error('no image id');
    const image = must(await store.images.get(imageId));
    expect(image?.meta).toMatchObject({ size: 500, width: 16, mime: 'image/jpeg' });
    // The add answers with the picture as stored, so addSlide needn't read it back.
    expect(added.image).toEqual(image?.meta);
    expect(new Uint8Array((await image?.blob.arrayBuffer()) ?? new ArrayBuffer(0)).slice(0, 3)).toEqual(
      new Uint8Array([0xff, 0xd8, 0xff]),
    );
    const deleted = must(await store.notes.delete(added.note.id));
    expect(must(await store.notes.get(added.note.id))).toBeUndefined();
    expect(must(await store.images.get(imageId))).toBeUndefined();
    must(await store.notes.restore(deleted));
    expect(must(await store.notes.get(added.note.id))).toEqual(added.note);
    expect(must(await store.images.get(imageId))?.blob.size).toBe(500);
  });

  it('refuse a note for a missing talk', async () => {
    const { store } = await storeWithTalk();
    const r = await store.notes.add({
      talkId: 't_00000000000000ff' as never,
      time: 1,
      kind: 'text',
      text: 'x',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
