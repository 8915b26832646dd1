// In-page keys. Plain letters that YouTube doesn't use, only without modifiers, never while
// the user types in the page's own inputs, and only for real key presses: a page script
// can dispatch a KeyboardEvent, but it can't make one trusted.
export type KeyAction =
  | 'add-note'
  | 'capture-slide'
  | 'quote-caption'
  | 'toggle-panel'
  | 'toggle-auto-capture';

export const defaultKeys: Record<string, KeyAction> = {
  n: 'add-note',
  s: 'capture-slide',
  q: 'quote-caption',
  h: 'toggle-panel',
  a: 'toggle-auto-capture',
};

const notTyping = ['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'image', 'color', 'file'];

export function isEditable(el: Element | null): boolean {
  if (!el) return false;
  if ((el as HTMLElement).isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !notTyping.includes((el as HTMLInputElement).type);
  // Custom editors (YouTube's comment box is contenteditable inside a custom element).
  return el.getAttribute('role') === 'textbox';
}

/** The element focus is really in, looking through (open) shadow roots. */
export function deepActive(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

type KeyLike = Pick<
  KeyboardEvent,
  | 'isTrusted'
  | 'defaultPrevented'
  | 'repeat'
  | 'ctrlKey'
  | 'altKey'
  | 'metaKey'
  | 'shiftKey'
  | 'key'
  | 'isComposing'
>;

/** What a key press means to us, or null: the rules above, as a pure function. */
export function keyAction(
  e: KeyLike,
  keys: Record<string, KeyAction>,
  /** ours: typing in our panel; editable: typing in one of the page's fields. */
  focus: { ours: boolean; editable: boolean },
): KeyAction | null {
  if (!e.isTrusted || e.defaultPrevented || e.repeat || e.isComposing) return null;
  if (e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return null;
  if (focus.ours || focus.editable) return null;
  return keys[e.key.toLowerCase()] ?? null;
}

export function listenForKeys(
  doc: Document,
  keys: Record<string, KeyAction>,
  where: { enabled(): boolean; typingInside(): boolean },
  onAction: (action: KeyAction) => void,
  signal: AbortSignal,
): void {
  const handler = (e: KeyboardEvent) => {
    if (!where.enabled()) return;
    const action = keyAction(e, keys, { ours: where.typingInside(), editable: isEditable(deepActive(doc)) });
    if (!action) return;
    e.preventDefault();
    // Capture phase on window: we see the key before the page's own shortcuts do.
    e.stopImmediatePropagation();
    onAction(action);
  };
  doc.defaultView?.addEventListener('keydown', handler, { capture: true, signal });
}
