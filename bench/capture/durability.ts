// IndexedDB durability, 'strict' against 'relaxed', and the safety copy's cost, in one run: the
// background's store is switched (a hook of the test build) run by run, in rotation, and each
// run times what a user waits for — a note saved through the background (the panel's
// saveNote, an extension page's message → stored → answered) and a slide capture (key press →
// the slide stored and shown). The database is on the profile's disk, so 'strict' pays its
// flush. The copy (store/copy.ts) is written after the save has answered: its cost is what it
// adds to a save running beside it, and how long after the save it holds the new text.
import type { BrowserContext, Page } from 'playwright-core';
import { newId } from '../../src/core/ids';
import type { ExtensionBrowser } from '../extension-browser';
import { panelToolbar } from '../video-page';

type Durability = 'strict' | 'relaxed';
/** How the store is set up for a save: a durability, with the safety copy (as shipped) or not. */
type SaveSetup = Durability | 'strict-no-copy';
export interface DurabilityTimes {
  save: Record<SaveSetup, number[]>;
  capture: Record<Durability, number[]>;
  /** From sending a save (strict, with the copy) to the copy in storage.local holding its text. */
  copyLag: number[];
}

async function setStore(context: BrowserContext, ext: ExtensionBrowser, setup: SaveSetup) {
  const prefix = ext.ext('');
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith(prefix)) ??
    (await context.waitForEvent('serviceworker'));
  await worker.evaluate(
    (s) => {
      const hook = (globalThis as { talkmarkStoreSetup?: (x: unknown) => void }).talkmarkStoreSetup;
      if (!hook) throw new Error('not a test build: no store set-up hook');
      hook(s);
    },
    { durability: setup === 'relaxed' ? 'relaxed' : 'strict', copy: setup !== 'strict-no-copy' },
  );
}

/** Resolves with the time (performance.now) at which the copy holds `text` for the note `key`. */
function copyHolds(page: Page, key: string, text: string): Promise<number> {
  return page.evaluate(
    ({ key, text }) =>
      new Promise<number>((resolve, reject) => {
        const { chrome } = globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, { text?: string }>> } } };
        };
        const started = performance.now();
        const look = async () => {
          if ((await chrome.storage.local.get(key))[key]?.text === text) return resolve(performance.now());
          if (performance.now() - started > 10_000) return reject(new Error('the copy never held the save'));
          setTimeout(look, 1);
        };
        void look();
      }),
    { key, text },
  );
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
  const times: DurabilityTimes = {
    save: { strict: [], relaxed: [], 'strict-no-copy': [] },
    capture: { strict: [], relaxed: [] },
    copyLag: [],
  };
  const order = (i: number): Durability[] => (i % 2 ? ['relaxed', 'strict'] : ['strict', 'relaxed']);
  const setups: SaveSetup[] = ['strict', 'relaxed', 'strict-no-copy'];
  const rotation = (i: number): SaveSetup[] => [...setups.slice(i % 3), ...setups.slice(0, i % 3)];

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
    for (const setup of rotation(i)) {
      await setStore(context, ext, setup);
      const text = `${words.slice(0, 40 + ((i * 7) % 180))} ${setup} ${i}`;
      const sent = await page.evaluate(() => performance.now());
      const saved = timedCall(page, 'saveNote', { ...note, text });
      times.save[setup].push((await saved).ms);
      if (setup === 'strict') times.copyLag.push((await copyHolds(page, `copy:n:${note.id}`, text)) - sent);
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
      await setStore(context, ext, d);
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
      // Stored slides only (a slide still saving is a .pending-slide row), counted from what the
      // panel lists before the key press: the talk may hold slides of earlier runs.
      const before = await p.evaluate(
        () =>
          document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('.note-slide img.thumb')
            .length ?? 0,
        undefined,
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
        before,
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
