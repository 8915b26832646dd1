// YouTube embeds and Vimeo in real browsers, under the sites' real host names: the browser
// goes through the test proxy, which tunnels www.youtube.com, www.youtube-nocookie.com,
// vimeo.com, player.vimeo.com and a blog to the fixture server over HTTPS (scenario.ts
// useBrowserWithSites), so the content script runs where the production manifest injects it
// (the YouTube embeds inside a blog's article) or where the user enables it from the popup
// (Vimeo). Notes and slides must land in the talk of the player they were taken in, with the
// site's video id and canonical URL, and a slide's pixels must be the frame on screen.
import { describe, expect, it } from 'vitest';
import type { TestBrowser, TestPage } from './browsers';
import {
  enableInPlayer,
  popupShowsPlayerTalk,
  slideAndNoteInPlayer,
  slideOfVideo,
  vimeoPlayer,
} from './embedded-player';
import { browsers, fixtureVideo, useBrowserWithSites } from './scenario';
import {
  clickInto,
  expectStoredFrame,
  inFrame,
  panelHere,
  popupOver,
  pressOnPage,
  seekHere,
  seekTo,
  storeReader,
  until,
  waitForEditor,
  waitForVideo,
} from './video-page-helpers';

const nocookie = 'https://www.youtube-nocookie.com/embed/sampleTalk1';
const youtube = 'https://www.youtube.com/embed/shortClip22';

interface FullTalk {
  id: string;
  site: string;
  url: string;
  videoId: string;
  title: string;
  speakers: Array<{ name: string; org?: string }>;
}

/** Opens the popup over `page`'s tab and uses "Take notes on this page", as after a toolbar click. */
async function enableFromPopup(browser: TestBrowser, page: TestPage): Promise<void> {
  const popup = await popupOver(
    browser,
    page,
    '.enable button.primary',
    'the popup offering to take notes on the page',
  );
  // The popup closes itself once the script is in.
  await popup
    .evaluate(() => (document.querySelector('.enable button.primary') as HTMLButtonElement).click(), null)
    .catch(() => undefined);
  await page.waitFor(() => document.querySelector('talkmark-panel'), null, 15000);
  await popup.close().catch(() => undefined);
}

describe.each(browsers)('YouTube embeds and Vimeo in %s', (name) => {
  const env = useBrowserWithSites(name);

  it('files notes and a slide from YouTube embeds in a blog article under each video', async () => {
    const { browser } = env;
    const store = await storeReader(browser);
    const page = await browser.newPage();
    const a = await fixtureVideo('sample-talk');
    const b = await fixtureVideo('short-clip');
    await page.goto(`https://talks-blog.example/pages/article.html?a=${a}&b=${b}`);
    await page.bringToFront();
    // The manifest injects into the embeds (all_frames), not into the blog.
    await inFrame(page, nocookie, panelHere, (r) => r.panel, 'the panel in the nocookie embed');
    await inFrame(page, youtube, panelHere, (r) => r.panel, 'the panel in the youtube.com embed');
    expect(await page.evaluate(() => document.querySelector('talkmark-panel') === null, null)).toBe(true);
    // The pages really came from the sites' host names, tunnelled to the fixtures.
    const tunnelled = env.proxy.log.filter((r) => r.method === 'CONNECT' && r.forwarded).map((r) => r.url);
    expect(tunnelled).toEqual(
      expect.arrayContaining([
        'talks-blog.example:443',
        'www.youtube-nocookie.com:443',
        'www.youtube.com:443',
      ]),
    );
    // Both panels have had time to open their talks, yet visiting adds no talk to the post: a
    // talk joins with its first note, quote or slide.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await store.talks()).filter((t) => ['sampleTalk1', 'shortClip22'].includes(t.videoId))).toEqual(
      [],
    );
    // A slide and a note in the first embed: the user clicks into the player, then uses keys.
    await page.frameEvaluate(nocookie, seekHere, 15);
    await clickInto(page, 'first');
    await page.press('s');
    const { talk: one, slide } = await slideOfVideo(store, 'sampleTalk1', 'the slide from the embed');
    expect(one).toMatchObject({
      site: 'youtube',
      url: 'https://www.youtube.com/watch?v=sampleTalk1',
      title: 'Shipping Small Things Fast',
      speakers: [{ name: 'Ada Example', org: 'Example Corp' }],
    });
    expect(slide?.time).toBeCloseTo(15, 0);
    await expectStoredFrame(store, slide?.imageId, 15);

    await page.press('n');
    await inFrame(page, nocookie, panelHere, (r) => r.editing, 'the note field in the embed');
    await page.type('said in the nocookie embed');
    await page.press('Enter');

    // The second embed, further down the article.
    await page.frameEvaluate(youtube, seekHere, 3);
    await clickInto(page, 'second');
    await page.press('n');
    await inFrame(page, youtube, panelHere, (r) => r.editing, 'the note field in the second embed');
    await page.type('said in the youtube.com embed');
    await page.press('Enter');

    const notes = await until(
      store.notes,
      // The exact texts: a note is stored while it is typed, so a prefix can be read first.
      (n) =>
        ['said in the nocookie embed', 'said in the youtube.com embed'].every((t) =>
          n.some((x) => x.text === t),
        ),
      'both notes, whole',
    );
    // The talk joined with its note; its title comes from the embed a moment later: wait for it.
    const two = (
      (await until(
        store.talks,
        (t) => t.some((x) => x.videoId === 'shortClip22' && x.title !== ''),
        'the second embed’s talk, with its title',
      )) as unknown as FullTalk[]
    ).find((t) => t.videoId === 'shortClip22');
    // No speaker in this title: the channel named in the embed's title bar is not a speaker.
    expect(two).toMatchObject({
      site: 'youtube',
      url: 'https://www.youtube.com/watch?v=shortClip22',
      title: 'Caching Without Tears',
      speakers: [],
    });
    const byText = (t: string) => notes.find((n) => n.text === t);
    expect(byText('said in the nocookie embed')).toMatchObject({ talkId: one?.id, kind: 'text' });
    expect(byText('said in the nocookie embed')?.time).toBeCloseTo(15, 0);
    expect(byText('said in the youtube.com embed')).toMatchObject({ talkId: two?.id, kind: 'text' });
    expect(byText('said in the youtube.com embed')?.time).toBeCloseTo(3, 0);

    // The export links each moment to the video on YouTube, not to the blog or the embed.
    const popup = await browser.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.waitFor(() => document.querySelector('button.export'), null);
    await popup.click('button.export');
    await popup.waitFor(
      () => (document.querySelector('textarea.exported') as HTMLTextAreaElement | null)?.value,
      null,
    );
    const markdown = await popup.evaluate(
      () => (document.querySelector('textarea.exported') as HTMLTextAreaElement).value,
      null,
    );
    expect(markdown).toContain('https://youtu.be/sampleTalk1?t=15');
    expect(markdown).toContain('https://youtu.be/shortClip22?t=3');
    expect(markdown).not.toContain('talks-blog.example');
    expect(markdown).not.toContain('youtube-nocookie');
    await popup.close();
    await store.close();
    await page.close();
  });

  it('takes notes on a Vimeo video page and its player once enabled from the popup', async () => {
    const { browser } = env;
    const store = await storeReader(browser);
    const video = await fixtureVideo('sample-talk');

    const page = await browser.newPage();
    await page.goto(`https://vimeo.com/123456789?src=${video}`);
    await waitForVideo(page);
    // Not injected by the manifest: nothing runs until the user asks.
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.evaluate(() => document.querySelector('talkmark-panel') === null, null)).toBe(true);
    await enableFromPopup(browser, page);
    await seekTo(page, 45);
    await pressOnPage(page, 's');
    const { talk, slide } = await slideOfVideo(store, '123456789', 'the Vimeo slide');
    // Title from og:title (without " on Vimeo"); the owner (JSON-LD) is not taken for a speaker.
    expect(talk).toMatchObject({
      site: 'vimeo',
      url: 'https://vimeo.com/123456789',
      title: 'Shipping Small Things Fast',
      speakers: [],
    });
    await expectStoredFrame(store, slide?.imageId, 45);
    await pressOnPage(page, 'n');
    await waitForEditor(page);
    await page.type('noted on vimeo.com');
    await page.press('Enter');
    await page.close();

    // The embed player, opened on its own: no og: tags, its title names the owner.
    const player = await browser.newPage();
    await player.goto(`https://player.vimeo.com/video/987654321?src=${await fixtureVideo('short-clip')}`);
    await waitForVideo(player);
    await enableFromPopup(browser, player);
    await seekTo(player, 4);
    await pressOnPage(player, 'n');
    await waitForEditor(player);
    await player.type('noted in the player');
    await player.press('Enter');

    const notes = await until(
      store.notes,
      (n) =>
        n.some((x) => x.text === 'noted in the player') && n.some((x) => x.text === 'noted on vimeo.com'),
      'both Vimeo notes',
    );
    const embedded = (
      (await until(
        store.talks,
        (t) => t.some((x) => x.videoId === '987654321' && x.title !== ''),
        'the player’s talk, with its title',
      )) as unknown as FullTalk[]
    ).find((t) => t.videoId === '987654321');
    // The player's title names the owner ("… from Bo Li"): an owner, not a speaker.
    expect(embedded).toMatchObject({
      site: 'vimeo',
      url: 'https://vimeo.com/987654321',
      title: 'Caching Without Tears',
      speakers: [],
    });
    expect(notes.find((n) => n.text === 'noted on vimeo.com')).toMatchObject({ talkId: talk?.id });
    expect(notes.find((n) => n.text === 'noted on vimeo.com')?.time).toBeCloseTo(45, 0);
    expect(notes.find((n) => n.text === 'noted in the player')).toMatchObject({ talkId: embedded?.id });
    expect(notes.find((n) => n.text === 'noted in the player')?.time).toBeCloseTo(4, 0);
    await store.close();
    await player.close();
  });

  // The test build holds <all_urls>, so the popup's request for player.vimeo.com is answered
  // at once without asking (Chromium can't grant a host permission without a prompt in a test):
  // this covers finding the player from the blog's top frame, the offer, the request made from
  // the click, and the injection into the player's frame only. The real grant (a build that
  // must ask) is in site-always.e2e.ts, in Firefox.
  it('enables Talkmark in a Vimeo player embedded in a blog post from the popup', async () => {
    const { browser } = env;
    const store = await storeReader(browser);
    const page = await browser.newPage();
    const id = '246813579';
    await page.goto(
      `https://talks-blog.example/pages/vimeo-article.html?id=${id}&src=${await fixtureVideo('sample-talk')}`,
    );
    await page.bringToFront();
    await page.frameEvaluate(vimeoPlayer, () => document.querySelector('video') !== null, null);
    // Nothing runs in the player (nor the blog) until the user asks.
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.frameEvaluate(vimeoPlayer, panelHere, null)).toEqual({ panel: false, editing: false });
    await enableInPlayer(browser, page);
    expect(env.proxy.log.some((r) => r.method === 'CONNECT' && r.url === 'player.vimeo.com:443')).toBe(true);
    await slideAndNoteInPlayer(store, page, id, 'noted in the embedded Vimeo player');
    await popupShowsPlayerTalk(browser, page, '1 note, 1 slide');

    // The export links the moment to the video on Vimeo, not to the blog or the player.
    const popup = await browser.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.waitFor(() => document.querySelector('button.export'), null);
    await popup.click('button.export');
    await popup.waitFor(
      () => (document.querySelector('textarea.exported') as HTMLTextAreaElement | null)?.value,
      null,
    );
    const markdown = await popup.evaluate(
      () => (document.querySelector('textarea.exported') as HTMLTextAreaElement).value,
      null,
    );
    expect(markdown).toContain(`https://vimeo.com/${id}#t=15s`);
    expect(markdown).not.toContain('talks-blog.example');
    expect(markdown).not.toContain('player.vimeo.com');
    await popup.close();
    await store.close();
    await page.close();
  });
});
