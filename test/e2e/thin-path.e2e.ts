// The thin path through the whole product: a note typed on a video page lands in the
// extension's IndexedDB, the popup lists it, and the Markdown export links to its moment.
import { describe, expect, it } from 'vitest';
import { browsers, fixtureVideo, readStore, useBrowser } from './scenario';

interface StoredNote {
  id: string;
  talkId: string;
  time: number;
  text: string;
}
interface StoredTalk {
  id: string;
  url: string;
}

describe.each(browsers)('thin path in %s', (name) => {
  const env = useBrowser(name);

  it('saves a note typed at 0:42, lists it in the popup and exports it with a link to 0:42', async () => {
    const { browser, server } = env;
    const page = await browser.newPage();
    const pageUrl = `${server.origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`;
    await page.goto(pageUrl);
    await page.waitFor(() => (document.querySelector('video')?.readyState ?? 0) >= 2, null, 20000);
    await page.waitFor(
      () => document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.talk-title'),
      null,
    );
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const v = document.querySelector('video') as HTMLVideoElement;
          v.addEventListener('seeked', () => resolve(), { once: true });
          v.currentTime = 42;
        }),
      null,
    );
    await page.waitFor(
      () =>
        document
          .querySelector('talkmark-panel')
          ?.shadowRoot?.querySelector('.talk-title')
          ?.textContent?.includes('Shipping'),
      null,
    );

    await page.press('n');
    await page.waitFor(
      () => document.querySelector('talkmark-panel')?.shadowRoot?.activeElement?.tagName === 'TEXTAREA',
      null,
    );
    await page.type('Caching beats cleverness');
    await page.press('Enter');
    await page.waitFor(
      () =>
        document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.note .text')?.textContent ===
        'Caching beats cleverness',
      null,
    );

    const popup = await browser.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.waitFor(
      () => document.querySelector('.note .text')?.textContent === 'Caching beats cleverness',
      null,
    );
    const notes = (await popup.evaluate(readStore, 'notes')) as StoredNote[];
    const talks = (await popup.evaluate(readStore, 'talks')) as StoredTalk[];
    const note = notes.find((n) => n.text === 'Caching beats cleverness');
    expect(note).toBeDefined();
    expect(note?.time).toBeCloseTo(42, 0);
    const talk = talks.find((t) => t.id === note?.talkId);
    expect(talk?.url).toBe(pageUrl);

    await popup.click('button.export');
    await popup.waitFor(
      () => (document.querySelector('textarea.exported') as HTMLTextAreaElement | null)?.value,
      null,
    );
    const markdown = await popup.evaluate(
      () => (document.querySelector('textarea.exported') as HTMLTextAreaElement).value,
      null,
    );
    expect(markdown).toContain('Caching beats cleverness');
    expect(markdown).toContain(`${pageUrl}#t=42`);
    await popup.close();
    await page.close();
  });
});
