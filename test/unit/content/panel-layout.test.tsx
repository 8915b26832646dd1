// @vitest-environment happy-dom
// The panel in a small frame: when the 320 px overlay would cover the middle of the picture
// (a 640×360 YouTube embed in an article), it becomes a bar along the frame's edge that ends
// before the middle third; the note box is one line in it, and the notes list waits behind a
// toggle.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel } from '../../../src/content/panel/Panel';
import { type Box, middleOf, panelLayout } from '../../../src/content/panel/placement';
import { initialPanelState, type PanelActions, type PanelState } from '../../../src/content/panel/types';
import type { TalkView } from '../../../src/core/messages';
import type { NoteId, PostId, TalkId } from '../../../src/core/model';
import { click, mount } from '../ui/dom';

const frame = (w: number, h: number): Box => ({ left: 0, top: 0, right: w, bottom: h });

describe('panel layout', () => {
  it('keeps the regular panel where the overlay leaves the middle of the video free', () => {
    // A 640×360 video in a 1280×800 page: the overlay is beside it.
    expect(panelLayout('overlay', { left: 24, top: 24, right: 664, bottom: 384 }, 1280, 800).size).toBe(
      'regular',
    );
    // A page-wide video in a wide window: the overlay covers its right edge, not its middle.
    expect(panelLayout('overlay', frame(1280, 720), 1280, 800).size).toBe('regular');
    // Docked beside the player, or in fullscreen, the overlay is not used.
    expect(panelLayout('docked', frame(640, 360), 640, 360).size).toBe('regular');
    expect(panelLayout('fullscreen', frame(640, 360), 640, 360).size).toBe('regular');
    expect(panelLayout('overlay', null, 640, 360).size).toBe('regular');
  });

  it('makes a bar along the top of a 640×360 embed that ends before the middle third', () => {
    const layout = panelLayout('overlay', frame(640, 360), 640, 360);
    expect(layout.size).toBe('compact');
    expect(layout.edge).toBe('top');
    expect(layout.room).toBeLessThanOrEqual(middleOf(frame(640, 360)).top);
    expect(layout.room).toBeGreaterThan(100);
  });

  it('makes the bar tiny in a 400×225 embed, and in a narrow window', () => {
    const small = panelLayout('overlay', frame(400, 225), 400, 225);
    expect(small.size).toBe('tiny');
    expect(small.room).toBeLessThanOrEqual(75);
    expect(panelLayout('overlay', frame(480, 720), 480, 720).size).toBe('tiny');
  });

  it('measures the room from the video, not the window, and uses the bottom when the top has none', () => {
    // A 900×600 video 100 px down a 900×800 window: its middle third starts at 300.
    const lower = panelLayout('overlay', { left: 0, top: 100, right: 900, bottom: 700 }, 900, 800);
    expect(lower).toMatchObject({ size: 'compact', edge: 'top' });
    expect(lower.room).toBeLessThanOrEqual(300);
    expect(lower.room).toBeGreaterThan(290);
    // The video's middle starts at the top of the window (scrolled): the bar goes to the bottom.
    const scrolled = panelLayout('overlay', { left: 0, top: -300, right: 900, bottom: 300 }, 900, 800);
    expect(scrolled.edge).toBe('bottom');
    expect(scrolled.room).toBeLessThanOrEqual(800 - 100);
  });
});

const talkId = 't_1' as TalkId;
const view = {
  talk: {
    id: talkId,
    site: 'youtube',
    videoId: 'sampleTalk1',
    url: 'https://www.youtube.com/watch?v=sampleTalk1',
    title: 'Shipping Small Things Fast',
    speakers: [{ name: 'Ada Example' }],
  },
  post: { id: 'p_1' as PostId, title: 'Evening talks' },
  notes: [
    {
      id: 'n_1' as NoteId,
      talkId,
      time: 15,
      kind: 'text',
      text: 'first thought',
      createdAt: '',
      updatedAt: '',
    },
  ],
} as unknown as TalkView;

function actionsSpy(): PanelActions {
  const names = [
    'seek',
    'newNote',
    'captureSlide',
    'quoteCaption',
    'editDraft',
    'finishDraft',
    'startEdit',
    'editText',
    'finishEdit',
    'deleteNote',
    'retrySlide',
    'discardSlide',
    'setSpeakers',
    'loadPosts',
    'choosePost',
    'createPost',
    'toggleCollapsed',
    'dismissNotice',
    'dismissSlideTextNotice',
    'toggleAutoCapture',
    'pickSlideArea',
  ];
  return Object.fromEntries(names.map((n) => [n, vi.fn()])) as unknown as PanelActions;
}

const compact = (patch: Partial<PanelState>): PanelState => ({
  ...initialPanelState,
  view,
  status: '',
  layout: panelLayout('overlay', frame(640, 360), 640, 360),
  ...patch,
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('compact panel', () => {
  it('shows a bar with the buttons and a one-line note box, the notes list behind a toggle', () => {
    const actions = actionsSpy();
    const root = mount(
      <Panel state={compact({ draft: { id: 'n_2' as NoteId, kind: 'text', text: '' } })} actions={actions} />,
    );
    const panel = root.querySelector('.panel.compact.size-compact') as HTMLElement;
    expect(panel).not.toBeNull();
    expect(panel.style.getPropertyValue('--tm-room')).toMatch(/^\d+px$/);
    expect(root.querySelector('.talk-title')?.textContent).toBe('Shipping Small Things Fast');
    const area = root.querySelector('textarea') as HTMLTextAreaElement;
    expect(area.classList.contains('one-line')).toBe(true);
    expect(area.getAttribute('aria-label')).toBe('Note text');
    expect(document.activeElement === area || area.matches(':focus')).toBe(true);
    expect(root.querySelector('.notes')).toBeNull();
    const toggle = root.querySelector('.notes-toggle') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toContain('Notes 1');
    click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector('#tm-drawer .notes')?.textContent).toContain('first thought');
    expect(root.querySelector('#tm-drawer select.post')).not.toBeNull();
    click(root.querySelector('.add-slide'));
    expect(actions.captureSlide).toHaveBeenCalledTimes(1);
  });

  it('is the regular panel where the overlay fits', () => {
    const root = mount(
      <Panel state={compact({ layout: initialPanelState.layout })} actions={actionsSpy()} />,
    );
    expect(root.querySelector('.compact')).toBeNull();
    expect(root.querySelector('.notes')?.textContent).toContain('first thought');
  });

  it('says a captured slide is saving, then saved, beside the folded tab', () => {
    const actions = actionsSpy();
    const slide = { id: 'pending-1', talkId, time: 15, error: null };
    const pending = [slide];
    const root = mount(<Panel state={compact({ collapsed: true, pending })} actions={actions} />);
    expect(root.querySelector('.tab')).not.toBeNull();
    expect(root.querySelector('.floating [role="status"]')?.textContent).toBe('Slide at 0:15 saving…');
    const saved = {
      ...view,
      notes: [
        ...view.notes,
        { id: 'n_3' as NoteId, talkId, time: 15, kind: 'slide', text: '', createdAt: '', updatedAt: '' },
      ],
    } as TalkView;
    const again = mount(
      <Panel
        state={compact({ collapsed: true, view: saved, justSaved: { id: 'n_3' as NoteId, time: 15 } })}
        actions={actions}
      />,
    );
    expect(again.querySelector('.floating [role="status"]')?.textContent).toBe('Slide at 0:15 saved');
    const failed = mount(
      <Panel
        state={compact({ collapsed: true, pending: [{ ...slide, error: 'disk full' }] })}
        actions={actions}
      />,
    );
    click(failed.querySelector('.floating .retry'));
    expect(actions.retrySlide).toHaveBeenCalledWith('pending-1');
  });

  it('shows the drawn frame beside "saving…" at once, before any stored picture', () => {
    const frame = document.createElement('canvas');
    frame.width = 480;
    frame.height = 270;
    const pending = [{ id: 'pending-2', talkId, time: 20, error: null, preview: frame }];
    const root = mount(<Panel state={compact({ collapsed: true, pending })} actions={actionsSpy()} />);
    const copy = root.querySelector<HTMLCanvasElement>('.floating canvas.flash-preview');
    expect(copy).not.toBeNull();
    expect([copy?.width, copy?.height]).toEqual([50, 28]);
    // A copy: the capture's own canvas stays free for the notes list's pending row.
    expect(copy).not.toBe(frame);
    expect(root.querySelector('.floating img')).toBeNull();
  });

  it('gives the focus back where it was when the note box closes', () => {
    const player = document.createElement('div');
    player.tabIndex = -1;
    document.body.append(player);
    player.focus();
    const host = document.createElement('div');
    document.body.append(host);
    const actions = actionsSpy();
    const draft = { id: 'n_2' as NoteId, kind: 'text' as const, text: 'x' };
    act(() => render(<Panel state={compact({ draft })} actions={actions} />, host));
    expect(document.activeElement?.tagName).toBe('TEXTAREA');
    act(() => render(<Panel state={compact({ draft: null })} actions={actions} />, host));
    expect(document.activeElement).toBe(player);
  });

  it('is the tiny bar in a 400×225 frame', () => {
    const root = mount(
      <Panel
        state={compact({ layout: panelLayout('overlay', frame(400, 225), 400, 225) })}
        actions={actionsSpy()}
      />,
    );
    expect(root.querySelector('.panel.compact.size-tiny')).not.toBeNull();
  });
});
