// A short message with an optional action ("Undo"), announced to screen readers. It goes away
// after `ms` or when dismissed; the owner decides what dismissing means.
import { useEffect } from 'preact/hooks';

export interface ToastProps {
  text: string;
  kind?: 'info' | 'error';
  action?: { label: string; run(): void };
  onDismiss(): void;
  ms?: number;
}

export function Toast({ text, kind = 'info', action, onDismiss, ms = 8000 }: ToastProps) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, ms);
    return () => clearTimeout(timer);
  }, [text, onDismiss, ms]);
  return (
    <div class={`toast toast-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <span>{text}</span>
      {action && (
        <button
          type="button"
          onClick={() => {
            action.run();
            onDismiss();
          }}
        >
          {action.label}
        </button>
      )}
      <button type="button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
