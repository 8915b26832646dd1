// @vitest-environment happy-dom
// The pending slide's row: the frame's small copy itself as its thumbnail while it saves (no
// image to load), the stored picture's URL when there is no copy (a screenshot), and when the
// save failed the reason with Retry and Discard.
import { describe, expect, it, vi } from 'vitest';
import { allDark } from '../../../src/content/capture';
import { PendingSlideItem } from '../../../src/content/panel/PendingSlideItem';
import type { PanelActions, PendingSlide } from '../../../src/content/panel/types';
import type { TalkId } from '../../../src/core/model';
import { mount } from '../ui/dom';

const talkId = 't_0000000000000001' as TalkId;
const actions = { seek: vi.fn(), retrySlide: vi.fn(), discardSlide: vi.fn() } as unknown as PanelActions;

function preview(): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = 480;
  c.height = 270;
  return c;
}

describe('a pending slide in the panel', () => {
  it('shows the drawn frame’s own canvas, marked as saving, without Retry or Discard', () => {
    const canvas = preview();
    const slide: PendingSlide = { id: 'pending-1', talkId, time: 75, error: null, preview: canvas };
    const root = mount(<PendingSlideItem slide={slide} thumb="blob:not-used" actions={actions} />);
    const shown = root.querySelector('.thumb-box canvas.thumb');
    expect(shown).toBe(canvas);
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe('Slide at 1:15, saving');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.pending-label')?.textContent).toBe('saving…');
    expect(root.querySelector('li')?.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('.retry')).toBeNull();
  });

  it('keeps the canvas when the save failed, says why, and offers Retry and Discard', () => {
    const canvas = preview();
    const slide: PendingSlide = {
      id: 'pending-2',
      talkId,
      time: 75,
      error: 'The browser could not encode the picture as JPEG.',
      preview: canvas,
    };
    const root = mount(<PendingSlideItem slide={slide} thumb={undefined} actions={actions} />);
    expect(root.querySelector('canvas.thumb')).toBe(canvas);
    expect(canvas.getAttribute('aria-label')).toBe('Slide at 1:15, not saved');
    expect(root.querySelector('.save-error')?.textContent).toBe(
      'Not saved: The browser could not encode the picture as JPEG.',
    );
    (root.querySelector('.retry') as HTMLButtonElement).click();
    expect(actions.retrySlide).toHaveBeenCalledWith('pending-2');
    (root.querySelector('.discard') as HTMLButtonElement).click();
    expect(actions.discardSlide).toHaveBeenCalledWith('pending-2');
  });

  it('shows the picture’s URL when there is no drawn copy (a screenshot)', () => {
    const slide: PendingSlide = { id: 'pending-3', talkId, time: 5, error: null };
    const root = mount(<PendingSlideItem slide={slide} thumb="blob:http://x/1" actions={actions} />);
    expect(root.querySelector('canvas')).toBeNull();
    expect(root.querySelector('img.thumb')?.getAttribute('src')).toBe('blob:http://x/1');
  });
});

describe('the black-frame check', () => {
  const rgba = (...px: number[][]) => px.flatMap((p) => [...p, 255]);
  it('calls a frame black only when every pixel is near black', () => {
    expect(allDark(rgba([0, 0, 0], [16, 16, 16], [3, 9, 12]))).toBe(true);
    expect(allDark(rgba([0, 0, 0], [0, 0, 17]))).toBe(false);
    expect(allDark(rgba([0, 17, 0], [0, 0, 0]))).toBe(false);
    expect(allDark(rgba([200, 200, 200]))).toBe(false);
    // Alpha is not looked at: only the colour of each pixel counts.
    expect(allDark([0, 0, 0, 0, 0, 0, 0, 255])).toBe(true);
  });
});
