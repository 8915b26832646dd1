// @vitest-environment happy-dom
// The library app over a real (fake-indexeddb) store: the posts list with delete and undo,
// talks reordered by keyboard, restore refusing a bad file, and views that stay live.
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/library/App';
import type { LibraryApi } from '../../../src/library/api';
import { parseRoute, type Route } from '../../../src/library/route';
import { onChange } from '../../../src/store';
import { byText, click, typeInto, until } from '../ui/dom';
import { harness, must, seed } from './helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

/** The app at `hash`, re-rendered with a new version on every store change, as index.tsx does. */
function app(api: LibraryApi, hash: string) {
  let version = 0;
  let route: Route = parseRoute(hash);
  const root = document.createElement('div');
  document.body.append(root);
  const draw = async () => {
    const { render } = await import('preact');
    render(
      <App
        api={api}
        route={route}
        version={version}
        go={(r) => {
          route = r;
          void draw();
        }}
      />,
      root,
    );
  };
  const stop = onChange(() => {
    version++;
    void draw();
  });
  void draw();
  return { root, stop };
}

describe('library app', () => {
  it('lists posts with counts, deletes one and brings it back with Undo', async () => {
    const { api, store } = harness();
    const { post } = await seed(store);
    const { root, stop } = app(api, '#posts');
    const row = await until(() => root.querySelector(`[data-post-id="${post.id}"]`));
    expect(row.querySelector('.counts')?.textContent).toBe('2 talks, 3 notes, 1 slide');
    click(row.querySelector('button.delete'));
    await until(() => !root.querySelector(`[data-post-id="${post.id}"]`));
    const undo = await until(() => byText(root, '.toast button', 'Undo'));
    click(undo);
    const back = await until(() => root.querySelector(`[data-post-id="${post.id}"]`));
    expect(back.textContent).toContain('3 notes, 1 slide');
    stop();
  });

  it('moves a talk down with Alt+ArrowDown on its handle, and the store keeps the new order', async () => {
    const { api, store } = harness();
    const { post, talks } = await seed(store);
    const { root, stop } = app(api, `#post/${post.id}`);
    const handle = await until(() =>
      root.querySelector<HTMLButtonElement>(`[data-talk-id="${talks[0].id}"] .handle`),
    );
    handle.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
    const order = async () => must(await store.posts.get(post.id))?.sections[0]?.talkIds;
    await until(() => root.querySelector('.talk-card')?.getAttribute('data-talk-id') === talks[1].id);
    expect(await order()).toEqual([talks[1].id, talks[0].id]);
    stop();
  });

  it('shows a note added elsewhere without a reload, and counts it', async () => {
    const { api, store } = harness();
    const { post, talks } = await seed(store);
    const { root, stop } = app(api, `#post/${post.id}`);
    await until(() => root.querySelector('.note'));
    expect(root.querySelector('.post-counts')?.textContent).toBe('2 talks, 3 notes, 1 slide');
    must(await store.notes.add({ talkId: talks[1].id, time: 7, kind: 'text', text: 'Added in another tab' }));
    await until(() =>
      [...root.querySelectorAll('.note-view')].some((t) => t.textContent === 'Added in another tab'),
    );
    expect(root.querySelector('.post-counts')?.textContent).toBe('2 talks, 4 notes, 1 slide');
    stop();
  });

  it('refuses a malformed backup, says nothing was changed, and keeps the data', async () => {
    const { api, store } = harness();
    await seed(store);
    const { root, stop } = app(api, '#backup');
    const input = await until(() => root.querySelector<HTMLInputElement>('input.restore-file'));
    Object.defineProperty(input, 'files', { value: [new File(['PK garbage'], 'bad.zip')] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const alert = await until(() => root.querySelector('.restore-result.error'));
    expect(alert.textContent).toMatch(/can't be restored/);
    expect(alert.textContent).toContain('Nothing was changed.');
    expect(must(await store.snapshot()).notes).toHaveLength(4);
    stop();
  });

  it('settings name every choice in words and save the one picked', async () => {
    const { api, settings } = harness();
    const { root, stop } = app(api, '#settings');
    const format = await until(() => root.querySelector<HTMLSelectElement>('select[name="exportFormat"]'));
    expect([...format.options].map((o) => [o.value, o.textContent])).toEqual([
      ['hugo', 'Hugo page bundle'],
      ['jekyll', 'Jekyll post'],
      ['obsidian', 'Obsidian note'],
      ['markdown', 'Markdown'],
    ]);
    const sensitivity = root.querySelector<HTMLSelectElement>('select[name="autoCaptureSensitivity"]');
    expect([...(sensitivity?.options ?? [])].map((o) => o.textContent)).toEqual([
      'Low (only clear slide changes)',
      'Normal',
      'High (small builds too)',
    ]);
    format.value = 'obsidian';
    format.dispatchEvent(new Event('change', { bubbles: true }));
    await until(
      () => (settings.data.settings as { exportFormat?: string } | undefined)?.exportFormat === 'obsidian',
    );
    expect((await api.loadSettings()).exportFormat).toBe('obsidian');
    stop();
  });

  it('links search results to the note in its post', async () => {
    const { api, store } = harness();
    const { post } = await seed(store);
    const { root, stop } = app(api, '#search/traces');
    const link = await until(() => root.querySelector<HTMLAnchorElement>('.note-hit a'));
    expect(link.textContent).toBe('Traces over logs');
    expect(link.getAttribute('href')).toMatch(new RegExp(`^#post/${post.id}/note/n_`));
    stop();
  });

  it('draws the first 50 results with the count of all, and "Show more" adds the rest', async () => {
    const { api, store } = harness();
    const { talks } = await seed(store);
    for (let i = 0; i < 60; i++)
      must(await store.notes.add({ talkId: talks[0].id, time: i, kind: 'text', text: `Rollout step ${i}` }));
    const { root, stop } = app(api, '#search/rollout');
    await until(() => root.querySelectorAll('.note-hit').length === 50);
    const status = root.querySelector('[role="status"]');
    expect(status?.textContent).toBe('60 notes match, showing the 50 last edited; 0 talks.');
    const more = root.querySelector<HTMLButtonElement>('button.show-more');
    expect(more?.textContent).toBe('Show 10 more');
    click(more);
    await until(() => root.querySelectorAll('.note-hit').length === 60);
    expect(status?.textContent).toBe('60 notes match; 0 talks.');
    expect(root.querySelector('button.show-more')).toBeNull();
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.note-hit a')];
    // Every match once, each still a link to its note; focus on the first one just added.
    expect(new Set(links.map((a) => a.getAttribute('href'))).size).toBe(60);
    expect(links.every((a) => /^#post\/p_\w+\/note\/n_/.test(a.getAttribute('href') ?? ''))).toBe(true);
    expect(document.activeElement).toBe(links[50]);
    stop();
  });

  it('searches once the typing pauses, not on every key, and a new query starts at one page', async () => {
    const { api, store } = harness();
    const { talks } = await seed(store);
    for (let i = 0; i < 55; i++)
      must(await store.notes.add({ talkId: talks[0].id, time: i, kind: 'text', text: `Rollout step ${i}` }));
    const asked: Array<[string, number]> = [];
    const counting: LibraryApi = {
      ...api,
      search: (q, limit) => {
        asked.push([q, limit]);
        return api.search(q, limit);
      },
    };
    const { root, stop } = app(counting, '#search/rollout');
    await until(() => root.querySelectorAll('.note-hit').length === 50);
    click(root.querySelector('button.show-more'));
    await until(() => root.querySelectorAll('.note-hit').length === 55);
    const input = root.querySelector<HTMLInputElement>('input.search-input');
    if (!input) throw new Error('no search box');
    asked.length = 0;
    // Keys 30 ms apart: each would be drawn (and searched) if the search followed every key.
    for (const q of ['s', 'st', 'ste', 'step']) {
      typeInto(input, q);
      await act(() => new Promise((r) => setTimeout(r, 30)));
    }
    await until(() => asked.length > 0, 2000);
    await until(() =>
      root.querySelector('[role="status"]')?.textContent?.startsWith('55 notes match, showing the 50'),
    );
    expect(asked).toEqual([['step', 50]]);
    stop();
  });
});
