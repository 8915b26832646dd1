// @vitest-environment happy-dom
// Library note edits journaled as typed: kept until the store confirms them, and put back by
// the next library page into the note, or beside it when the note was changed since.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoteId } from '../../../src/core/model';
import { noteJournal } from '../../../src/library/unsaved-notes';
import { harness, must, seed } from './helpers';

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

const always = () => true;

const noteOf = async (h: ReturnType<typeof harness>, text: string) => {
  const { talks } = await seed(h.store);
  const notes = must(await h.store.notes.listByTalk(talks[0].id));
  const note = notes.find((n) => n.text === text);
  if (!note) throw new Error(`no note "${text}"`);
  return note;
};

describe('unsaved note edits', () => {
  it('keeps the last text typed until the store confirms it, not longer', () => {
    const j = noteJournal(localStorage);
    const id = 'n_a' as NoteId;
    j.typed(id, 'H');
    j.typed(id, 'He', 'H');
    expect(j.all()).toMatchObject([{ id, text: 'He', sending: 'H' }]);
    // The answer for an older text: typed on since, so still unsaved.
    j.stored(id, 'H');
    expect(j.all()).toHaveLength(1);
    j.stored(id, 'He');
    expect(j.all()).toEqual([]);
  });

  it('knows whether an edit it handed out is still its own', () => {
    // One frozen clock: every key press below falls in the same millisecond.
    vi.useFakeTimers({ now: new Date('2026-12-07T10:00:00Z'), toFake: ['Date'] });
    const j = noteJournal(localStorage);
    const id = 'n_a' as NoteId;
    j.typed(id, 'Hel');
    const [first] = j.all();
    if (!first) throw new Error('nothing journaled');
    expect(j.current(first)).toBe(true);
    // Typed on, even within the same millisecond: no longer the journal's edit.
    j.typed(id, 'Hell');
    expect(j.current(first)).toBe(false);
    const [second] = j.all();
    if (!second) throw new Error('nothing journaled');
    expect(j.current(second)).toBe(true);
    j.stored(id, 'Hell');
    expect(j.current(second)).toBe(false);
    j.typed(id, 'Hello');
    const [third] = j.all();
    j.forget(id);
    expect(third && j.current(third)).toBe(false);
    vi.useRealTimers();
  });

  it('ignores what is not its own or is malformed, and a full storage loses nothing typed', () => {
    localStorage.setItem('talkmark:unsaved-note:n_x', '{not json');
    localStorage.setItem('something-else', '{"id":"n_y","text":"t","at":"x"}');
    const full = {
      ...localStorage,
      length: 0,
      key: () => null,
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {},
    } as unknown as Storage;
    expect(() => noteJournal(full).typed('n_z' as NoteId, 'text')).not.toThrow();
    expect(noteJournal(localStorage).all()).toEqual([]);
  });

  it('puts a lost edit back into its note, when nothing else wrote the note since', async () => {
    const h = harness();
    const note = await noteOf(h, 'Caching beats cleverness');
    const j = noteJournal(localStorage);
    j.typed(note.id, 'Caching beats cleverness, mostly');
    const r = must(await h.api.recoverNoteEdits(j.all(), always));
    expect(r).toEqual({ restored: 1, beside: 0, done: [note.id] });
    expect(must(await h.store.notes.get(note.id))?.text).toBe('Caching beats cleverness, mostly');
  });

  it('counts the save then on its way as ours: it may have landed after the key press', async () => {
    const h = harness();
    const note = await noteOf(h, 'Caching beats cleverness');
    const j = noteJournal(localStorage);
    j.typed(note.id, 'Caching beats cleverness!!', 'Caching beats cleverness!');
    await new Promise((r) => setTimeout(r, 5));
    // The save on its way landed after the last key press, then the tab was gone.
    must(await h.store.notes.update(note.id, { text: 'Caching beats cleverness!' }));
    must(await h.api.recoverNoteEdits(j.all(), always));
    expect(must(await h.store.notes.get(note.id))?.text).toBe('Caching beats cleverness!!');
  });

  it('keeps an edit of a note changed since as a new note beside it, never over the newer text', async () => {
    const h = harness();
    const note = await noteOf(h, 'Measure first');
    const j = noteJournal(localStorage);
    j.typed(note.id, 'Measure first, then cache');
    await new Promise((r) => setTimeout(r, 5));
    must(await h.store.notes.update(note.id, { text: 'Measure twice' }));
    const r = must(await h.api.recoverNoteEdits(j.all(), always));
    expect(r).toMatchObject({ restored: 0, beside: 1 });
    const notes = must(await h.store.notes.listByTalk(note.talkId));
    expect(notes.find((n) => n.id === note.id)?.text).toBe('Measure twice');
    expect(notes.find((n) => n.text === 'Measure first, then cache')).toMatchObject({
      time: note.time,
      kind: 'quote',
      speaker: 'Ada',
    });
  });

  it('leaves an edit that a library tab still open has moved on since to that tab', async () => {
    const h = harness();
    const note = await noteOf(h, 'Caching beats cleverness');
    const j = noteJournal(localStorage);
    j.typed(note.id, 'Caching beats');
    const [edit] = j.all();
    await new Promise((r) => setTimeout(r, 5));
    // Meanwhile the other tab typed on and stored it.
    must(await h.store.notes.update(note.id, { text: 'Caching beats it all' }));
    j.typed(note.id, 'Caching beats it all!');
    const r = must(await h.api.recoverNoteEdits(edit ? [edit] : [], j.current));
    expect(r).toEqual({ restored: 0, beside: 0, done: [] });
    const notes = must(await h.store.notes.listByTalk(note.talkId));
    expect(notes.filter((n) => n.text.startsWith('Caching beats'))).toHaveLength(1);
  });

  it('is done with an edit whose note is gone or already holds it', async () => {
    const h = harness();
    const note = await noteOf(h, 'Caching beats cleverness');
    const r = must(
      await h.api.recoverNoteEdits(
        [
          { id: note.id, text: 'Caching beats cleverness', at: new Date().toISOString() },
          { id: 'n_gone' as NoteId, text: 'whatever', at: new Date().toISOString() },
        ],
        always,
      ),
    );
    expect(r).toEqual({ restored: 0, beside: 0, done: [note.id, 'n_gone'] });
  });
});
