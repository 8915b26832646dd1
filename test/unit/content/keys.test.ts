// @vitest-environment happy-dom
// The key rules: real presses only, no modifiers, never while typing in a field.
import { describe, expect, it } from 'vitest';
import { defaultKeys, isEditable, keyAction, listenForKeys } from '../../../src/content/keys';

const press = (key: string, extra: Partial<KeyboardEvent> = {}) => ({
  isTrusted: true,
  defaultPrevented: false,
  repeat: false,
  isComposing: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  key,
  ...extra,
});
const free = { ours: false, editable: false };

describe('in-page keys', () => {
  it('maps n, s, q, h (either case) to their actions', () => {
    expect(keyAction(press('n'), defaultKeys, free)).toBe('add-note');
    expect(keyAction(press('S'), defaultKeys, free)).toBe('capture-slide');
    expect(keyAction(press('q'), defaultKeys, free)).toBe('quote-caption');
    expect(keyAction(press('h'), defaultKeys, free)).toBe('toggle-panel');
    expect(keyAction(press('k'), defaultKeys, free)).toBeNull();
  });

  it('ignores synthesised, repeated, modified, composing and already-handled presses', () => {
    for (const extra of [
      { isTrusted: false },
      { repeat: true },
      { ctrlKey: true },
      { altKey: true },
      { metaKey: true },
      { shiftKey: true },
      { isComposing: true },
      { defaultPrevented: true },
    ]) {
      expect(keyAction(press('s', extra), defaultKeys, free), JSON.stringify(extra)).toBeNull();
    }
  });

  it('leaves keys alone while the user types in the page or in our panel', () => {
    expect(keyAction(press('n'), defaultKeys, { ours: false, editable: true })).toBeNull();
    expect(keyAction(press('n'), defaultKeys, { ours: true, editable: false })).toBeNull();
  });

  it('knows which elements take typing', () => {
    const el = (html: string) => {
      document.body.innerHTML = html;
      return document.body.firstElementChild;
    };
    expect(isEditable(el('<input>'))).toBe(true);
    expect(isEditable(el('<input type="search">'))).toBe(true);
    expect(isEditable(el('<input type="checkbox">'))).toBe(false);
    expect(isEditable(el('<textarea></textarea>'))).toBe(true);
    expect(isEditable(el('<div role="textbox"></div>'))).toBe(true);
    expect(isEditable(el('<button>x</button>'))).toBe(false);
    expect(isEditable(null)).toBe(false);
  });

  it('does nothing with an event a page script dispatches', () => {
    const life = new AbortController();
    const seen: string[] = [];
    listenForKeys(
      document,
      defaultKeys,
      { enabled: () => true, typingInside: () => false },
      (a) => seen.push(a),
      life.signal,
    );
    const forged = new KeyboardEvent('keydown', { key: 's', bubbles: true, cancelable: true });
    window.dispatchEvent(forged);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }));
    expect(forged.defaultPrevented).toBe(false);
    expect(seen).toEqual([]);
    life.abort();
  });
});
