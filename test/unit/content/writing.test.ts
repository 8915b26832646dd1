// The panel's note writing against a background whose answers the test controls: typing is
// sent without waiting for a pause, a late answer never shows older text over newer, Enter
// closes the box only once the note is stored, and a discarded note is deleted after its save.
import { describe, expect, it } from 'vitest';
import { type CallApi, makeContext } from '../../../src/content/context';
import { initialPanelState } from '../../../src/content/panel/types';
import { makeWriting } from '../../../src/content/writing';
import type { CallInput, CallName, CallReply, NoteInput, TalkView } from '../../../src/core/messages';
import type { Note, PostId, TalkId } from '../../../src/core/model';

interface Sent {
  name: CallName;
  input: unknown;
  answer(reply: unknown): void;
}

const view = {
  post: { id: 'p_1' as PostId },
  talk: { id: 't_1' as TalkId, title: 'A talk', speakers: [] },
  notes: [],
} as unknown as TalkView;

const asNote = (input: NoteInput): Note => ({ ...input, createdAt: '', updatedAt: '' });

function setup() {
  const sent: Sent[] = [];
  const api: CallApi = {
    call<K extends CallName>(name: K, input: CallInput<K>) {
      return new Promise<CallReply<K>>((resolve) => {
        sent.push({ name, input, answer: (r) => resolve(r as CallReply<K>) });
      });
    },
  };
  const ctx = makeContext({ ...initialPanelState, view }, () => {});
  let done = 0;
  const writing = makeWriting(ctx, api, { draftDone: () => void done++ });
  const saves = () => sent.filter((s) => s.name === 'saveNote').map((s) => (s.input as NoteInput).text);
  const ok = (s: Sent | undefined) => s?.answer({ ok: true, value: asNote(s.input as NoteInput) });
  return { sent, ctx, writing, saves, ok, draftsDone: () => done };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('writing a note', () => {
  it('sends each edit at once, also while a save is in flight', async () => {
    const { writing, saves } = setup();
    writing.start(view, 12, 'text');
    expect(saves()).toEqual(['']);
    writing.editDraft('H');
    writing.editDraft('He');
    writing.editDraft('Hel');
    // No timer and no answer to wait for: a tab closed now has sent every key typed (the
    // background, slow to answer, keeps them in order and skips those overtaken).
    expect(saves()).toEqual(['', 'H', 'He', 'Hel']);
  });

  it('never shows an older text over a newer one when answers come out of order', async () => {
    const { sent, ctx, writing, ok } = setup();
    writing.start(view, 3, 'text', 'first');
    writing.editDraft('second');
    // The page is going away: the waiting edit is sent without waiting for the first answer.
    writing.flush();
    expect(sent.length).toBe(2);
    ok(sent[1]);
    await settle();
    ok(sent[0]);
    await settle();
    expect(ctx.get().view?.notes.map((n) => n.text)).toEqual(['second']);
  });

  it('closes the box on Enter only once the store has the text', async () => {
    const { sent, ctx, writing, saves, ok, draftsDone } = setup();
    writing.start(view, 5, 'text');
    ok(sent[0]);
    await settle();
    writing.editDraft('Kept');
    writing.finishDraft(true);
    // A second Enter while the first waits sends nothing more.
    writing.finishDraft(true);
    await settle();
    expect(ctx.get().draft?.text).toBe('Kept');
    ok(sent[1]);
    await settle();
    expect(saves().at(-1)).toBe('Kept');
    ok(sent[2]);
    await settle();
    expect(ctx.get().draft).toBeNull();
    expect(draftsDone()).toBe(1);
    expect(ctx.get().view?.notes.map((n) => n.text)).toEqual(['Kept']);
  });

  it('keeps the box open with the text when the store refuses it, and says so', async () => {
    const { sent, ctx, writing } = setup();
    writing.start(view, 5, 'text', 'Precious words');
    writing.finishDraft(true);
    for (const s of sent) s.answer({ ok: false, error: 'The disk is full.' });
    await settle();
    await settle();
    for (const s of sent.slice(1)) s.answer({ ok: false, error: 'The disk is full.' });
    await settle();
    expect(ctx.get().draft?.text).toBe('Precious words');
    expect(ctx.get().notice?.text).toMatch(/not saved: The disk is full\..*press Enter to try again/);
  });

  it('deletes a discarded note only after its save in flight has answered', async () => {
    const { sent, writing, ok } = setup();
    writing.start(view, 5, 'text');
    writing.finishDraft(false);
    await settle();
    expect(sent.map((s) => s.name)).toEqual(['saveNote']);
    ok(sent[0]);
    await settle();
    expect(sent.map((s) => s.name)).toEqual(['saveNote', 'deleteNote']);
  });
});

describe('a note longer than the limit', () => {
  it('keeps a 120,000-character paste: what fits in the note, the rest in a new draft', async () => {
    const { sent, ctx, writing, ok } = setup();
    writing.start(view, 30, 'quote', '', 'Ada');
    ok(sent[0]);
    await settle();
    const paste = 'word '.repeat(24_000);
    writing.editDraft(paste);
    const stored = sent.slice(1).map((s) => s.input as NoteInput);
    for (const s of sent.slice(1)) ok(s);
    await settle();
    // Every save fits; the first note and the new draft together are the whole paste.
    for (const s of stored) expect(s.text.length).toBeLessThanOrEqual(100_000);
    const firstId = (sent[0]?.input as NoteInput | undefined)?.id;
    const first = stored.find((s) => s.id === firstId);
    const draft = ctx.get().draft;
    expect(draft && first ? first.text + draft.text : '').toBe(paste);
    const next = stored.find((s) => s.id === draft?.id);
    expect(next).toMatchObject({ talkId: 't_1', time: 30, kind: 'quote', speaker: 'Ada' });
    expect(ctx.get().notice?.text).toContain('went on in a new note');
  });

  it('splits an in-place edit pasted past the limit, the rest as a new note at its moment', async () => {
    const { sent, ctx, writing, ok } = setup();
    const note = asNote({
      id: 'note_abc' as Note['id'],
      talkId: 't_1' as TalkId,
      time: 8,
      kind: 'text',
      text: 'x',
    });
    ctx.upsert(note);
    writing.startEdit(note.id);
    const long = `${'y'.repeat(150_000)}\n${'z'.repeat(120_000)}`;
    writing.editText(long);
    for (let i = 0; i < 10; i++) {
      for (const s of sent) ok(s);
      await settle();
    }
    const last = new Map<string, string>();
    for (const s of sent) last.set((s.input as NoteInput).id, (s.input as NoteInput).text);
    expect([...last.values()].every((t) => t.length <= 100_000)).toBe(true);
    expect([...last.values()].join('')).toBe(long);
    expect(ctx.get().editing).toBeNull();
    expect(ctx.get().draft?.time).toBe(8);
  });
});
