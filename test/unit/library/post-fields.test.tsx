// @vitest-environment happy-dom
// The post's fields in the library over a real (fake-indexeddb) store: typed one right after
// another, every field's latest text is stored; a field the store can't take yet holds back
// only itself; saves go one at a time per field, the latest text only while one is in flight,
// and a reload read before a save never draws older text over what was typed.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Post, PostId } from '../../../src/core/model';
import { limits } from '../../../src/core/validate-util';
import { App } from '../../../src/library/App';
import type { LibraryApi } from '../../../src/library/api';
import { parseRoute } from '../../../src/library/route';
import { onChange } from '../../../src/store';
import { typeInto, until } from '../ui/dom';
import { harness, must, seed } from './helpers';

/** What each test mounted: unmounted after it, so no late save or reload renders once the
 * file's DOM is gone (preact would then schedule an effect with no requestAnimationFrame). */
const mounted: Array<() => void> = [];

afterEach(async () => {
  for (const undo of mounted.splice(0)) undo();
  // Saves and reloads still in flight answer into unmounted components, which draw nothing.
  await new Promise((r) => setTimeout(r, 150));
  document.body.innerHTML = '';
});

/** The post editor, re-rendered on every store change as index.tsx does. */
function editor(api: LibraryApi, id: PostId) {
  let version = 0;
  const root = document.createElement('div');
  document.body.append(root);
  const draw = () =>
    render(<App api={api} route={parseRoute(`#post/${id}`)} version={version} go={() => {}} />, root);
  const stop = onChange(() => {
    version++;
    draw();
  });
  draw();
  mounted.push(() => {
    stop();
    render(null, root);
  });
  const box = (name: string) => root.querySelector<HTMLInputElement>(`form.post-meta [name="${name}"]`);
  return { root, stop, box };
}

/** Focuses `el` and types `value` into it, as a user moving on to the next field does. */
function typeIn(el: HTMLInputElement | null, value: string) {
  if (!el) throw new Error('no such field');
  el.focus();
  typeInto(el, value);
}

/** Waits until the async `fn` holds, letting renders and timers run. */
async function eventually(fn: () => Promise<boolean>, ms = 3000): Promise<void> {
  const start = Date.now();
  while (!(await fn())) {
    if (Date.now() - start > ms) throw new Error(`not met in ${ms} ms: ${fn.toString()}`);
    await until(() => true);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const stored = async (api: LibraryApi, id: PostId) => must(await api.openPost(id))?.post as Post;

describe('post fields', () => {
  it('stores every field typed one right after another, while the date is typed only in part', async () => {
    const { api, store } = harness();
    const { post } = await seed(store);
    const { stop, box, root } = editor(api, post.id);
    await until(() => box('title'));
    // No waiting between fields. The date box reads '' while its date is typed in part.
    typeIn(box('title'), 'Harbour Conf, day two');
    typeIn(box('date'), '');
    typeIn(box('author'), 'Ada');
    typeIn(box('tags'), 'compilers, services');
    typeIn(box('description'), 'Small things, all day.');
    typeIn(box('intro'), 'Day two was about **small things**.');
    typeIn(box('closing'), 'See you next year.');
    const want = {
      title: 'Harbour Conf, day two',
      author: 'Ada',
      tags: ['compilers', 'services'],
      description: 'Small things, all day.',
      intro: 'Day two was about **small things**.',
      closing: 'See you next year.',
      // The date stays what it was until it is typed in full.
      date: post.date,
    };
    const has = (p: Post) =>
      Object.entries(want).every(([k, v]) => JSON.stringify(p[k as keyof Post]) === JSON.stringify(v));
    await eventually(async () => has(await stored(api, post.id)));
    expect(root.querySelector('.field-problem')?.textContent).toMatch(/date and time in full/);
    // The boxes still show what was typed, the date box included.
    expect(box('title')?.value).toBe(want.title);
    expect(box('date')?.value).toBe('');

    typeIn(box('date'), '2026-05-03T08:30');
    await eventually(async () => (await stored(api, post.id)).date.startsWith('2026-05-03T08:30'));
    await until(() => !root.querySelector('.field-problem'));
    stop();
  });

  it('sends one save at a time per field, the latest text only, and no reload draws older text over it', async () => {
    const { api: real, store } = harness();
    const { post } = await seed(store);
    const sent: string[] = [];
    let inFlight = 0;
    let most = 0;
    const later = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const api: LibraryApi = {
      ...real,
      async updatePost(id, patch) {
        if (patch.title !== undefined) sent.push(patch.title);
        most = Math.max(most, ++inFlight);
        await later(20);
        const r = await real.updatePost(id, patch);
        inFlight--;
        return r;
      },
      // A reload reads now and answers late: after the saves that follow it.
      async openPost(id) {
        const r = await real.openPost(id);
        await later(80);
        return r;
      },
    };
    const { stop, box } = editor(api, post.id);
    await until(() => box('title'));
    const words = ['H', 'Ha', 'Har', 'Harb', 'Harbour'];
    for (const w of words) typeIn(box('title'), w);
    typeIn(box('author'), 'Ada');
    const seen = new Set<string>();
    await eventually(async () => {
      seen.add(box('title')?.value ?? '');
      const p = await stored(api, post.id);
      return p.title === 'Harbour' && p.author === 'Ada' && inFlight === 0;
    });
    // Let every late reload land, watching the box all the while.
    for (let i = 0; i < 20; i++) {
      await until(() => true);
      seen.add(box('title')?.value ?? '');
      await later(10);
    }
    expect(sent[0]).toBe('H');
    expect(sent.at(-1)).toBe('Harbour');
    // In the order typed, never an older text after a newer one, and coalesced.
    expect(sent.map((t) => words.indexOf(t))).toEqual([...sent.map((t) => words.indexOf(t))].sort());
    expect(sent.length).toBeLessThan(words.length);
    expect(most).toBeLessThanOrEqual(2); // one title save and one author save at most
    expect([...seen]).toEqual(['Harbour']);
    stop();
  });

  it('keeps an intro past the limit in its box, says so, and saves it once it fits', async () => {
    const { api, store } = harness();
    const { post } = await seed(store);
    const { stop, box, root } = editor(api, post.id);
    await until(() => box('intro'));
    typeIn(box('intro'), 'Short intro.');
    await eventually(async () => (await stored(api, post.id)).intro === 'Short intro.');
    const long = `${'word '.repeat(limits.longText / 5)}more`;
    typeIn(box('intro'), long);
    await until(() => root.querySelector('.field-problem'));
    expect(root.querySelector('.field-problem')?.textContent).toMatch(/at most 100,000 characters/);
    expect(root.querySelector('.chars-left')?.textContent).toBe('4 characters over the limit');
    expect(box('intro')?.value).toBe(long);
    expect((await stored(api, post.id)).intro).toBe('Short intro.');
    typeIn(box('intro'), long.slice(0, limits.longText));
    await eventually(async () => (await stored(api, post.id)).intro.length === limits.longText);
    await until(() => !root.querySelector('.field-problem'));
    stop();
  });
});
