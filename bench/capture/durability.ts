// IndexedDB durability, 'strict' against 'relaxed', in one run: the background's store is
// switched between the two (a hook of the test build) run by run, alternating, and each run
// times what a user waits for — a note saved through the background (the panel's saveNote,
// an extension page's message → stored → answered) and a slide capture (key press → the
// slide stored and shown). The database is on the profile's disk, so 'strict' pays its flush.
import type { BrowserContext, Page } from 'playwright-core';
import { newId } from '../../src/core/ids';
import type { ExtensionBrowser } from '../extension-browser';
import { panelToolbar } from '../video-page';

type Durability = 'strict' | 'relaxed';
export interface DurabilityTimes {
  save: Record<Durability, number[]>;
  capture: Record<Durability, number[]>;
}

async function setDurability(context: BrowserContext, ext: ExtensionBrowser, d: Durability) {
  const prefix = ext.ext('');
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith(prefix)) ??
    (await context.waitForEvent('serviceworker'));
  await worker.evaluate((mode) => {
    const hook = (globalThis as { talkmarkDurability?: (m: string) => void }).talkmarkDurability;
    if (!hook) throw new Error('not a test build: no durability hook');
    hook(mode);
  }, d);
}

/** Sends a call to the background as the panel does, and times it to the answer. */
function timedCall(page: Page, call: string, input: unknown): Promise<{ ms: number; value: unknown }> {
  return page.evaluate(
    async ({ call, input }) => {
      const t = performance.now();
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      };
      const r = (await chrome.runtime.sendMessage({ talkmark: 1, call, input })) as
        | { ok: true; value: unknown }
        | { ok: false; error: string };
      if (!r.ok) throw new Error(r.error);
      return { ms: performance.now() - t, value: r.value };
    },
    { call, input },
  );
}

/** `videoPage`: a page of the capture bench, with its key-press log (window.keyAt). */
export async function durabilityRuns(
  ext: ExtensionBrowser,
  videoPage: string,
  runs: number,
): Promise<DurabilityTimes> {
  const { context } = ext;
  const times: DurabilityTimes = { save: { strict: [], relaxed: [] }, capture: { strict: [], relaxed: [] } };
  const order = (i: number): Durability[] => (i % 2 ? ['relaxed', 'strict'] : ['strict', 'relaxed']);

  const page = await context.newPage();
  await page.goto(ext.ext('popup.html'));
  const video = {
    url: 'https://www.youtube.com/watch?v=BenchDurabl',
    site: 'youtube',
    videoId: 'BenchDurabl',
    title: 'Durability bench',
    channel: '',
    speakers: [],
    duration: 600,
    chapters: [],
  };
  const opened = (await timedCall(page, 'openTalk', video)).value as { talk: { id: string } };
  // A talk joins its post with its first note: join it as the panel does before saving.
  const view = (await timedCall(page, 'joinTalk', { video, talkId: opened.talk.id })).value as {
    talk: { id: string };
  };
  const note = { id: newId('note'), talkId: view.talk.id, time: 30, kind: 'text', text: '' };
  const words = 'A note as it is typed, a few words more with every save '.repeat(4);
  for (let i = 0; i < runs; i++) {
    for (const d of order(i)) {
      await setDurability(context, ext, d);
      const text = `${words.slice(0, 40 + ((i * 7) % 180))} ${d}`;
      times.save[d].push((await timedCall(page, 'saveNote', { ...note, text })).ms);
    }
  }
  await page.close();

  const p = await context.newPage();
  await p.goto(videoPage);
  await panelToolbar(p);
  await p.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
  let slides = 0;
  for (let i = 0; i < runs; i++) {
    for (const d of order(i)) {
      await setDurability(context, ext, d);
      await p.evaluate(
        (to) =>
          new Promise((r) => {
            const vid = document.querySelector('video') as HTMLVideoElement;
            vid.pause();
            vid.addEventListener('seeked', r, { once: true });
            vid.currentTime = to;
          }),
        3 + ((slides * 2.3) % 50),
      );
      const stored = p.evaluate(
        (n) =>
          new Promise<number>((resolve) => {
            const root = document.querySelector('talkmark-panel')?.shadowRoot as ShadowRoot;
            const check = () => {
              const saved = [...root.querySelectorAll('.note-slide img.thumb')];
              if (saved.length > n && saved.every((x) => (x as HTMLImageElement).complete))
                return resolve(performance.now());
              requestAnimationFrame(check);
            };
            check();
          }),
        slides,
      );
      await p.keyboard.press('s');
      const t1 = await stored;
      const t0 = await p.evaluate(
        () => (window as unknown as { keyAt: number[] }).keyAt.at(-1) ?? Number.NaN,
      );
      times.capture[d].push(t1 - t0);
      slides++;
    }
  }
  await p.close();
  return times;
}
