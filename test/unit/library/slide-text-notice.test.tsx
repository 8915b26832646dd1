// @vitest-environment happy-dom
// The library's line about on-device slide text, over a real (fake-indexeddb) store: how many
// slides are read while the pass runs, nothing once all are, and what it means when OCR found
// it can't run in this browser.
import { openDB } from 'idb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { SlideTextNotice } from '../../../src/library/SlideTextNotice';
import type { Shell } from '../../../src/library/shell';
import { OCR_STATUS_KEY } from '../../../src/ocr/status';
import { until } from '../ui/dom';
import { harness, seed, slideImage } from './helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

const image = (n: number, read: boolean) => slideImage(n, read ? ['A slide'] : undefined);

function show(api: Shell['api'], version: number, root: HTMLElement) {
  const shell = { api, version, notify: () => {} } as unknown as Shell;
  act(() => render(<SlideTextNotice shell={shell} />, root));
}

describe('the slide text line in the library', () => {
  it('counts the slides read while the pass runs, and goes once all are read', async () => {
    const { api, name, store } = harness();
    await seed(store);
    const db = await openDB(name);
    await db.put('images', image(1, true));
    await db.put('images', image(2, false));
    await db.put('images', image(3, false));
    const root = document.createElement('div');
    document.body.append(root);
    show(api, 1, root);
    const line = await until(() => root.querySelector('.slide-text-notice'));
    expect(line.textContent).toContain('1 of 3 read');
    await db.put('images', image(2, true));
    await db.put('images', image(3, true));
    db.close();
    // The store announced a change: the view reads again and has nothing left to say.
    show(api, 2, root);
    await until(() => !root.querySelector('.slide-text-notice'));
    expect(root.textContent).toBe('');
  });

  it('says once OCR can’t run in this browser, and what that means for the post', async () => {
    const { api, name, store } = harness();
    await seed(store);
    const db = await openDB(name);
    await db.put('images', image(1, false));
    await db.put('kv', { state: 'unavailable', message: 'WebAssembly is blocked here' }, OCR_STATUS_KEY);
    db.close();
    const root = document.createElement('div');
    document.body.append(root);
    show(api, 1, root);
    const line = await until(() => root.querySelector('.slide-text-notice'));
    expect(line.textContent).toContain('can’t be read in this browser (WebAssembly is blocked here)');
    expect(line.textContent).toContain('Your slides are kept');
  });
});
