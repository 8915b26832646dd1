// @vitest-environment happy-dom
// Where a user sets up an export: the post's tags and categories say what is wrong with a term
// as it is typed (and keep it as typed), and the export dialog says whether notes are live.
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/library/App';
import type { LibraryApi } from '../../../src/library/api';
import { parseRoute } from '../../../src/library/route';
import { defaultSettings, saveSettings } from '../../../src/ui/settings';
import { typeInto, until } from '../ui/dom';
import { harness, must, seed } from './helpers';

/** Unmounts what each test drew, so no late answer renders once the file's DOM is gone. */
const mounted: Array<() => void> = [];

afterEach(async () => {
  for (const undo of mounted.splice(0)) undo();
  await new Promise((r) => setTimeout(r, 150));
  document.body.innerHTML = '';
});

async function open(api: LibraryApi, hash: string): Promise<HTMLElement> {
  const { render } = await import('preact');
  const root = document.createElement('div');
  document.body.append(root);
  render(<App api={api} route={parseRoute(hash)} version={0} go={() => {}} />, root);
  mounted.push(() => render(null, root));
  return root;
}

describe('export safety in the library', () => {
  it('says what is wrong with a tag or category and why, and keeps what was typed', async () => {
    const { api, store } = harness();
    const { post } = await seed(store);
    const root = await open(api, `#post/${post.id}`);
    const tags = await until(() => root.querySelector<HTMLInputElement>('input[name="tags"]'));
    typeInto(tags, `../../x, ./.././/, Go, go, ${'日本語'.repeat(20)}`);
    const cats = await until(() => root.querySelector<HTMLInputElement>('input[name="categories"]'));
    typeInto(cats, '.net, 100%');
    const list = await until(() => root.querySelector('.term-problems'));
    const items = [...list.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(items).toEqual([
      'The tag “../../x” holds “/” or “\\”, which sites read as folders: exported as “x”.',
      "The tag “./.././/” has no letter or digit, so it can't name a page: exports leave it out.",
      'The tag “go” is the same tag as one before it (sites ignore case): exports keep the first.',
      expect.stringMatching(
        /^The tag “日本語.*…” is 180 bytes long; a tag's folder name can take 120: exported as “(日本語){13}日”\.$/,
      ),
      "The category “.net” starts with a dot, which hides the category's folder: exported as “net”.",
      'The category “100%” holds “%”, which URLs read as an escape: exported as “100”.',
    ]);
    // Saved as typed once the write-through has fired.
    let saved = must(await store.posts.get(post.id));
    for (let i = 0; i < 60 && saved?.categories.length !== 2; i++) {
      await act(() => new Promise((r) => setTimeout(r, 50)));
      saved = must(await store.posts.get(post.id));
    }
    if (!saved) throw new Error('post gone');
    expect(saved.tags).toEqual(['../../x', './.././/', 'Go', 'go', '日本語'.repeat(20)]);
    expect(saved.categories).toEqual(['.net', '100%']);
    typeInto(tags, 'go, hugo');
    typeInto(cats, 'talks');
    await until(() => !root.querySelector('.term-problems'));
  });

  it('the export dialog says whether notes show as typed or run', async () => {
    const { api, store, settings } = harness();
    const { post } = await seed(store);
    const shown = await open(api, `#post/${post.id}/export`);
    const mode = await until(() => shown.querySelector('.notes-mode'));
    expect(mode.textContent).toMatch(
      /^Notes show as typed: shortcodes, Liquid and HTML in them appear as text/,
    );
    for (const undo of mounted.splice(0)) undo();
    document.body.innerHTML = '';
    await saveSettings(settings, { ...defaultSettings, exportLiveNotes: true });
    const live = await open(api, `#post/${post.id}/export`);
    await until(() => /^Notes are live/.test(live.querySelector('.notes-mode')?.textContent ?? ''));
  });
});
