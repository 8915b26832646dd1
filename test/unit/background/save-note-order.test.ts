// Saves of one note are stored in the order they were sent, even when the earlier one is slow
// (a page sends every edit at once, without waiting for the answer before), and those
// overtaken while they waited are not written at all.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { makeHandlers } from '../../../src/background/handlers';
import { newId } from '../../../src/core/ids';
import type { NoteInput } from '../../../src/core/messages';
import type { Store } from '../../../src/store';
import { must, storeWithTalk } from '../store/helpers';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const sender = { id: 'x', tab: { id: 1, windowId: 1 } } as never;

describe('saveNote', () => {
  it('stores the newer text last when the older save is slow', async () => {
    const { store, talk } = await storeWithTalk();
    // The first read of the note takes a while (a busy disk); the second is quick.
    let reads = 0;
    const slowFirst: Store = {
      ...store,
      notes: {
        ...store.notes,
        get: async (id) => {
          if (reads++ === 0) await new Promise((r) => setTimeout(r, 50));
          return store.notes.get(id);
        },
      },
    };
    const handlers = makeHandlers(slowFirst);
    const input: NoteInput = { id: newId('note'), talkId: talk.id, time: 4, kind: 'text', text: 'older' };
    const first = handlers.saveNote(input, sender);
    const second = handlers.saveNote({ ...input, text: 'newer' }, sender);
    await Promise.all([first, second]);
    expect(must(await store.notes.get(input.id))?.text).toBe('newer');
  });

  it('writes the latest of the saves sent while one ran, and answers the skipped ones with it', async () => {
    const { store, talk } = await storeWithTalk();
    const written: string[] = [];
    const counting: Store = {
      ...store,
      notes: {
        ...store.notes,
        update: async (id, patch) => {
          written.push(patch.text ?? '');
          await new Promise((r) => setTimeout(r, 20));
          return store.notes.update(id, patch);
        },
      },
    };
    const handlers = makeHandlers(counting);
    const input: NoteInput = { id: newId('note'), talkId: talk.id, time: 9, kind: 'text', text: '' };
    must({ ok: true, value: await handlers.saveNote(input, sender) });
    // Typed while the first edit is being written: each key sent at once.
    const keys = ['S', 'Sk', 'Ski', 'Skip'].map((text) => handlers.saveNote({ ...input, text }, sender));
    const answers = await Promise.all(keys);
    expect(written).toEqual(['S', 'Skip']);
    expect(answers.map((n) => n.text)).toEqual(['S', 'Skip', 'Skip', 'Skip']);
    expect(must(await store.notes.get(input.id))?.text).toBe('Skip');
  });

  it('answers a failed save with its error and goes on with the next', async () => {
    const { store, talk } = await storeWithTalk();
    let fail = true;
    const flaky: Store = {
      ...store,
      notes: {
        ...store.notes,
        update: async (id, patch) => {
          if (fail) {
            fail = false;
            await new Promise((r) => setTimeout(r, 10));
            throw new Error('The disk is full.');
          }
          return store.notes.update(id, patch);
        },
      },
    };
    const handlers = makeHandlers(flaky);
    const input: NoteInput = { id: newId('note'), talkId: talk.id, time: 9, kind: 'text', text: '' };
    await handlers.saveNote(input, sender);
    const first = handlers.saveNote({ ...input, text: 'lost?' }, sender);
    const second = handlers.saveNote({ ...input, text: 'kept' }, sender);
    await expect(first).rejects.toThrow('The disk is full.');
    expect((await second).text).toBe('kept');
    expect(must(await store.notes.get(input.id))?.text).toBe('kept');
  });
});
