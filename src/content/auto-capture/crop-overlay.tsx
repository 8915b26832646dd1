// Puts the slide-area picker over the video picture (letterbox bars excluded, as the stored
// fractions are of the picture), in its own shadow root, and follows the picture when the
// page scrolls or resizes. Resolves with the chosen area, 'whole', or null when cancelled.
import { render } from 'preact';
import type { CropRect } from '../../core/slides';
import { pictureRect } from '../slide';
import { CropPicker, pickerCss } from './CropPicker';

export type CropChoice = CropRect | 'whole' | null;

export function pickCropArea(
  video: HTMLVideoElement,
  initial: CropRect,
  signal: AbortSignal,
): Promise<CropChoice> {
  const doc = video.ownerDocument;
  const host = doc.createElement('talkmark-slide-area');
  const root = host.attachShadow({ mode: __TEST__ ? 'open' : 'closed' });
  const style = doc.createElement('style');
  style.textContent = pickerCss;
  const container = doc.createElement('div');
  root.append(style, container);
  // Inside the fullscreen element when there is one, or the picker would be hidden behind it.
  (doc.fullscreenElement ?? doc.documentElement).append(host);

  const place = () => {
    const b = video.getBoundingClientRect();
    const fill = getComputedStyle(video).objectFit === 'fill';
    const box = { x: b.left, y: b.top, width: b.width, height: b.height };
    const r = fill ? box : pictureRect(box, video.videoWidth, video.videoHeight);
    Object.assign(host.style, {
      left: `${r.x}px`,
      top: `${r.y}px`,
      width: `${r.width}px`,
      height: `${r.height}px`,
    });
  };
  place();
  const life = new AbortController();
  const win = doc.defaultView;
  win?.addEventListener('scroll', place, { capture: true, passive: true, signal: life.signal });
  win?.addEventListener('resize', place, { signal: life.signal });

  return new Promise((resolve) => {
    let done = false;
    const finish = (choice: CropChoice) => {
      if (done) return;
      done = true;
      life.abort();
      render(null, container);
      host.remove();
      resolve(choice);
    };
    signal.addEventListener('abort', () => finish(null), { once: true, signal: life.signal });
    // Escape cancels wherever the focus went meanwhile (the page, the player's controls).
    win?.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopImmediatePropagation();
        finish(null);
      },
      { capture: true, signal: life.signal },
    );
    render(
      <CropPicker
        initial={initial}
        onAccept={finish}
        onWhole={() => finish('whole')}
        onCancel={() => finish(null)}
      />,
      container,
    );
  });
}
