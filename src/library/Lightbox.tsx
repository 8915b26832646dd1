// Slides one at a time, large: ←/→ (and Home/End) move, Esc closes, focus stays inside and
// returns where it was.
import { useEffect, useRef } from 'preact/hooks';
import type { ImageId } from '../core/model';
import type { LibraryApi } from './api';
import { Thumb } from './Thumb';

export interface Slide {
  imageId: ImageId;
  caption: string;
}

export function Lightbox({
  api,
  slides,
  index,
  onIndex,
  onClose,
}: {
  api: Pick<LibraryApi, 'imageUrl'>;
  slides: Slide[];
  index: number;
  onIndex(i: number): void;
  onClose(): void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    box.current?.focus();
    return () => before?.focus();
  }, []);
  const slide = slides[index];
  if (!slide) return null;
  const last = slides.length - 1;
  const onKeyDown = (e: KeyboardEvent) => {
    const to = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: last }[e.key];
    if (e.key === 'Escape') onClose();
    else if (to !== undefined) onIndex(Math.max(0, Math.min(last, to)));
    else return;
    e.preventDefault();
  };
  return (
    <div class="lightbox-backdrop">
      <div
        ref={box}
        class="lightbox"
        role="dialog"
        aria-modal="true"
        aria-label={`Slide ${index + 1} of ${slides.length}`}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <Thumb api={api} id={slide.imageId} alt={slide.caption} />
        <p class="lightbox-caption">
          {index + 1} / {slides.length} · {slide.caption}
        </p>
        <div class="lightbox-nav">
          <button type="button" onClick={() => onIndex(Math.max(0, index - 1))} disabled={index === 0}>
            ← Previous
          </button>
          <button type="button" onClick={() => onIndex(Math.min(last, index + 1))} disabled={index === last}>
            Next →
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
