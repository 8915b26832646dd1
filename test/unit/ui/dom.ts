// Rendering Preact views into happy-dom for the tests: mount, wait for a condition, fire input.
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';

export function mount(view: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(view, root));
  return root;
}

export async function until<T>(fn: () => T | null | undefined | false, ms = 3000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - start > ms) throw new Error(`condition not met in ${ms} ms: ${fn.toString()}`);
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
}

export function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function click(el: Element | null | undefined): void {
  if (!el) throw new Error('nothing to click');
  act(() => (el as HTMLElement).click());
}

export const byText = (root: ParentNode, selector: string, text: string) =>
  [...root.querySelectorAll(selector)].find((e) => e.textContent?.includes(text)) as HTMLElement | undefined;
