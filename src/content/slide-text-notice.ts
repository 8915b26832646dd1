// The panel's one notice about slide text: when OCR found it can't run in this browser, the
// panel says what that means, once: it stays until the user dismisses it, and the dismissal is
// stored, so no panel (in this tab or another, now or after a restart) says it again.
import type { CallApi, PanelContext } from './context';

export interface SlideTextNotice {
  /** Asks the background again (on start, and when it says the status changed). */
  check(): void;
  dismiss(): void;
}

export function makeSlideTextNotice(ctx: PanelContext, api: CallApi): SlideTextNotice {
  /** Bumped on every ask and dismissal: an older answer never brings back a dismissed notice. */
  let asked = 0;
  return {
    check() {
      const n = ++asked;
      void api.call('slideTextNotice', {}).then((r) => {
        if (n !== asked || !r.ok) return;
        ctx.set({ slideTextNotice: r.value.unavailable });
      });
    },
    dismiss() {
      asked++;
      ctx.set({ slideTextNotice: null });
      void api.call('dismissSlideTextNotice', {});
    },
  };
}
