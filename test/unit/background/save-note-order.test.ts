// Saves of one note are stored in the order they were sent, even when the earlier one is slow
// (a page going away sends its last text without waiting for the answer before).
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
});
