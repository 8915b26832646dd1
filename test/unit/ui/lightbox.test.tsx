// @vitest-environment happy-dom
// The slide lightbox moves with the arrow keys, Home and End, stops at the ends, closes on Esc.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImageId } from '../../../src/core/ids';
import { Lightbox } from '../../../src/library/Lightbox';
import { mount } from './dom';

const slides = ['a', 'b', 'c'].map((x) => ({ imageId: `i_${x}` as ImageId, caption: `Slide ${x}` }));
const api = { imageUrl: async (id: ImageId) => `blob:${id}` };
const key = (el: Element, k: string) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Lightbox', () => {
  it('navigates by keyboard and closes on Escape', () => {
    const onIndex = vi.fn();
    const onClose = vi.fn();
    const root = mount(<Lightbox api={api} slides={slides} index={1} onIndex={onIndex} onClose={onClose} />);
    const box = root.querySelector('[role="dialog"]') as HTMLElement;
    expect(document.activeElement).toBe(box);
    expect(box.getAttribute('aria-label')).toBe('Slide 2 of 3');
    key(box, 'ArrowRight');
    key(box, 'ArrowLeft');
    key(box, 'End');
    key(box, 'Home');
    expect(onIndex.mock.calls.map((c) => c[0])).toEqual([2, 0, 2, 0]);
    key(box, 'Escape');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('does not move past the last slide', () => {
    const onIndex = vi.fn();
    const root = mount(<Lightbox api={api} slides={slides} index={2} onIndex={onIndex} onClose={() => {}} />);
    key(root.querySelector('[role="dialog"]') as HTMLElement, 'ArrowRight');
    expect(onIndex).toHaveBeenCalledWith(2);
  });
});
