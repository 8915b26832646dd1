// A slide captured by hand that the store doesn't have yet: its picture at once (the frame's
// small copy, drawn as the key was pressed), marked as saving; or, when it could not be encoded
// or the store refused it, marked as not saved with the reason and the choice to retry or
// discard. It never looks like a saved slide (no edit, no delete, no `note-slide`).
import { formatTime } from '../../core/time';
import type { PanelActions, PendingSlide } from './types';

export function PendingSlideItem({
  slide,
  thumb,
  actions,
}: {
  slide: PendingSlide;
  thumb: string | undefined;
  actions: PanelActions;
}) {
  const at = formatTime(slide.time);
  const failed = slide.error !== null;
  return (
    <li
      class={`note pending-slide${failed ? ' pending-failed' : ''}`}
      data-pending-id={slide.id}
      aria-busy={!failed}
    >
      <button type="button" class="time" title={`Play from ${at}`} onClick={() => actions.seek(slide.time)}>
        {at}
      </button>
      <span class="kind">
        Slide <span class="pending-label">{failed ? 'not saved' : 'saving…'}</span>
      </span>
      {failed && (
        <span class="row-actions">
          <button
            type="button"
            class="retry"
            aria-label={`Try again to save the slide at ${at}`}
            onClick={() => actions.retrySlide(slide.id)}
          >
            Retry
          </button>
          <button
            type="button"
            class="discard"
            aria-label={`Discard the unsaved slide at ${at}`}
            onClick={() => actions.discardSlide(slide.id)}
          >
            ×
          </button>
        </span>
      )}
      {slide.preview ? (
        <Preview canvas={slide.preview} label={`Slide at ${at}${failed ? ', not saved' : ', saving'}`} />
      ) : thumb ? (
        <img class="thumb" src={thumb} alt={`Slide at ${at}${failed ? ', not saved' : ', saving'}`} />
      ) : (
        <span class="thumb thumb-missing">No picture</span>
      )}
      {failed && <span class="text save-error">Not saved: {slide.error}</span>}
    </li>
  );
}

/** The capture's own canvas, put in place as it is (no copy, no image to load). */
function Preview({ canvas, label }: { canvas: HTMLCanvasElement; label: string }) {
  canvas.className = 'thumb';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  return (
    <span
      class="thumb-box"
      ref={(el) => {
        if (el && el.firstChild !== canvas) el.replaceChildren(canvas);
      }}
    />
  );
}
