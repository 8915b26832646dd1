// @vitest-environment happy-dom
// A note in the library over a real (fake-indexeddb) store: shown rendered until edited, long
// ones folded, a quote's attribution editable, and a slide's caption box saying what it is for.
import { openDB } from 'idb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImageId, Note, Talk } from '../../../src/core/model';
import { NoteRow } from '../../../src/library/NoteRow';
import type { Shell } from '../../../src/library/shell';
import { click, typeInto, until } from '../ui/dom';
import { harness, must, seed, slideImage } from './helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

async function row(patch: Partial<Note>) {
  const h = harness();
  const { talks } = await seed(h.store);
  const talk = talks[0] as Talk;
  const added = must(
    await h.store.notes.add({ talkId: talk.id, time: 10, kind: 'text', text: '', ...patch }),
  );
  const errors: string[] = [];
  const shell = { api: h.api, notify: (n: { text: string }) => errors.push(n.text) } as unknown as Shell;
  const root = document.createElement('div');
  document.body.append(root);
  const draw = async (shown: Partial<Note> = {}) => {
    const note = { ...(must(await h.store.notes.get(added.note.id)) as Note), ...shown };
    act(() =>
      render(
        <NoteRow shell={shell} talk={talk} note={note} highlighted={false} onOpenSlide={() => {}} />,
        root,
      ),
    );
  };
  await draw();
  return { ...h, root, note: added.note, draw, errors };
}

describe('a note in the library', () => {
  it('shows its Markdown rendered, and the Markdown itself once Edit is pressed', async () => {
    const { root } = await row({ text: 'Use **caches** and `memo`, see [docs](https://example.org/d)' });
    const view = await until(() => root.querySelector('.note-view'));
    expect(view.querySelector('strong')?.textContent).toBe('caches');
    expect(view.querySelector('code')?.textContent).toBe('memo');
    expect(view.querySelector('a')?.getAttribute('target')).toBe('_blank');
    expect(view.textContent).not.toContain('**');
    expect(root.querySelector('textarea')).toBeNull();
    click(root.querySelector('button.edit-note'));
    const area = await until(() => root.querySelector('textarea'));
    expect(area.value).toBe('Use **caches** and `memo`, see [docs](https://example.org/d)');
    expect(document.activeElement).toBe(area);
  });

  it('folds a long note to a few lines, and unfolds it by its button', async () => {
    const { root } = await row({ text: Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n') });
    const fold = await until(() => root.querySelector('.fold'));
    expect(fold.classList.contains('fold-closed')).toBe(true);
    const toggle = fold.querySelector('button.fold-toggle') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    click(toggle);
    expect(fold.classList.contains('fold-open')).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    // Folding is not editing: the text box stays closed.
    expect(root.querySelector('textarea')).toBeNull();
  });

  it('edits who said a quote, and clears it', async () => {
    const { root, store, note } = await row({ kind: 'quote', text: 'Measure first', speaker: 'Ada' });
    const input = await until(() => root.querySelector<HTMLInputElement>('.attribution input'));
    expect(input.value).toBe('Ada');
    const saved = async () => (must(await store.notes.get(note.id)) as Note).speaker;
    typeInto(input, 'Grace Hopper');
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await eventually(async () => (await saved()) === 'Grace Hopper');
    typeInto(input, '  ');
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await eventually(async () => (await saved()) === undefined);
  });

  it('gives an empty slide caption box a placeholder saying what it is for, with the slide’s title', async () => {
    const { root, name, api, draw } = await row({ kind: 'slide' });
    const area = await until(() => root.querySelector('textarea'));
    expect(area.placeholder).toMatch(/^Caption: printed under the slide in the post, and its alt text/);
    expect(area.placeholder).not.toContain('reads');
    // A picture whose words on-device reading stored (ImageMeta.text), as OCR leaves it.
    const picture = slideImage(0xaa, ['Why caches fail', 'and what to do']);
    const id = picture.id;
    const db = await openDB(name);
    await db.put('images', picture);
    db.close();
    expect(await api.slideTitle(id)).toBe('Why caches fail');
    expect(await api.slideTitle('i_00000000000000bb' as ImageId)).toBe('');
    // The slide shown again with that picture: the box names the slide it captions.
    act(() => render(null, root));
    await draw({ imageId: id });
    await until(() =>
      root.querySelector('textarea')?.placeholder.endsWith('The slide reads “Why caches fail”.'),
    );
  });

  it('keeps a paste longer than a note holds: what fits here, the rest in a new note after it', async () => {
    const { root, store, note, errors } = await row({ kind: 'quote', text: '', speaker: 'Ada' });
    const area = await until(() => root.querySelector('textarea'));
    const before = new Set(
      (must(await store.notes.listByTalk(note.talkId)) as Note[])
        .filter((n) => n.id !== note.id)
        .map((n) => n.id),
    );
    const paste = 'measure first, '.repeat(8_000);
    typeInto(area, paste);
    const stored = async () => {
      const all = (must(await store.notes.listByTalk(note.talkId)) as Note[]).filter(
        (n) => !before.has(n.id),
      );
      return [...all.filter((n) => n.id === note.id), ...all.filter((n) => n.id !== note.id)];
    };
    await eventually(async () => (await stored()).map((n) => n.text).join('') === paste);
    const notes = await stored();
    expect(notes).toHaveLength(2);
    expect(notes.every((n) => n.text.length <= 100_000 && n.speaker === 'Ada' && n.time === 10)).toBe(true);
    expect(errors.join(' ')).toContain('went on in a new note');
    // The box counts down once the note is near its limit.
    if (!root.querySelector('textarea')) click(root.querySelector('button.edit-note'));
    await until(() => root.querySelector('.chars-left'));
    expect(root.querySelector('.chars-left')?.textContent).toContain('characters left in this note');
  });

  it('keeps an empty note’s box open while its first characters are typed', async () => {
    const { root, store, note } = await row({ kind: 'text', text: '' });
    const area = await until(() => root.querySelector('textarea'));
    act(() => area.focus());
    typeInto(area, 'F');
    // Still the same box, caret in it: the next key goes on in it, not into the page.
    expect(root.querySelector('textarea')).toBe(area);
    typeInto(area, 'Fi');
    await eventually(async () => (must(await store.notes.get(note.id)) as Note).text === 'Fi');
  });

  it('keeps what a failed continuation could not save in the box, and stores it once when typing goes on', async () => {
    const { root, store, api, note, errors } = await row({ kind: 'text', text: '' });
    const area = await until(() => root.querySelector('textarea'));
    const others = async () =>
      (must(await store.notes.listByTalk(note.talkId)) as Note[]).filter((n) => n.id !== note.id);
    const before = new Set((await others()).map((n) => n.id));
    const added = async () => (await others()).filter((n) => !before.has(n.id));
    // Three pieces; the store refuses the second new note (a full disk, say).
    const paste = 'measure first, '.repeat(17_000);
    const addNote = api.addNote.bind(api);
    let calls = 0;
    api.addNote = (input) =>
      ++calls === 2 ? Promise.resolve({ ok: false, error: 'The disk is full.' }) : addNote(input);
    act(() => area.focus());
    typeInto(area, paste);
    await until(() => errors.find((e) => e.includes('The disk is full.')));
    const first = must(await store.notes.get(note.id)) as Note;
    const saved = await added();
    expect(saved).toHaveLength(1);
    expect(errors.at(-1)).toMatch(
      /^1 new note was saved, but not the last [\d,]+ characters: The disk is full\. They stay in the box\.$/,
    );
    // Nothing is lost: the note, the new note and the box hold the whole paste, each part once.
    const box = (root.querySelector('textarea') as HTMLTextAreaElement).value;
    expect(box.startsWith(first.text)).toBe(true);
    expect(first.text + (saved[0] as Note).text + box.slice(first.text.length)).toBe(paste);
    // Typing on with the store working again stores the rest once, not the saved piece again.
    typeInto(root.querySelector('textarea') as HTMLTextAreaElement, `${box}!`);
    await eventually(async () => (await added()).length === 2);
    const all = [must(await store.notes.get(note.id)) as Note, ...(await added())];
    expect(all.map((n) => n.text).join('')).toBe(`${paste}!`);
  });
});

async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`not met in ${ms} ms: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
