// On-device slide text (OCR) in the library: while slides are still being read, a line saying
// how far it got (the one-off pass over older slides can take a while); once OCR found it
// can't run in this browser (wasm blocked by policy), a line saying so, and what that means.
import { useEffect, useState } from 'preact/hooks';
import type { SlideTextState } from './api';
import type { Shell } from './shell';

export function SlideTextNotice({ shell }: { shell: Shell }) {
  const [state, setState] = useState<SlideTextState | null>(null);
  useEffect(() => {
    let live = true;
    void shell.api.slideTextState().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [shell.api, shell.version]);
  if (!state) return null;
  if (state.unavailable) {
    return (
      <p class="slide-text-notice" role="status">
        Slide text can’t be read in this browser ({state.unavailable}). Your slides are kept; figures are
        titled by the talk and moment, and search finds notes only.
      </p>
    );
  }
  if (state.read >= state.total) return null;
  return (
    <p class="slide-text-notice" role="status">
      Reading the text on your slides, on this device: {state.read} of {state.total} read.
    </p>
  );
}
