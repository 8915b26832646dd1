// @vitest-environment happy-dom
// Note editing saves as you type: the first keystroke at once, the keystrokes made while that
// save is in flight as one save of the latest text when it answers (no waiting for a pause),
// the edit not sent yet at once on pagehide — never only on blur.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoteId, TalkId } from '../../../src/core/ids';
import type { Note, Talk } from '../../../src/core/model';
import type { LibraryApi } from '../../../src/library/api';
import { NoteRow } from '../../../src/library/NoteRow';
import type { Shell } from '../../../src/library/shell';
import { click, mount, typeInto, until } from './dom';

const talk = {
  id: 't_1' as TalkId,
  site: 'youtube',
  videoId: 'AAAAAAAAAAA',
  url: 'https://www.youtube.com/watch?v=AAAAAAAAAAA',
  title: 'T',
} as Talk;
const note: Note = {
  id: 'n_1' as NoteId,
  talkId: talk.id,
  time: 42,
  kind: 'text',
  text: 'old',
  createdAt: '',
  updatedAt: '',
};

function shellWith(updateNote: LibraryApi['updateNote']): Shell {
  const api = { updateNote, imageUrl: async () => null } as unknown as LibraryApi;
  return { api, version: 0, go: () => {}, notify: () => {} };
}

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('NoteRow write-through', () => {
  it('saves at once, then the latest text as soon as the save in flight answers', async () => {
    const answers: Array<() => void> = [];
    const update = vi.fn(
      () =>
        new Promise<{ ok: true; value: undefined }>((resolve) => {
          answers.push(() => resolve({ ok: true, value: undefined }));
        }),
    );
    const root = mount(
      <NoteRow
        shell={shellWith(update)}
        talk={talk}
        note={note}
        highlighted={false}
        onOpenSlide={() => {}}
      />,
    );
    // Shown rendered until its Edit button opens the Markdown box.
    click(root.querySelector('button.edit-note'));
    const area = root.querySelector('textarea') as HTMLTextAreaElement;
    typeInto(area, 'n');
    expect(update).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenLastCalledWith('n_1', { text: 'n' });
    typeInto(area, 'ne');
    typeInto(area, 'new');
    expect(update).toHaveBeenCalledTimes(1);
    answers[0]?.();
    await until(() => update.mock.calls.length === 2);
    expect(update).toHaveBeenLastCalledWith('n_1', { text: 'new' });
    answers[1]?.();
  });

  it('sends the edit not sent yet at once on pagehide', () => {
    // The first save never answers: only pagehide can send the second text.
    const update = vi.fn(() => new Promise<never>(() => {}));
    const root = mount(
      <NoteRow
        shell={shellWith(update)}
        talk={talk}
        note={note}
        highlighted={false}
        onOpenSlide={() => {}}
      />,
    );
    click(root.querySelector('button.edit-note'));
    const area = root.querySelector('textarea') as HTMLTextAreaElement;
    typeInto(area, 'typed');
    typeInto(area, 'typed just before closing');
    expect(update).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('pagehide'));
    expect(update).toHaveBeenCalledWith('n_1', { text: 'typed just before closing' });
  });

  it('links the time to the video at that moment', () => {
    const root = mount(
      <NoteRow
        shell={shellWith(vi.fn())}
        talk={talk}
        note={note}
        highlighted={false}
        onOpenSlide={() => {}}
      />,
    );
    expect(root.querySelector<HTMLAnchorElement>('a.jump')?.href).toBe('https://youtu.be/AAAAAAAAAAA?t=42');
  });
});
