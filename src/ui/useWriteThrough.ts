// Write-through editing: a change is saved at once, or, while the save before it is in flight,
// as soon as that answers (only the latest text; core/latest-saver). A save that returns no
// promise is throttled instead: sent at once, then at most every `ms`. So the store never
// waits for the typist to pause, and nothing depends on pagehide (it only sends the last edit
// sooner) or on blur. When the editor goes away, the edit not sent yet goes at once.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { latestSaver } from '../core/latest-saver';

export function useWriteThrough<T>(save: (value: T) => unknown, ms = 250) {
  const latest = useRef(save);
  latest.current = save;
  const saver = useMemo(() => latestSaver((value: T) => latest.current(value), { throttleMs: ms }), [ms]);
  useEffect(() => {
    const flush = () => saver.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      saver.flush();
    };
  }, [saver]);
  return saver;
}
