// The video page in real browsers: a YouTube-like watch page with single-page navigation
// (notes land in the talk now playing, a draft stays with the talk it was started in), ads,
// quotes, keys that stay out of the page's inputs, inline edit/delete/undo by keyboard, a
// hostile title, and a page whose own script forges our keys and messages.
// Browser commands (talkmarkRunCommand) are run from Chromium's service worker only: Firefox's
// background page can't be evaluated over WebDriver BiDi, so there the in-page keys are tested.
import { describe, expect, it } from 'vitest';
import { browsers, fixtureVideo, useBrowser } from './scenario';
import {
  focusInNote,
  panelCount,
  panelFocus,
  panelText,
  pressOnPage,
  seekTo,
  storeReader,
  until,
  waitForEditor,
  waitForTalk,
  waitForVideo,
} from './video-page-helpers';

// The titles Talkmark keeps: the page's title without the speakers it names.
const talkOne = 'Shipping Small Things Fast';
const talkTwo = 'Caching Without Tears';
const hostileTitle =
  '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> Talk & "Co" - Eve <b>Bold</b>';

describe.each(browsers)('video page in %s', (name) => {
  const env = useBrowser(name);

  it('files notes in the talk now playing across single-page navigation, never during an ad', async () => {
    const { browser, server } = env;
    const files = `${await fixtureVideo('sample-talk')},${await fixtureVideo('short-clip')}`;
    const page = await browser.newPage();
    await page.goto(`${server.origin}/youtube/watch?v=sampleTalk1&files=${files}`);
    await waitForVideo(page);
    await waitForTalk(page, talkOne);

    // Docked on top of the recommendations, beside the player and not over it.
    const layout = await page.evaluate(() => {
      const host = document.querySelector('talkmark-panel') as HTMLElement;
      const p = host.getBoundingClientRect();
      const v = (document.querySelector('#movie_player') as HTMLElement).getBoundingClientRect();
      const overlaps = p.left < v.right && p.right > v.left && p.top < v.bottom && p.bottom > v.top;
      return { parent: host.parentElement?.id, mode: host.dataset.mode, overlaps };
    }, null);
    expect(layout).toEqual({ parent: 'secondary-inner', mode: 'docked', overlaps: false });

    await seekTo(page, 5);
    await pressOnPage(page, 'n');
    await waitForEditor(page);
    await page.type('first talk note');
    await page.press('Enter');
    await page.waitFor(panelText, '.note .text');

    // A draft started on talk one, then the page moves to talk two while it is typed.
    await seekTo(page, 8);
    await pressOnPage(page, 'n');
    await waitForEditor(page);
    await page.type('draft started on talk one');
    await page.evaluate(
      () =>
        (window as unknown as { fixture: { navigate(id: string): void } }).fixture.navigate('shortClip22'),
      null,
    );
    await waitForTalk(page, talkTwo);
    // The draft's label may render a moment after the new talk's title: wait for it.
    await page.waitFor(
      (t) =>
        document
          .querySelector('talkmark-panel')
          ?.shadowRoot?.querySelector('.draft-talk')
          ?.textContent?.includes(t),
      talkOne,
    );
    expect(await page.evaluate(panelText, '.draft-talk')).toContain(talkOne);
    await page.type(' and finished on two');
    await page.press('Enter');

    await waitForVideo(page);
    await seekTo(page, 3);
    await pressOnPage(page, 'n');
    await waitForEditor(page);
    await page.type('second talk note');
    await page.press('Enter');

    const store = await storeReader(browser);
    // The exact texts: notes are stored as they are typed, so three notes (some still a prefix
    // of what was typed) are in the store before the last keys are.
    const texts = ['first talk note', 'draft started on talk one and finished on two', 'second talk note'];
    const notes = await until(
      store.notes,
      (n) => texts.every((t) => n.some((x) => x.text === t)),
      'the three notes, whole',
    );
    // Talk two's title is stored a moment after its first note: wait for a title, then check it.
    const talks = await until(
      store.talks,
      (t) => t.some((x) => x.videoId === 'shortClip22' && x.title !== ''),
      'talk two with its title',
    );
    const one = talks.find((t) => t.videoId === 'sampleTalk1');
    const two = talks.find((t) => t.videoId === 'shortClip22');
    // The title appears 400 ms after the URL: talk two must not get talk one's title.
    expect(one?.title).toBe(talkOne);
    expect(two?.title).toBe(talkTwo);
    expect(two?.speakers).toEqual([{ name: 'Bo Li', org: 'Cache Co' }]);
    const byText = (t: string) => notes.find((n) => n.text === t);
    expect(byText('first talk note')?.talkId).toBe(one?.id);
    expect(byText('draft started on talk one and finished on two')?.talkId).toBe(one?.id);
    expect(byText('draft started on talk one and finished on two')?.time).toBeCloseTo(8, 0);
    expect(byText('second talk note')?.talkId).toBe(two?.id);
    expect(byText('second talk note')?.time).toBeCloseTo(3, 0);

    // During an ad: nothing is noted or captured, and the panel says why.
    await page.evaluate(
      () => (window as unknown as { fixture: { setAd(on: boolean): void } }).fixture.setAd(true),
      null,
    );
    await pressOnPage(page, 'n');
    await pressOnPage(page, 's');
    await page.waitFor(() => {
      const t = document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.notice')?.textContent;
      return t?.includes('ad');
    }, null);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await page.evaluate(panelCount, '.composer')).toBe(0);
    expect((await store.notes()).length).toBe(notes.length);
    await page.evaluate(
      () => (window as unknown as { fixture: { setAd(on: boolean): void } }).fixture.setAd(false),
      null,
    );

    // The caption on screen becomes a quote attributed to the talk's speaker.
    await page.evaluate(
      () =>
        (window as unknown as { fixture: { setCaption(t: string): void } }).fixture.setCaption(
          'Caches are promises',
        ),
      null,
    );
    await seekTo(page, 12);
    await pressOnPage(page, 'q');
    await waitForEditor(page);
    // The quote is typed in its own row, at its moment in the list, and that row is in view.
    const placed = await page.evaluate(() => {
      const root = document.querySelector('talkmark-panel')?.shadowRoot;
      const area = root?.activeElement as HTMLElement | null | undefined;
      const row = area?.closest('li');
      const list = root?.querySelector('.notes');
      if (!area || !row || !list) return null;
      const r = area.getBoundingClientRect();
      const l = list.getBoundingClientRect();
      return {
        inQuoteRow: row.classList.contains('note-quote') && row.parentElement === list,
        inView: r.top >= l.top - 1 && r.bottom <= l.bottom + 1 && r.top >= 0 && r.bottom <= innerHeight,
      };
    }, null);
    expect(placed).toEqual({ inQuoteRow: true, inView: true });
    await page.press('Enter');
    const quote = (
      await until(
        store.notes,
        (n) => n.some((x) => x.kind === 'quote' && x.text === 'Caches are promises'),
        'the quote, whole',
      )
    ).find((n) => n.kind === 'quote');
    expect(quote).toMatchObject({ text: 'Caches are promises', speaker: 'Bo Li', talkId: two?.id });

    // Keys typed in the page's own input are the page's.
    await page.evaluate(() => (document.getElementById('search') as HTMLInputElement).focus(), null);
    await page.type('nsq');
    expect(
      await page.evaluate(() => (document.getElementById('search') as HTMLInputElement).value, null),
    ).toBe('nsq');
    expect(await page.evaluate(panelCount, '.composer')).toBe(0);
    await page.evaluate(() => (document.activeElement as HTMLElement).blur(), null);
    await store.close();
    await page.close();
  });

  it('edits, deletes and restores a note by keyboard, seeks from a time, and shows a hostile title as text', async () => {
    const { browser, server } = env;
    const files = `${await fixtureVideo('sample-talk')},${await fixtureVideo('short-clip')}`;
    const page = await browser.newPage();
    await page.goto(`${server.origin}/youtube/watch?v=sampleTalk1&files=${files}&theme=dark`);
    await waitForVideo(page);
    await waitForTalk(page, talkOne);
    expect(
      await page.evaluate(() => {
        const host = document.querySelector('talkmark-panel') as HTMLElement;
        const panel = host.shadowRoot?.querySelector('.panel') as HTMLElement;
        return [host.dataset.theme, getComputedStyle(panel).backgroundColor];
      }, null),
    ).toEqual(['dark', 'rgb(33, 33, 33)']);

    await seekTo(page, 20);
    await pressOnPage(page, 'n');
    await waitForEditor(page);
    await page.type('to be edited');
    await page.press('Enter');
    await page.waitFor(panelText, '.note .text');

    const store = await storeReader(browser);
    // Firefox sends keys to a control focused by script only in the tab in front.
    await page.bringToFront();
    // The row shows the stored text once the store's answer comes back: wait for it.
    await page.waitFor(focusInNote, { text: 'to be edited', button: '.edit' });
    await page.press('Enter');
    await page.waitFor(
      () => document.querySelector('talkmark-panel')?.shadowRoot?.activeElement?.tagName === 'TEXTAREA',
      null,
    );
    await page.press('End');
    await page.type(', then edited');
    await page.press('Enter');
    await until(store.notes, (n) => n.some((x) => x.text === 'to be edited, then edited'), 'the edit saved');

    const edited = 'to be edited, then edited';
    await page.waitFor(focusInNote, { text: edited, button: '.delete' });
    await page.press('Enter');
    await until(store.notes, (n) => !n.some((x) => x.text.startsWith('to be edited')), 'the delete');
    await page.waitFor(panelFocus, '.notice .undo');
    await page.press('Enter');
    await until(store.notes, (n) => n.some((x) => x.text === 'to be edited, then edited'), 'the undo');

    await seekTo(page, 60);
    await page.waitFor(focusInNote, { text: edited, button: '.time' });
    await page.press('Enter');
    await page.waitFor(
      () => Math.abs((document.querySelector('video') as HTMLVideoElement).currentTime - 20) < 1,
      null,
    );

    await page.evaluate(
      () =>
        (window as unknown as { fixture: { navigate(id: string): void } }).fixture.navigate('hostileXSS1'),
      null,
    );
    await waitForTalk(page, hostileTitle);
    const inside = await page.evaluate(() => {
      const root = document.querySelector('talkmark-panel')?.shadowRoot;
      return {
        elements: root?.querySelectorAll('img, script, b, i').length,
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      };
    }, null);
    expect(inside).toEqual({ elements: 0, pwned: null });
    // Visiting adds no talk to the post (a talk joins with its first note); the first note does.
    expect((await store.talks()).filter((x) => x.videoId === 'hostileXSS1')).toEqual([]);
    await pressOnPage(page, 'n');
    await waitForEditor(page);
    await page.type('noted on the hostile talk');
    await page.press('Enter');
    await until(
      store.notes,
      (n) => n.some((x) => x.text === 'noted on the hostile talk'),
      'the hostile talk note',
    );
    const talk = await until(
      store.talks,
      (t) => t.some((x) => x.videoId === 'hostileXSS1' && x.title !== ''),
      'the hostile talk',
    );
    expect(talk.find((x) => x.videoId === 'hostileXSS1')?.title).toBe(hostileTitle);

    if (name === 'chromium') {
      // Browser shortcuts reach the active tab through the background.
      await page.bringToFront();
      await browser.runCommand('add-note');
      await page.waitFor(
        () => document.querySelector('talkmark-panel')?.shadowRoot?.activeElement?.tagName === 'TEXTAREA',
        null,
      );
      await page.type('from a browser command');
      await page.press('Enter');
      const cmd = await until(
        store.notes,
        (n) => n.some((x) => x.text === 'from a browser command'),
        'the command note',
      );
      const hostile = (await store.talks()).find((t) => t.videoId === 'hostileXSS1');
      expect(cmd.find((x) => x.text === 'from a browser command')?.talkId).toBe(hostile?.id);
      await browser.runCommand('toggle-panel');
      await page.waitFor(
        () => document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.tab'),
        null,
      );
    }
    await store.close();
    await page.close();
  });

  it('ignores a page script that forges our keys, events and messages', async () => {
    const { browser, server } = env;
    const page = await browser.newPage();
    await page.goto(`${server.origin}/pages/hostile.html?src=${await fixtureVideo('short-clip')}`);
    await waitForVideo(page);
    await waitForTalk(page, 'Totally Normal Talk');
    const log = await page.evaluate(() => (window as unknown as { forge(): string[] }).forge(), null);
    expect(log).toContain('no runtime');
    await new Promise((r) => setTimeout(r, 1500));
    const store = await storeReader(browser);
    // Nothing forged added a note, nor (so) the talk to the post.
    expect((await store.talks()).filter((t) => t.title.startsWith('Totally Normal Talk'))).toEqual([]);
    expect(await page.evaluate(panelCount, '.composer')).toBe(0);
    expect(await page.evaluate(panelCount, '.tab')).toBe(0);

    // The same key pressed for real does capture: the forged ones were refused, not lost.
    await seekTo(page, 2);
    await pressOnPage(page, 's');
    const talk = (
      await until(
        store.talks,
        (t) => t.some((x) => x.title.startsWith('Totally Normal Talk')),
        'the talk, with its first slide',
      )
    ).find((t) => t.title.startsWith('Totally Normal Talk'));
    const slides = await until(
      store.notes,
      (n) => n.some((x) => x.talkId === talk?.id && x.kind === 'slide'),
      'the real slide',
    );
    expect(slides.filter((n) => n.talkId === talk?.id)).toHaveLength(1);
    await store.close();
    await page.close();
  });
});
