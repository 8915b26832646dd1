// A paste longer than a note holds, in the panel of a real browser: nothing of it is lost.
// What fits stays in the note, the rest goes on in a new note at the same moment, open in
// the box to type on, and the panel says so. (The paste is delivered as the input event a
// paste raises in the note's box: the test can't use the system clipboard in both browsers.)
import { describe, expect, it } from 'vitest';
import { browsers, fixtureVideo, useBrowser } from './scenario';
import { startNote, waitForPanel } from './video-page';
import { storeReader, until } from './video-page-helpers';

describe.each(browsers)('a long paste in %s', (name) => {
  const env = useBrowser(name);

  it('keeps all of a 120,000-character paste, split into notes that fit', async () => {
    const { browser, server } = env;
    const page = await browser.newPage();
    await page.goto(`${server.origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`);
    await waitForPanel(page);
    await page.bringToFront();
    await startNote(page);
    await page.type('Before the paste: ');
    const paste = 'the quick brown fox jumps over the lazy dog; '.repeat(2_700);
    await page.evaluate((text: string) => {
      const area = document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('textarea');
      if (!area) throw new Error('no note box');
      area.value += text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, paste);
    await page.waitFor(
      () =>
        document
          .querySelector('talkmark-panel')
          ?.shadowRoot?.querySelector('.notice')
          ?.textContent?.includes('went on in a new note'),
      null,
    );
    await page.type(' and after it.');
    await page.press('Enter');
    const whole = `Before the paste: ${paste} and after it.`;
    const store = await storeReader(browser);
    const notes = await until(
      store.notes,
      (n) =>
        n
          .filter((x) => x.text.length > 0)
          .sort((a, b) => (a.text.startsWith('Before') ? -1 : b.text.startsWith('Before') ? 1 : 0))
          .map((x) => x.text)
          .join('') === whole,
      'the whole text, in notes',
    );
    const kept = notes.filter((x) => x.text.length > 0);
    expect(kept).toHaveLength(2);
    for (const n of kept) expect(n.text.length).toBeLessThanOrEqual(100_000);
    expect(new Set(kept.map((n) => Math.round(n.time)))).toHaveProperty('size', 1);
  });
});
