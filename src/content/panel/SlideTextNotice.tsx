// The panel's notice that slide text can't be read in this browser (OCR found wasm blocked),
// and what that means for the user's post. Its own place, not the panel's one notice slot, so
// a capture's "saved" or an error can't push it out before it was read; dismissed by its
// button or Escape, for good (slide-text-notice.ts). The regular panel only: the compact bar
// over a small embed has no room for it, and it waits (undismissed) until a full panel shows.
import type { PanelActions } from './types';

export function SlideTextNotice({ reason, actions }: { reason: string; actions: PanelActions }) {
  return (
    <div
      class="notice notice-info slide-text-notice"
      role="status"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        actions.dismissSlideTextNotice();
      }}
    >
      <span>
        Slide text can’t be read in this browser ({reason}). Your slides are kept; figures are titled by the
        talk and moment, and search finds notes only.
      </span>
      <button type="button" aria-label="Dismiss" onClick={actions.dismissSlideTextNotice}>
        ×
      </button>
    </div>
  );
}
