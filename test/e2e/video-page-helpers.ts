// Shared steps of the video-page and capture suites. Functions passed to `evaluate` run in
// the page, so each is self-contained (no closures over this module).
import { expect } from 'vitest';
import truth from '../fixtures/videos/ground-truth.json';
import type { TestBrowser, TestPage } from './browsers';
import { readStore } from './scenario';

export interface StoredNote {
  id: string;
  talkId: string;
  time: number;
  kind: string;
  text: string;
  speaker?: string;
  imageId?: string;
}
export interface StoredTalk {
  id: string;
  videoId: string;
  title: string;
  speakers: Array<{ name: string; org?: string }>;
}

/** Text of the first element matching `sel` inside the panel's (test-build, open) shadow root. */
export function panelText(sel: string): string | null {
  return document.querySelector('talkmark-panel')?.shadowRoot?.querySelector(sel)?.textContent ?? null;
}

/** How many elements match `sel` inside the panel. */
export function panelCount(sel: string): number {
  return document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll(sel).length ?? 0;
}

/** Focuses a panel control; the test then uses it by keyboard (Enter), as a keyboard-only user would. */
export function panelFocus(sel: string): boolean {
  const el = document.querySelector('talkmark-panel')?.shadowRoot?.querySelector<HTMLElement>(sel);
  el?.focus();
  return Boolean(el);
}

export async function waitForVideo(page: TestPage): Promise<void> {
  await page.waitFor(() => (document.querySelector('video')?.readyState ?? 0) >= 2, null, 20000);
}

export async function waitForTalk(page: TestPage, title: string): Promise<void> {
  await page.waitFor(
    (t) =>
      document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.talk-title')?.textContent === t,
    title,
    15000,
  );
}

/** Seeks the page's main video and pauses it there, once the frame is on screen. */
export async function seekTo(page: TestPage, seconds: number, selector = 'video'): Promise<void> {
  await page.evaluate(
    ([sel, t]) =>
      new Promise<void>((resolve) => {
        const v = document.querySelector(sel) as HTMLVideoElement;
        v.pause();
        if (Math.abs(v.currentTime - t) < 0.01) return resolve();
        v.addEventListener('seeked', () => resolve(), { once: true });
        v.currentTime = t;
      }),
    [selector, seconds] as [string, number],
  );
}

/** Presses a key with focus on the page body (not in any field). */
export async function pressOnPage(page: TestPage, key: string): Promise<void> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur?.();
  }, null);
  await page.press(key);
}

/** One extension page kept open to read the store. */
export async function storeReader(browser: TestBrowser) {
  const ext = await browser.newPage();
  await ext.goto(browser.extensionUrl('popup.html'));
  return {
    notes: async () => (await ext.evaluate(readStore, 'notes')) as StoredNote[],
    talks: async () => (await ext.evaluate(readStore, 'talks')) as StoredTalk[],
    page: ext,
    close: () => ext.close(),
  };
}

/**
 * Reads until `ok` holds and returns that read. The limit is a time, not a number of reads: on
 * a loaded machine one read (a store read from an extension page, a frame's evaluate) can take
 * seconds, and a count of reads then gave up long before the state had any chance to arrive.
 */
export async function until<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > end) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

/**
 * Opens the popup over `page`'s tab, as after a toolbar click, and returns it once painted and
 * showing `selector`. A test can't click the toolbar button: the popup's tab goes behind the
 * page's and reloads, so the tab it asks the browser for ("the active tab") is the page's.
 */
export async function popupOver(
  browser: TestBrowser,
  page: TestPage,
  selector: string,
  what: string,
): Promise<TestPage> {
  const popup = await browser.newPage();
  await popup.goto(browser.extensionUrl('popup.html'));
  await page.bringToFront();
  await popup.evaluate(() => location.reload(), null).catch(() => undefined);
  await until(
    () =>
      popup
        .evaluate(
          (sel) => Boolean(document.documentElement.dataset.painted) && Boolean(document.querySelector(sel)),
          selector,
        )
        .catch(() => false),
    Boolean,
    what,
  ).catch(async (e: Error) => {
    // What the popup showed, and how far its load got (its performance marks).
    const state = await popup
      .evaluate(
        () =>
          JSON.stringify({
            url: location.href,
            painted: document.documentElement.dataset.painted,
            html: document.body.innerHTML.slice(0, 800),
            marks: performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime)}`),
          }),
        null,
      )
      .catch((x) => String(x));
    throw new Error(`${e.message}; the popup: ${state}`);
  });
  return popup;
}

/** Waits until the panel's text field has focus (after n, q, or Enter on an edit button). */
export async function waitForEditor(page: TestPage): Promise<void> {
  await page.waitFor(
    () => document.querySelector('talkmark-panel')?.shadowRoot?.activeElement?.tagName === 'TEXTAREA',
    null,
  );
}

/** Focuses a control (`arg.button`) in the row of the note whose text is `arg.text`. */
export function focusInNote(arg: { text: string; button: string }): boolean {
  const rows = document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('.note') ?? [];
  const row = [...rows].find((r) => r.querySelector('.text')?.textContent === arg.text);
  const el = row?.querySelector<HTMLElement>(arg.button);
  el?.focus();
  return Boolean(el);
}

// Pixels of stored slides, compared with what the sample talk shows at a moment
// (test/fixtures/videos/ground-truth.json).
export type Rgb = [number, number, number];
export interface DecodedImage {
  width: number;
  height: number;
  /** Colours at the points asked for, as fractions of the image's size. */
  colours: Rgb[];
}

export const sampleTalk = truth['sample-talk'];
/** The colour of the band at the top of the slide on screen at `t` seconds. */
export function bandAt(t: number): Rgb {
  const seg = sampleTalk.segments.find((s) => s.start <= t && t < s.end);
  if (!seg || !('bandRgb' in seg)) throw new Error(`no slide at ${t}s`);
  return seg.bandRgb as Rgb;
}
/** The probe point inside the band, as fractions of the picture. */
export const bandProbe: [number, number] = [
  sampleTalk.probe.x / sampleTalk.width,
  sampleTalk.probe.y / sampleTalk.height,
];
/** A point in the slide's light background, and its colour. */
export const backgroundProbe: [number, number] = [0.04, 0.55];
export const backgroundRgb: Rgb = [248, 250, 252];

/** In an extension page: decodes a stored image and reads colours at fractional points. */
export function decodeStored(arg: {
  imageId: string;
  points: Array<[number, number]>;
}): Promise<DecodedImage> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('talkmark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('images').objectStore('images').get(arg.imageId);
      req.onerror = () => reject(req.error);
      req.onsuccess = async () => {
        open.result.close();
        if (!req.result) return reject(new Error(`no stored image ${arg.imageId}`));
        const bitmap = await createImageBitmap(req.result.blob as Blob);
        const canvas = document.createElement('canvas');
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
        ctx.drawImage(bitmap, 0, 0);
        const colours = arg.points.map(([fx, fy]) => {
          const d = ctx.getImageData(
            Math.floor(fx * bitmap.width),
            Math.floor(fy * bitmap.height),
            1,
            1,
          ).data;
          return [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0] as [number, number, number];
        });
        resolve({ width: bitmap.width, height: bitmap.height, colours });
      };
    };
  });
}

/** Fails unless `actual` is within the tolerance of `expected` on every channel. */
export function expectColour(actual: Rgb | undefined, expected: Rgb, what: string): void {
  const diff = Math.max(...expected.map((c, i) => Math.abs(c - (actual?.[i] ?? -999))));
  // JPEG at 0.9 and the video's YUV→RGB conversion move colours a little, never by 40.
  expect(diff, `${what}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`).toBeLessThan(
    40,
  );
}

/**
 * A stored slide is the sample talk's frame at `at` seconds, pixel-checked: the full decoded
 * size, the band's colour of that moment, and the slide's light background.
 */
export async function expectStoredFrame(
  store: { page: TestPage },
  imageId: string | undefined,
  at: number,
): Promise<void> {
  const img = await store.page.evaluate(decodeStored, {
    imageId: imageId ?? '',
    points: [bandProbe, backgroundProbe],
  });
  expect([img.width, img.height]).toEqual([sampleTalk.width, sampleTalk.height]);
  expectColour(img.colours[0], bandAt(at), `band at ${at}s`);
  expectColour(img.colours[1], backgroundRgb, `background at ${at}s`);
}

/** In a frame: seeks its video to `t` and pauses there. */
export function seekHere(t: number): Promise<void> {
  return new Promise((resolve) => {
    const v = document.querySelector('video') as HTMLVideoElement;
    v.pause();
    if (Math.abs(v.currentTime - t) < 0.01) return resolve();
    v.addEventListener('seeked', () => resolve(), { once: true });
    v.currentTime = t;
  });
}

/**
 * One read of a page, tried again when the browser's driver fails under it (Firefox's WebDriver
 * BiDi once answered a plain read with an internal "unknown error" while the page was idle):
 * only a protocol error is retried, never a wrong answer.
 */
export async function readOnce<T>(read: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (e) {
      if (attempt >= tries || !(e instanceof Error) || !/Protocol error/.test(e.message)) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** In a frame: whether the panel is there, and whether its text field has focus. */
export function panelHere(): { panel: boolean; editing: boolean } {
  const host = document.querySelector('talkmark-panel');
  return { panel: Boolean(host), editing: host?.shadowRoot?.activeElement?.tagName === 'TEXTAREA' };
}

export async function inFrame<R>(
  page: TestPage,
  prefix: string,
  fn: () => R,
  ok: (r: R) => boolean,
  what: string,
) {
  return until(
    () => page.frameEvaluate(prefix, fn, null).catch(() => undefined as R),
    (r) => r !== undefined && ok(r),
    what,
  );
}

/** Clicks the middle of an iframe of the page, as a user does before using keys in an embed. */
export async function clickInto(page: TestPage, iframeId: string): Promise<void> {
  const box = await page.evaluate((id) => {
    const el = document.getElementById(id) as HTMLElement;
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, iframeId);
  await page.clickAt(box.x, box.y);
  // Keys go to the player only once the browser has moved the focus into its frame (a busy
  // machine can take a moment): wait for it, clicking again if the first click went nowhere.
  // Up to a time, not a count of polls: each poll is a round trip, slow on a loaded machine.
  const end = Date.now() + 20_000;
  for (let i = 0; Date.now() < end; i++) {
    const focused = await page.evaluate((id) => document.activeElement?.id === id, iframeId);
    if (focused) return;
    await new Promise((r) => setTimeout(r, 250));
    if (i % 4 === 3) await page.clickAt(box.x, box.y);
  }
  throw new Error(`the focus never went into the frame #${iframeId}`);
}

/** In the page: whether a panel button's aria-pressed is `arg.want`. */
export function pressed(arg: { sel: string; want: string }): boolean {
  const el = document.querySelector('talkmark-panel')?.shadowRoot?.querySelector(arg.sel);
  return el?.getAttribute('aria-pressed') === arg.want;
}

/** Plays from `from` at `rate`, once a seek there (if needed) has landed. */
export function playFrom(page: TestPage, from: number, rate: number): Promise<void> {
  return page.evaluate(
    async ([t, r]) => {
      const v = document.querySelector('video') as HTMLVideoElement;
      v.pause();
      if (Math.abs(v.currentTime - t) > 0.01) {
        await new Promise<void>((resolve) => {
          v.addEventListener('seeked', () => resolve(), { once: true });
          v.currentTime = t;
        });
      }
      v.playbackRate = r;
      await v.play();
    },
    [from, rate] as [number, number],
  );
}
