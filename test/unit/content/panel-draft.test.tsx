// @vitest-environment happy-dom
// The note being typed sits in the list at its moment, editor and row as one, so a quote taken
// at 12:00 is typed where its row is (in view), not in a box above the list with the row below.
import { describe, expect, it, vi } from 'vitest';
import { Panel } from '../../../src/content/panel/Panel';
import { initialPanelState, type PanelActions, type PanelState } from '../../../src/content/panel/types';
import type { TalkView } from '../../../src/core/messages';
import type { Note, NoteId, PostId, TalkId } from '../../../src/core/model';
import { mount } from '../ui/dom';

const talkId = 't_0000000000000001' as TalkId;
const note = (id: string, time: number, text: string): Note => ({
  id: id as NoteId,
  talkId,
  time,
  kind: 'text',
  text,
  createdAt: '',
  updatedAt: '',
});
const view = {
  post: { id: 'p_0000000000000001' as PostId, title: 'P', sections: [] },
  talk: { id: talkId, title: 'Talk', speakers: [{ name: 'Bo Li' }] },
  notes: Array.from({ length: 30 }, (_, i) => note(`n_${String(i).padStart(16, '0')}`, i * 60, `note ${i}`)),
} as unknown as TalkView;
const actions = new Proxy({}, { get: () => vi.fn() }) as PanelActions;

const draw = (patch: Partial<PanelState>) =>
  mount(<Panel state={{ ...initialPanelState, view, status: '', ...patch }} actions={actions} />);

describe('the note being typed', () => {
  it('is typed in its own row at its moment in the list, before and after its first save', () => {
    const draft = {
      id: 'n_00000000000000aa' as NoteId,
      kind: 'quote' as const,
      text: 'Caches are promises',
      time: 725,
    };
    const before = draw({ draft });
    const rows = [...before.querySelectorAll('.notes > li')];
    const at = rows.findIndex((li) => li.querySelector('textarea'));
    // Between the notes at 12:00 and 13:00, and no second editor above the list.
    expect(rows[at - 1]?.textContent).toContain('note 12');
    expect(rows[at + 1]?.textContent).toContain('note 13');
    expect(rows[at]?.classList.contains('note-quote')).toBe(true);
    expect(before.querySelectorAll('textarea')).toHaveLength(1);
    expect(before.querySelector('.panel > .composer')).toBeNull();
    // Once saved, the stored note is not shown twice: its row is the editor.
    const saved = {
      ...view,
      notes: [...view.notes, { ...note(draft.id, 725, draft.text), kind: 'quote' as const }],
    };
    const after = mount(
      <Panel state={{ ...initialPanelState, view: saved, status: '', draft }} actions={actions} />,
    );
    expect(after.querySelectorAll('textarea')).toHaveLength(1);
    expect(
      [...after.querySelectorAll('.notes > li')].filter((li) => li.textContent?.includes('Caches')),
    ).toHaveLength(0);
    expect(after.querySelector('.notes textarea')?.getAttribute('aria-label')).toBe('Quote text');
  });

  it('stays above the list when it goes to another talk than the one shown', () => {
    const root = draw({
      draft: {
        id: 'n_00000000000000ab' as NoteId,
        kind: 'text',
        text: '',
        time: 5,
        otherTalkTitle: 'Earlier talk',
      },
    });
    expect(root.querySelector('.panel > .composer .draft-talk')?.textContent).toContain('Earlier talk');
    expect(root.querySelector('.notes textarea')).toBeNull();
  });
});
