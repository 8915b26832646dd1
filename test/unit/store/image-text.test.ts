import { describe, expect, it } from 'vitest';
import type { SlideText } from '../../../src/core/model';
import { type Change, onChange, openLibraryQueries } from '../../../src/store';
import { jpegBlob, must, storeWithTalk } from './helpers';

const text: SlideText = {
  lines: ['Zero Trust', 'Every request is checked'],
  title: 'Zero Trust',
  engine: 'tesseract.js 7 eng 4.0.0_best_int',
  readAt: '2026-12-04T18:00:00.000Z',
};

describe('slide text on images', () => {
  it('is stored with the image, announced, and empties the OCR queue', async () => {
    const { store, talk } = await storeWithTalk();
    const { image } = must(
      await store.notes.add(
        { talkId: talk.id, time: 3, kind: 'slide', text: 'my caption' },
        { blob: jpegBlob(), mime: 'image/jpeg', width: 1280, height: 720 },
      ),
    );
    if (!image) throw new Error('no image');
    expect(must(await store.images.textProgress())).toEqual({ total: 1, read: 0 });
    expect(must(await store.images.nextWithoutText())?.meta.id).toBe(image.id);
    expect(must(await store.images.nextWithoutText(new Set([image.id])))).toBeUndefined();
    const seen: Change[] = [];
    const stop = onChange((c) => seen.push(...c));
    must(await store.images.setText(image.id, text));
    await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(seen).toContainEqual({ type: 'image', op: 'put', id: image.id });
    expect(must(await store.images.get(image.id))?.meta.text).toEqual(text);
    expect(must(await store.images.nextWithoutText())).toBeUndefined();
    expect(must(await store.images.textProgress())).toEqual({ total: 1, read: 1 });
    // The caption the user typed is untouched: OCR text lives beside it.
    expect(must(await store.notes.listByTalk(talk.id))[0]?.text).toBe('my caption');
  });

  it('refuses malformed text and a deleted image, changing nothing', async () => {
    const { store } = await storeWithTalk();
    const bad = await store.images.setText('image-x' as never, { ...text, lines: 'no' } as never);
    expect(bad.ok ? '' : bad.error.code).toBe('invalid');
    const gone = await store.images.setText('image-0123456789abcdef' as never, text);
    expect(gone.ok ? '' : gone.error.code).toMatch(/not-found|invalid/);
  });
});

describe('search finds words on slides', () => {
  it('in the store and in the in-memory index, kept current as text arrives', async () => {
    const { store, name, talk } = await storeWithTalk();
    const { image, note } = must(
      await store.notes.add(
        { talkId: talk.id, time: 3, kind: 'slide', text: 'my caption' },
        { blob: jpegBlob(), mime: 'image/jpeg', width: 1280, height: 720 },
      ),
    );
    must(await store.notes.add({ talkId: talk.id, time: 9, kind: 'text', text: 'unrelated request' }));
    if (!image) throw new Error('no image');
    const queries = openLibraryQueries({ name });
    const index = queries.searchIndex();
    must(await index.build());
    const stop = onChange((c) => void index.apply(c));
    const ids = (r: { notes: { id: string }[] }) => r.notes.map((n) => n.id);
    expect(ids(must(await store.search('trust')))).toEqual([]);
    expect(ids(must(index.search('trust')))).toEqual([]);

    must(await store.images.setText(image.id, text));
    await new Promise((r) => setTimeout(r, 20));
    await index.settled();
    for (const q of ['trust', 'ZERO', 'every requ', 'caption zero', 'caption unrelated']) {
      const expected = q === 'caption unrelated' ? [] : [note.id];
      expect(ids(must(await store.search(q))), q).toEqual(expected);
      expect(ids(must(index.search(q))), q).toEqual(expected);
    }
    // A fresh index reads slide text while building, too.
    const fresh = queries.searchIndex();
    must(await fresh.build());
    expect(ids(must(fresh.search('trust request')))).toEqual([note.id]);
    stop();
    queries.close();
  });
});
