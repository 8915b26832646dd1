// In-page keys. Plain letters that YouTube doesn't use, only without modifiers, never while
// the user types in the page's own inputs, and only for real key presses: a page script
// can dispatch a KeyboardEvent, but it can't make one trusted.
export type KeyAction = 'add-note' | 'capture-slide' | 'quote-caption' | 'toggle-panel';

export const defaultKeys: Record<string, KeyAction> = {
  n: 'add-note',
  s: 'capture-slide',
  q: 'quote-caption',
  h: 'toggle-panel',
};

function isEditable(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'image', 'color'].includes(type);
  }
  return false;
}

/** The element focus is really in, looking through (open) shadow roots. */
function deepActive(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

export function listenForKeys(
  doc: Document,
  keys: Record<string, KeyAction>,
  isOurs: (target: EventTarget | null) => boolean,
  onAction: (action: KeyAction) => void,
  signal: AbortSignal,
): void {
  const handler = (e: KeyboardEvent) => {
    if (!e.isTrusted || e.defaultPrevented || e.repeat) return;
    if (e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return;
    if (isOurs(e.target)) return;
    if (isEditable(deepActive(doc))) return;
    const action = keys[e.key.toLowerCase()];
    if (!action) return;
    e.preventDefault();
    // Capture phase on window: we see the key before the page's own shortcuts do.
    e.stopImmediatePropagation();
    onAction(action);
  };
  doc.defaultView?.addEventListener('keydown', handler, { capture: true, signal });
}
