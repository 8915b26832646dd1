// @vitest-environment happy-dom
// The popup over a real (fake-indexeddb) store: counts come from the index, the tab's talk is
// found by its video, only the latest notes are listed, and the quick actions call out.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupActions } from '../../../src/popup/Popup';
import { tabVideo } from '../../../src/popup/tab-video';
import { openLibraryQueries } from '../../../src/store';
import { harness, must, seed } from '../library/helpers';
import { byText, click, mount, typeInto, until } from '../ui/dom';

afterEach(() => {
  document.body.innerHTML = '';
});

const actions = (): PopupActions => ({
  newPost: vi.fn(async () => true),
  switchPost: vi.fn(),
  openLibrary: vi.fn(),
  enableHere: vi.fn(),
  enableSite: vi.fn(),
  enablePlayer: vi.fn(),
  disablePlayer: vi.fn(),
  disableSite: vi.fn(),
  toggleAutoCapture: vi.fn(),
  exportMarkdown: vi.fn(),
});

/** The popup over an empty library, on a page it can take notes on. */
const mountEmpty = (a: PopupActions) =>
  mount(
    <Popup
      data={{
        summary: {
          active: undefined,
          counts: { talks: 0, notes: 0, slides: 0 },
          recent: [],
          here: undefined,
          latest: undefined,
        },
        canEnableHere: true,
      }}
      actions={a}
      status={null}
      exported={null}
    />,
  );

describe('popup', () => {
  it('finds the tab talk by its YouTube id and counts notes per talk', async () => {
    const h = harness();
    const { post, talks } = await seed(h.store);
    // A connection of its own over the same database, as the popup opens it.
    const queries = openLibraryQueries({ name: h.name });
    const summary = must(await queries.popup(tabVideo('https://www.youtube.com/watch?v=AAAAAAAAAAA&t=5')));
    expect(summary.active?.id).toBe(post.id);
    expect(summary.counts).toEqual({ talks: 2, notes: 4, slides: 1 });
    expect(summary.here?.talk.id).toBe(talks[0].id);
    expect(summary.here?.noteCount).toBe(3);
    expect(summary.here?.slideCount).toBe(1);
    expect(summary.latest?.notes.map((n) => n.time)).toEqual([42, 90, 120]);

    const a = actions();
    const root = mount(
      <Popup data={{ summary, canEnableHere: false }} actions={a} status={null} exported={null} />,
    );
    expect(root.querySelector('h1')?.textContent).toBe('KubeCon Day 2');
    expect(root.querySelector('.summary')?.textContent).toBe('2 talks, 3 notes, 1 slide');
    expect(root.querySelector('.here-count')?.textContent).toBe('2 notes, 1 slide');
    click(root.querySelector('.auto-capture button'));
    expect(a.toggleAutoCapture).toHaveBeenCalled();
    click(root.querySelector('button.export-dialog'));
    expect(a.openLibrary).toHaveBeenCalledWith(`post/${post.id}/export`);
  });

  it('offers to take notes on a page with no talk yet, and to keep Talkmark on its site', async () => {
    const h = harness();
    await seed(h.store);
    const summary = must(
      await openLibraryQueries({ name: h.name }).popup(tabVideo('https://conf.example/talks/1')),
    );
    const a = actions();
    const root = mount(
      <Popup
        data={{ summary, canEnableHere: true, site: 'conf.example' }}
        actions={a}
        status={null}
        exported={null}
      />,
    );
    expect(root.querySelector('.auto-capture')).toBeNull();
    const buttons = Array.from(root.querySelectorAll('.enable button'));
    expect(buttons.map((b) => b.textContent)).toEqual(['Take notes on this page', 'Always on conf.example']);
    expect(buttons[1]?.getAttribute('aria-pressed')).toBe('false');
    click(buttons[1] ?? null);
    expect(a.enableSite).toHaveBeenCalled();
    expect(a.disableSite).not.toHaveBeenCalled();
  });

  it('shows the site allowed for good as pressed, beside the tab’s talk, and a press gives it back', async () => {
    const h = harness();
    await seed(h.store);
    const summary = must(
      await openLibraryQueries({ name: h.name }).popup(tabVideo('https://youtu.be/AAAAAAAAAAA')),
    );
    expect(summary.here).toBeDefined();
    const a = actions();
    const root = mount(
      <Popup
        data={{ summary, canEnableHere: true, site: 'conf.example', siteAlways: true }}
        actions={a}
        status={null}
        exported={null}
      />,
    );
    const toggle = root.querySelector('button.site-always');
    expect(toggle?.textContent).toBe('Always on conf.example');
    expect(toggle?.getAttribute('aria-pressed')).toBe('true');
    click(toggle);
    expect(a.disableSite).toHaveBeenCalled();
    expect(a.enableSite).not.toHaveBeenCalled();
  });

  it('offers each embedded player of another origin, and its grant for good as pressed', async () => {
    const h = harness();
    await seed(h.store);
    const summary = must(
      await openLibraryQueries({ name: h.name }).popup(tabVideo('https://talks-blog.example/post')),
    );
    const vimeo = {
      host: 'player.vimeo.com',
      src: 'https://player.vimeo.com/video/1',
      pattern: '*://player.vimeo.com/*',
      service: 'Vimeo',
    };
    const other = {
      host: 'media.example',
      src: 'https://media.example/embed/2',
      pattern: '*://media.example/*',
    };
    const a = actions();
    const root = mount(
      <Popup
        data={{
          summary,
          canEnableHere: true,
          site: 'talks-blog.example',
          players: [
            { ...vimeo, always: false },
            { ...other, always: true },
          ],
        }}
        actions={a}
        status={null}
        exported={null}
      />,
    );
    const [v, m] = Array.from(root.querySelectorAll<HTMLElement>('.player'));
    expect(v?.querySelector('p')?.textContent).toBe('This page plays a Vimeo video in an embedded player.');
    expect(v?.querySelector('.small')?.textContent).toContain('Asks to read player.vimeo.com.');
    expect(v?.querySelector('button.player-always')).toBeNull();
    expect(m?.querySelector('p')?.textContent).toBe(
      'This page plays a video from media.example in an embedded player.',
    );
    expect(m?.querySelector('button.player-always')?.getAttribute('aria-pressed')).toBe('true');
    click(v?.querySelector('button.enable-player'));
    expect(a.enablePlayer).toHaveBeenCalledWith({ ...vimeo, always: false });
    expect(v?.querySelector('button.enable-player')?.textContent).toBe('Enable Talkmark in the Vimeo player');
    click(m?.querySelector('button.player-always'));
    expect(a.disablePlayer).toHaveBeenCalledWith({ ...other, always: true });
    expect(a.enableSite).not.toHaveBeenCalled();
  });

  it('without a known tab, lists the latest notes of the active post’s last talk, in the other post too', async () => {
    const h = harness();
    const { post, talks } = await seed(h.store);
    const queries = openLibraryQueries({ name: h.name });
    const other = must(await h.store.posts.create({ title: 'Another day' }));
    const summary = must(await queries.popup(undefined, 5, 2));
    expect(summary.here).toBeUndefined();
    expect(summary.latest?.talk.id).toBe(talks[1].id);
    expect(summary.latest?.notes.map((n) => n.text)).toEqual(['Traces over logs']);
    expect(summary.recent.map((p) => p.id)).toEqual([other.id]);
    // A talk moved to the other post: the tab's talk is still found, and named with its post.
    must(
      await h.store.talks.move(talks[0].id, { postId: other.id, sectionId: other.sections[0]?.id as never }),
    );
    const moved = must(await queries.popup(tabVideo('https://youtu.be/AAAAAAAAAAA'), 5, 2));
    expect(moved.counts).toEqual({ talks: 1, notes: 1, slides: 0 });
    expect(moved.here?.post?.id).toBe(other.id);
    expect(moved.here?.noteCount).toBe(3);
    expect(moved.latest?.notes.map((n) => n.time)).toEqual([90, 120]);
    expect(must(await queries.popup(undefined)).active?.id).toBe(post.id);
    queries.close();
  });

  it('reads the same while the tab is still on its way as with the tab known', async () => {
    const h = harness();
    await seed(h.store);
    const queries = openLibraryQueries({ name: h.name });
    for (const url of ['https://youtu.be/AAAAAAAAAAA', 'https://conf.example/talks/1', undefined]) {
      const known = must(await queries.popup(tabVideo(url), 5, 2));
      // The browser answers for the tab after the database: the tab's talk is read then.
      let answer: (tab: ReturnType<typeof tabVideo>) => void = () => {};
      const later = new Promise<ReturnType<typeof tabVideo>>((resolve) => {
        answer = resolve;
      });
      const pending = queries.popup(later, 5, 2);
      await new Promise((r) => setTimeout(r, 20));
      answer(tabVideo(url));
      expect(must(await pending)).toEqual(known);
    }
    queries.close();
  });

  it('creates a post from the title typed in', () => {
    const a = actions();
    const root = mountEmpty(a);
    expect(root.querySelector('.summary')?.textContent).toMatch(/first note/);
    click(root.querySelector('button.new-post'));
    // Focused as it appears: keys typed right after the click land in the title, not the page.
    expect(document.activeElement).toBe(root.querySelector('input[name="title"]'));
    typeInto(root.querySelector('input[name="title"]') as HTMLInputElement, 'DevConf Day 1');
    click(byText(root, 'button', 'Create'));
    expect(a.newPost).toHaveBeenCalledWith('DevConf Day 1');
    click(byText(root, 'button', 'Take notes on this page'));
    expect(a.enableHere).toHaveBeenCalled();
  });

  it('keeps the form and the title typed when the post could not be created', async () => {
    const a = actions();
    let answer: (created: boolean) => void = () => {};
    a.newPost = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const root = mountEmpty(a);
    click(root.querySelector('button.new-post'));
    const input = () => root.querySelector<HTMLInputElement>('input[name="title"]');
    typeInto(input() as HTMLInputElement, 'DevConf Day 2');
    click(byText(root, 'button', 'Create'));
    // A second press while the first is on its way creates nothing more.
    click(byText(root, 'button', 'Create'));
    expect(a.newPost).toHaveBeenCalledTimes(1);
    answer(false);
    await until(() => byText(root, 'button', 'Create')?.getAttribute('aria-disabled') === 'false');
    expect(input()?.value).toBe('DevConf Day 2');
    click(byText(root, 'button', 'Create'));
    expect(a.newPost).toHaveBeenCalledTimes(2);
    answer(true);
    await until(() => !input());
    expect(root.querySelector('button.new-post')).not.toBeNull();
  });

  it('keys generic pages by their URL without the fragment', () => {
    expect(tabVideo('http://127.0.0.1:8080/pages/generic.html?src=a.webm#t=4')).toEqual({
      site: 'generic',
      videoId: 'http://127.0.0.1:8080/pages/generic.html?src=a.webm',
    });
    expect(tabVideo('chrome://extensions')).toBeUndefined();
  });
});
