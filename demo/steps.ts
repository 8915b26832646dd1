// The demo's moves on a video page and in the library, as a user makes them: keys on the
// page, typing in the panel, fields and buttons of the library.
import type { TestBrowser, TestPage } from '../test/e2e/browsers';
import { seek, startNote, waitForPanel } from '../test/e2e/video-page';
import type { DemoTalk } from './script';

/** Every record of an object store of the extension's database (run in an extension page). */
export function readStore(storeName: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('talkmark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction(storeName).objectStore(storeName).getAll();
      req.onsuccess = () => {
        open.result.close();
        resolve(req.result);
      };
      req.onerror = () => reject(req.error);
    };
  });
}

// Run in the page: each is self-contained (no closures).
const slidesAtLeast = (n: number) =>
  (document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('.note-slide').length ?? 0) >= n;

const editorOpen = () =>
  document.querySelector('talkmark-panel')?.shadowRoot?.activeElement?.tagName === 'TEXTAREA';
// Enter closes the box once the note is stored: the next key must not land in it.
const editorClosed = () =>
  document.querySelector('talkmark-panel')?.shadowRoot?.activeElement?.tagName !== 'TEXTAREA';

/** Opens the caption editor of the last slide in the panel. */
function editLastSlide(): boolean {
  const slides = document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('.note-slide');
  const edit = slides?.[slides.length - 1]?.querySelector<HTMLButtonElement>('button.edit');
  edit?.click();
  return Boolean(edit);
}

/** Watches one talk: seeks to each step's moment and captures, quotes and types there. */
export async function watchTalk(browser: TestBrowser, url: string, talk: DemoTalk): Promise<void> {
  const page = await browser.newPage();
  await page.goto(url);
  await waitForPanel(page);
  let slides = 0;
  for (const s of talk.steps) {
    await seek(page, s.at);
    if (s.slide !== undefined) {
      slides++;
      await page.press('s');
      await page.waitFor(slidesAtLeast, slides, 15000);
      if (s.slide) {
        if (!(await page.evaluate(editLastSlide, null))) throw new Error('no slide to caption');
        await page.waitFor(editorOpen, null);
        await page.type(s.slide);
        await page.press('Enter');
        await page.waitFor(editorClosed, null);
      }
    }
    if (s.quote) {
      await page.press('q');
      await page.waitFor(editorOpen, null);
      await page.press('Enter');
      await page.waitFor(editorClosed, null);
    }
    if (s.note) {
      await startNote(page);
      await page.type(s.note);
      await page.press('Enter');
      await page.waitFor(editorClosed, null);
    }
    console.log(
      `  ${s.at}s: ${[s.slide !== undefined && 'slide', s.quote && 'quote', s.note && 'note'].filter(Boolean).join(' + ')}`,
    );
  }
  await page.close();
}

interface StoredPost {
  id: string;
  title: string;
  slug: string;
  date: string;
  description: string;
  sections: Array<{ title: string }>;
}

export interface Library {
  page: TestPage;
  /** Types `value` into the field: what a user's typing sends (an input event). */
  fill(selector: string, value: string): Promise<void>;
  /** Waits until the stored post satisfies `ok` (the library saves a moment after typing). */
  saved(ok: (post: StoredPost) => boolean): Promise<void>;
  /** Turns the note with this text into a heading (the kind menu of its row). */
  makeHeading(text: string): Promise<void>;
}

export async function openLibrary(browser: TestBrowser): Promise<Library> {
  const page = await browser.newPage();
  await page.goto(browser.extensionUrl('library.html#posts'));
  const lib: Library = {
    page,
    async fill(selector, value) {
      await page.waitFor((sel) => document.querySelector(sel), selector, 15000);
      await page.evaluate(
        ([sel, v]) => {
          const input = document.querySelector(sel) as HTMLInputElement | HTMLTextAreaElement;
          input.focus();
          input.value = v;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          input.blur();
        },
        [selector, value] as const,
      );
    },
    async saved(ok) {
      let posts: StoredPost[] = [];
      for (let i = 0; i < 80; i++) {
        posts = (await page.evaluate(readStore, 'posts')) as StoredPost[];
        if (posts.some(ok)) return;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`the library did not save the post’s details: ${JSON.stringify(posts)}`);
    },
    async makeHeading(text) {
      // A note shows rendered until edited; its words are the plain text the demo typed.
      await page.waitFor(
        (t) => [...document.querySelectorAll('.note-view')].some((v) => v.textContent?.trim() === t),
        text,
        15000,
      );
      await page.evaluate((t) => {
        const view = [...document.querySelectorAll('.note-view')].find((v) => v.textContent?.trim() === t);
        const kind = view?.closest('.note')?.querySelector('select.kind') as HTMLSelectElement;
        kind.value = 'heading';
        kind.dispatchEvent(new Event('change', { bubbles: true }));
      }, text);
      for (let i = 0; i < 80; i++) {
        const notes = (await page.evaluate(readStore, 'notes')) as Array<{ text: string; kind: string }>;
        if (notes.some((n) => n.text === text && n.kind === 'heading')) return;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`the note “${text}” did not become a heading`);
    },
  };
  return lib;
}
