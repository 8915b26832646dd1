// @vitest-environment happy-dom
// Note editing saves as you type: one save ≤300 ms after the last keystroke with the final
// text, and at once on pagehide — never only on blur.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoteId, TalkId } from '../../../src/core/ids';
import type { Note, Talk } from '../../../src/core/model';
import type { LibraryApi } from '../../../src/library/api';
import { NoteRow } from '../../../src/library/NoteRow';
import type { Shell } from '../../../src/library/shell';
import { click, mount, typeInto } from './dom';

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
  it('saves the final text once, within 300 ms of the last keystroke', async () => {
    vi.useFakeTimers();
    const update = vi.fn(async () => ({ ok: true as const, value: undefined }));
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
    typeInto(area, 'new');
    vi.advanceTimersByTime(100);
    typeInto(area, 'newer');
    vi.advanceTimersByTime(100);
    expect(update).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(update).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledWith('n_1', { text: 'newer' });
  });

  it('flushes a pending edit at once on pagehide', () => {
    vi.useFakeTimers();
    const update = vi.fn(async () => ({ ok: true as const, value: undefined }));
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
    typeInto(root.querySelector('textarea') as HTMLTextAreaElement, 'typed just before closing');
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
