// Write-through editing: every change is saved `ms` after the user pauses (≤300 ms), and at
// once when the page is hidden or closed (pagehide) or the editor goes away — never only on blur.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { debounce } from '../core/debounce';

export function useWriteThrough<T>(save: (value: T) => void, ms = 250) {
  const latest = useRef(save);
  latest.current = save;
  const saver = useMemo(() => debounce((value: T) => latest.current(value), ms), [ms]);
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
