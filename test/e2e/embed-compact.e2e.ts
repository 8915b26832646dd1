// The panel inside small YouTube embeds, in real browsers, under the sites' real host names
// (the blog's article with a youtube-nocookie embed of 640×360, then of 400×225; the set-up of
// sites.e2e.ts). There the usual 320 px overlay would cover the middle of the picture, so the
// panel is a bar along the top of the frame: folded, opened, with the note box open and while
// typing, with the notes list open and after a slide capture, what the user sees in the middle
// third of the picture (a grid of points, hit-tested in the frame) must be the video. Notes typed
// there land in the embed's talk, and the box closes on Enter and on Esc, giving the keys back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestPage } from './browsers';
import { browsers, fixtureVideo, useBrowserWithSites } from './scenario';
import { clickInto, storeReader, until } from './video-page-helpers';

const nocookie = 'https://www.youtube-nocookie.com/embed/sampleTalk1';
const root = path.resolve(import.meta.dirname, '../..');
const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface Cover {
  size: string | null;
  shown: 'tab' | 'panel' | 'none';
  /** The note box has the focus. */
  editing: boolean;
  /** Points of the video's middle third (a 7×7 grid) where the topmost thing is not the video. */
  blocked: string[];
  /** How far down what we show reaches, and where the video's middle third begins. */
  reach: number;
  middleTop: number;
  /** The note box is inside the frame and the topmost thing at its own middle. */
  editorVisible: boolean;
  /** What the bar or the folded tab says about the last slide captured. */
  flash: string;
  /** Whether the notes list is open, and its text. */
  listOpen: boolean;
  list: string;
  /** What has the focus in the frame: our panel's control (by class), or the page's element. */
  focus: string;
}

/** In the embed's frame: what the panel shows and whether any of it covers the picture's middle. */
function coverage(): Cover {
  const host = document.querySelector('talkmark-panel') as HTMLElement | null;
  const shadow = host?.shadowRoot ?? null;
  const video = document.querySelector('video') as HTMLVideoElement;
  const v = video.getBoundingClientRect();
  const mid = {
    left: v.left + v.width / 3,
    right: v.right - v.width / 3,
    top: v.top + v.height / 3,
    bottom: v.bottom - v.height / 3,
  };
  const blocked: string[] = [];
  for (let i = 0; i <= 6; i++) {
    for (let j = 0; j <= 6; j++) {
      const x = Math.min(mid.left + ((mid.right - mid.left) * i) / 6, innerWidth - 1);
      const y = Math.min(mid.top + ((mid.bottom - mid.top) * j) / 6, innerHeight - 1);
      const el = document.elementFromPoint(x, y);
      if (el !== video) blocked.push(`${Math.round(x)},${Math.round(y)}: ${el?.tagName ?? 'nothing'}`);
    }
  }
  const shown = shadow?.querySelectorAll<HTMLElement>('.panel, .tab, .floating > *') ?? [];
  let reach = 0;
  for (const el of shown) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) reach = Math.max(reach, r.bottom);
  }
  const area = shadow?.querySelector('textarea') ?? null;
  const a = area?.getBoundingClientRect();
  const active = shadow?.activeElement ?? null;
  return {
    size: host?.getAttribute('data-size') ?? null,
    shown: shadow?.querySelector('.panel') ? 'panel' : shadow?.querySelector('.tab') ? 'tab' : 'none',
    editing: active?.tagName === 'TEXTAREA',
    blocked,
    reach,
    middleTop: mid.top,
    editorVisible:
      a !== undefined &&
      a.width > 100 &&
      a.height > 0 &&
      a.left >= 0 &&
      a.top >= 0 &&
      a.right <= innerWidth &&
      a.bottom <= innerHeight &&
      shadow?.elementFromPoint(a.left + a.width / 2, a.top + a.height / 2) === area,
    flash: shadow?.querySelector('.flash')?.textContent ?? '',
    listOpen: shadow?.querySelector('.notes-toggle')?.getAttribute('aria-expanded') === 'true',
    list: shadow?.querySelector('#tm-drawer .notes')?.textContent ?? '',
    focus: active
      ? `panel:${active.className || active.tagName}`
      : `page:${document.activeElement?.id || document.activeElement?.tagName}`,
  };
}

/** In the frame: seeks the video to `t` and pauses there. */
function seekHere(t: number): Promise<void> {
  return new Promise((resolve) => {
    const v = document.querySelector('video') as HTMLVideoElement;
    v.pause();
    if (Math.abs(v.currentTime - t) < 0.01) return resolve();
    v.addEventListener('seeked', () => resolve(), { once: true });
    v.currentTime = t;
  });
}

/** In the frame: focuses a control of the panel, for the keyboard. */
function focusInPanel(sel: string): boolean {
  const el = document.querySelector('talkmark-panel')?.shadowRoot?.querySelector<HTMLElement>(sel);
  el?.focus();
  return Boolean(el);
}

const runAxe = new Function(
  'selector',
  `${axeSource}
  ;return axe.run(document.querySelector(selector), { resultTypes: ['violations'] }).then((r) =>
    r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) })));`,
) as (selector: string) => Promise<unknown[]>;

const look = (page: TestPage) => page.frameEvaluate(nocookie, coverage, null);
const lookUntil = (page: TestPage, ok: (c: Cover) => boolean, what: string) =>
  until(
    () => look(page).catch(() => undefined as unknown as Cover),
    (c) => c !== undefined && ok(c),
    what,
  );

/** Nothing of the panel in the middle third of the picture, and all of it above that third. */
function expectClear(c: Cover, when: string): void {
  expect(c.blocked, `${when}: points of the middle covered`).toEqual([]);
  expect(c.reach, `${when}: the panel reaches into the middle`).toBeLessThanOrEqual(c.middleTop);
}

describe.each(browsers)('the panel in small YouTube embeds in %s', (name) => {
  const env = useBrowserWithSites(name);

  it.each([
    [640, 360, 'compact'],
    [400, 225, 'tiny'],
  ])('keeps off the middle of a %i×%i embed while the user notes', async (w, h, size) => {
    const { browser } = env;
    const store = await storeReader(browser);
    const page = await browser.newPage();
    const a = await fixtureVideo('sample-talk');
    const b = await fixtureVideo('short-clip');
    await page.goto(`https://talks-blog.example/pages/article.html?a=${a}&b=${b}&w=${w}&h=${h}`);
    await page.bringToFront();
    // Folded to its tab at first, clear of the middle.
    const folded = await lookUntil(page, (c) => c.shown === 'tab' && c.size === size, `the ${size} tab`);
    expectClear(folded, 'folded');

    // The user clicks into the player and presses n: a one-line box in the bar along the top.
    await page.frameEvaluate(nocookie, seekHere, 15);
    // n only once the focus is in the player's frame: a key pressed before goes to the blog.
    await clickInto(page, 'first');
    await page.press('n');
    const open = await lookUntil(page, (c) => c.editing, 'the note box in the embed');
    expect(open).toMatchObject({ shown: 'panel', size, editorVisible: true });
    expectClear(open, 'note box open');
    await page.type(`typed in the ${w} embed`);
    const typing = await look(page);
    expect(typing).toMatchObject({ editing: true, editorVisible: true });
    expectClear(typing, 'while typing');
    // The panel passes an accessibility check as it is now: labelled, with readable contrast.
    expect(await page.frameEvaluate(nocookie, runAxe, 'talkmark-panel')).toEqual([]);
    await page.type(' and saved');
    await page.press('Enter');
    // Enter saves and closes the box; the keys are the page's again.
    const saved = await lookUntil(page, (c) => !c.editing && c.shown === 'panel', 'the box closed by Enter');
    expect(saved.focus).toMatch(/^page:/);
    expectClear(saved, 'after Enter');
    const first = (
      await until(
        store.notes,
        (n) => n.some((x) => x.text === `typed in the ${w} embed and saved`),
        'the note typed in the embed',
      )
    ).find((x) => x.text === `typed in the ${w} embed and saved`);
    // The talk joined the post with this first note.
    const talk = (
      await until(
        store.talks,
        (t) => t.some((x) => x.videoId === 'sampleTalk1' && x.title),
        'the talk of the note, with its title',
      )
    ).find((x) => x.videoId === 'sampleTalk1' && x.title);
    expect(first).toMatchObject({ talkId: talk?.id, kind: 'text' });
    expect(first?.time).toBeCloseTo(15, 0);

    // The notes list opens by keyboard behind its toggle, still above the middle; Esc closes it.
    expect(await page.frameEvaluate(nocookie, focusInPanel, '.notes-toggle')).toBe(true);
    await page.press('Enter');
    const listed = await lookUntil(page, (c) => c.listOpen, 'the notes list');
    expect(listed.list).toContain(`typed in the ${w} embed and saved`);
    expectClear(listed, 'notes list open');
    expect(await page.frameEvaluate(nocookie, runAxe, 'talkmark-panel')).toEqual([]);
    await page.press('Escape');
    const closed = await lookUntil(page, (c) => !c.listOpen, 'the notes list closed by Esc');
    expect(closed.focus).toBe('panel:notes-toggle');

    // h folds the panel; a slide captured then is announced beside the tab, off the middle.
    await page.press('h');
    await lookUntil(page, (c) => c.shown === 'tab', 'the folded tab');
    await page.frameEvaluate(nocookie, seekHere, 45);
    await page.press('s');
    const flashed = await lookUntil(
      page,
      (c) => /Slide at 0:45 (saving…|saved)/.test(c.flash),
      'word of the slide beside the tab',
    );
    expect(flashed.shown).toBe('tab');
    expectClear(flashed, 'slide captured');
    await until(
      store.notes,
      (n) => n.some((x) => x.talkId === talk?.id && x.kind === 'slide' && Math.abs(x.time - 45) < 1),
      'the slide',
    );
    // The word goes after a moment.
    await lookUntil(page, (c) => c.flash === '', 'the word of the slide gone');

    // Esc closes a box with text in it and keeps the note; the tab stays clear meanwhile.
    await page.frameEvaluate(nocookie, seekHere, 30);
    await page.press('n');
    const again = await lookUntil(page, (c) => c.editing, 'the note box again');
    expectClear(again, 'note box opened from the tab');
    await page.type(`kept by Esc in the ${w} embed`);
    await page.press('Escape');
    const escaped = await lookUntil(page, (c) => !c.editing, 'the box closed by Esc');
    expect(escaped.focus).toMatch(/^page:/);
    const kept = (
      await until(
        store.notes,
        (n) => n.some((x) => x.text === `kept by Esc in the ${w} embed`),
        'the note kept by Esc',
      )
    ).find((x) => x.text === `kept by Esc in the ${w} embed`);
    expect(kept).toMatchObject({ talkId: talk?.id, kind: 'text' });
    expect(kept?.time).toBeCloseTo(30, 0);
    await store.close();
    await page.close();
  });
});
