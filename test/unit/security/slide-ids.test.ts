// A slide's id is made by the page, so a resend after the background went away can't store it
// twice: addSlide with an id already stored and the same slide answers with the stored one and
// writes nothing; with another note under that id it is refused and writes nothing. The id must
// look exactly as Talkmark makes them, so a hostile sender can't pick short or shaped ids.
// Through the real router and handlers over a real store (fake-indexeddb).
import { describe, expect, it, vi } from 'vitest';
import { newId } from '../../../src/core/ids';
import { jpegBlob, must } from '../store/helpers';
import { envelope, expectRefused, seeded } from './harness';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const talk = 't_0000000000000001';
const otherTalk = 't_0000000000000002';

function slide(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    talkId: talk,
    time: 42.5,
    text: '',
    image: jpegBlob(300),
    width: 1280,
    height: 720,
    phash: '00ff00ff00ff00ff',
    ...extra,
  };
}

type Added = { note: { id: string; imageId?: string }; image: { id: string } | null; warning?: string };

describe('addSlide with a page-made id', () => {
  it('the same slide sent twice is stored once, and both replies name the same note and picture', async () => {
    const env = await seeded();
    const id = newId('note');
    const before = must(await env.store.snapshot());
    const first = await env.send(envelope('addSlide', slide(id)));
    const afterFirst = await env.state();
    const second = await env.send(envelope('addSlide', slide(id)));
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    const [a, b] = [first.value as Added, second.value as Added];
    expect(a.note.id).toBe(id);
    expect(b.note).toEqual(a.note);
    expect(b.image).toEqual(a.image);
    expect(b.warning).toBeUndefined();
    // The second send wrote nothing: no second note, no orphaned second picture.
    expect(await env.state()).toEqual(afterFirst);
    const after = must(await env.store.snapshot());
    expect(after.notes.length).toBe(before.notes.length + 1);
    expect(after.images.length).toBe(before.images.length + 1);
  });

  it('two sends at once (the first still running when the resend arrives) store one slide', async () => {
    const env = await seeded();
    const id = newId('note');
    const before = must(await env.store.snapshot());
    const replies = await Promise.all([1, 2, 3].map(() => env.send(envelope('addSlide', slide(id)))));
    expect(replies.map((r) => r.ok)).toEqual([true, true, true]);
    const after = must(await env.store.snapshot());
    expect(after.notes.filter((n) => n.id === id)).toHaveLength(1);
    expect(after.images.length).toBe(before.images.length + 1);
  });

  it('a resend of a slide first stored without its picture (full disk) says again that the picture was lost', async () => {
    const env = await seeded();
    const id = newId('note');
    const original = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (this.name === 'images')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
    const first = await env.send(envelope('addSlide', slide(id)));
    spy.mockRestore();
    expect(first).toMatchObject({
      ok: true,
      value: { image: null, warning: expect.stringContaining('full') },
    });
    const before = await env.state();
    const second = await env.send(envelope('addSlide', slide(id)));
    expect(second).toMatchObject({
      ok: true,
      value: {
        note: { id },
        image: null,
        warning: 'The slide’s picture was not kept: it could not be stored when this slide was first sent',
      },
    });
    expect(await env.state()).toEqual(before);
  });

  it('the same id for another talk is refused clearly and changes nothing', async () => {
    const env = await seeded();
    const id = newId('note');
    must(await env.send(envelope('addSlide', slide(id))));
    const before = await env.state();
    const reply = await env.send(envelope('addSlide', slide(id, { talkId: otherTalk })));
    expectRefused(reply);
    expect(reply).toEqual({ ok: false, error: 'Another note already has this id; nothing was saved.' });
    expect(await env.state()).toEqual(before);
  });

  it('the same id with another moment, text, flag or picture is refused too', async () => {
    const env = await seeded();
    const id = newId('note');
    must(await env.send(envelope('addSlide', slide(id))));
    const before = await env.state();
    for (const change of [
      { time: 43 },
      { text: 'something else' },
      { auto: true },
      { image: jpegBlob(301) },
      { width: 640, height: 360 },
      { phash: 'ff00ff00ff00ff00' },
    ]) {
      const reply = await env.send(envelope('addSlide', slide(id, change)));
      expect(reply, JSON.stringify(Object.keys(change))).toMatchObject({ ok: false });
      expect(reply.ok ? '' : reply.error).toContain('Another note already has this id');
    }
    expect(await env.state()).toEqual(before);
  });

  it('an id of a note that is already stored (not a slide sent before) never overwrites it', async () => {
    const env = await seeded();
    const before = await env.state();
    // The fixture's notes have page-shaped ids: a text note, a quote, slides, in two talks.
    for (const stored of before.snapshot.notes) {
      const reply = await env.send(envelope('addSlide', slide(stored.id, { talkId: stored.talkId })));
      expectRefused(reply);
    }
    expect(await env.state()).toEqual(before);
  });

  it('refuses ids not exactly as Talkmark makes them, and writes nothing', async () => {
    const env = await seeded();
    const before = await env.state();
    for (const id of [
      'n_1',
      'n_0000000000000000a', // 17 digits
      'n_000000000000000', // 15
      'n_00000000000000AB', // upper case
      'n_0000000000000-ab',
      'i_00000000000000ab', // an image's kind
      't_0000000000000001', // a talk's id
      'n__proto__00000000',
      ' n_00000000000000ab',
      'n_00000000000000ab\n',
    ]) {
      const reply = await env.send(envelope('addSlide', slide(id)));
      expectRefused(reply);
      expect(reply.ok ? '' : reply.error, id).toMatch(/slide\.id must be a (new )?note id/);
    }
    expect(await env.state()).toEqual(before);
  });

  it('a new note through saveNote needs such an id too; an existing note keeps its own', async () => {
    const env = await seeded();
    const before = await env.state();
    const note = { talkId: talk, time: 3, kind: 'text', text: 'hello' };
    const reply = await env.send(envelope('saveNote', { ...note, id: 'n_short' }));
    expectRefused(reply);
    expect(reply.ok ? '' : reply.error).toContain('id must be one Talkmark made');
    expect(await env.state()).toEqual(before);
    must(await env.send(envelope('saveNote', { ...note, id: newId('note') })));
  });
});
