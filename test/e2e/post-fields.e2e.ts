// The post's fields in the library, typed as a user does, in Chromium and Firefox: the title,
// then at once the date (left typed only in part), author, tags, description, intro and
// closing, tabbing from one to the next without a pause. Every field's latest text must be
// stored; the date, which the browser reports as empty while it is typed in part, holds back
// only itself and says so.
import { describe, expect, it } from 'vitest';
import type { TestPage } from './browsers';
import { browsers, useBrowser } from './scenario';

interface Want {
  title: string;
  author: string;
  tags: string[];
  description: string;
  intro: string;
  closing: string;
}

/** In the page: whether the only post in the store holds `want` (read afresh on every call). */
async function storedHas(want: Want): Promise<boolean> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('talkmark');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const posts = await new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
    const req = db.transaction('posts').objectStore('posts').getAll();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  db.close();
  const post = posts[0];
  return (
    posts.length === 1 &&
    post !== undefined &&
    Object.entries(want).every(([k, v]) => JSON.stringify(post[k]) === JSON.stringify(v))
  );
}

describe.each(browsers)('post fields in %s', (name) => {
  const env = useBrowser(name);
  let page: TestPage;

  it('stores every field typed one right after another, the date left typed in part holding back only itself', async () => {
    page = await env.browser.newPage();
    await page.goto(env.browser.extensionUrl('library.html#posts'));
    await page.waitFor(() => document.querySelector('button.new-post'), null);
    await page.click('button.new-post');
    await page.waitFor(() => document.querySelector('form.post-meta input[name="title"]'), null);
    const stored = await page.evaluate(
      () => (document.querySelector('form.post-meta input[name="date"]') as HTMLInputElement).value,
      null,
    );
    await page.click('form.post-meta input[name="title"]');
    await page.evaluate(() => (document.activeElement as HTMLInputElement).select(), null);
    await page.type('Harbour Conf, day two');
    await page.press('Tab'); // the slug
    await page.press('Tab'); // the date's first part (the month)
    await page.press('Backspace'); // now typed in part: the box reads ''
    await page.click('form.post-meta input[name="author"]');
    await page.type('Ada Lovelace');
    await page.press('Tab');
    await page.type('compilers, services');
    await page.press('Tab'); // categories
    await page.press('Tab');
    await page.type('Small things, all day.');
    await page.press('Tab');
    await page.type('Day two was about **small things**.');
    await page.press('Tab');
    await page.type('See you next year.');

    const want: Want = {
      title: 'Harbour Conf, day two',
      author: 'Ada Lovelace',
      tags: ['compilers', 'services'],
      description: 'Small things, all day.',
      intro: 'Day two was about **small things**.',
      closing: 'See you next year.',
    };
    await page.waitFor(storedHas, want, 5000);
    const shown = await page.evaluate(
      () => ({
        date: (document.querySelector('form.post-meta input[name="date"]') as HTMLInputElement).value,
        problems: [...document.querySelectorAll('form.post-meta .field-problem')].map((e) => e.textContent),
      }),
      null,
    );
    expect(shown).toEqual({ date: '', problems: [expect.stringMatching(/date and time in full/)] });
    expect(stored).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await page.close();
  });
});
