// @vitest-environment happy-dom
// Library search as a user meets it: the top bar's box searches as you type (a moment after
// the last key, not only on Enter), and results show the note's words rendered, not its
// Markdown, with what matched highlighted.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/library/App';
import { HitText } from '../../../src/library/HitText';
import { parseRoute } from '../../../src/library/route';
import { mount, typeInto, until } from '../ui/dom';
import { harness, seed } from './helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

const marks = (root: HTMLElement) => [...root.querySelectorAll('mark')].map((m) => m.textContent);

describe('search results', () => {
  it('show the rendered words with the matches highlighted, not raw Markdown', () => {
    const root = mount(
      <HitText text="**Caching** beats _cleverness_, see [the cache docs](https://x.example)" query="cach" />,
    );
    expect(root.textContent).toBe('Caching beats cleverness, see the cache docs');
    expect(marks(root)).toEqual(['Caching', 'cache']);
  });

  it('match as the search does: any case, any accents, word prefixes only', () => {
    const root = mount(<HitText text="Résumé of the RESUMED talk; presume nothing" query="resume" />);
    expect(marks(root)).toEqual(['Résumé', 'RESUMED']);
  });

  it('keep hostile text as text, and show the part of a long note around the first match', () => {
    const hostile = mount(<HitText text={'<img src=x onerror=alert(1)> *evil* match'} query="match" />);
    expect(hostile.querySelector('img')).toBeNull();
    expect(hostile.textContent).toBe('<img src=x onerror=alert(1)> evil match');
    const long = mount(
      <HitText
        text={`${'filler words '.repeat(100)}the needle here ${'more '.repeat(100)}`}
        query="needle"
      />,
    );
    expect(long.textContent?.startsWith('… ')).toBe(true);
    expect(long.textContent?.endsWith(' …')).toBe(true);
    expect(marks(long)).toEqual(['needle']);
  });
});

describe('the top bar search', () => {
  it('opens the results as you type, without Enter', async () => {
    const { api, store } = harness();
    await seed(store);
    const go = vi.fn();
    const root = mount(<App api={api} route={parseRoute('#posts')} version={0} go={go} />);
    const box = root.querySelector('.top-search input') as HTMLInputElement;
    typeInto(box, 'cach');
    expect(go).not.toHaveBeenCalled();
    await until(() => go.mock.calls.length > 0);
    expect(go).toHaveBeenCalledWith({ view: 'search', query: 'cach' }, { replace: false });
  });
});
