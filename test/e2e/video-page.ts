// Steps on a fixture video page that several suites share.
import type { TestPage } from './browsers';

/**
 * Waits until the video has a frame and the panel shows a talk. The content script's start and
 * the talk's first read of the store come after the page's load: on a loaded machine that is
 * more than the default 10 s, so these waits get the room the video's own wait has.
 */
export async function waitForPanel(page: TestPage): Promise<void> {
  await page.waitFor(() => (document.querySelector('video')?.readyState ?? 0) >= 2, null, 20000);
  await page.waitFor(
    () =>
      (document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.talk-title')?.textContent ??
        '') !== '',
    null,
    20000,
  );
  await page.waitFor(
    () =>
      !document
        .querySelector('talkmark-panel')
        ?.shadowRoot?.querySelector('.talk-title')
        ?.textContent?.includes('…'),
    null,
    20000,
  );
}

export function seek(page: TestPage, seconds: number): Promise<void> {
  return page.evaluate(
    (t) =>
      new Promise<void>((resolve) => {
        const v = document.querySelector('video') as HTMLVideoElement;
        v.addEventListener('seeked', () => resolve(), { once: true });
        v.currentTime = t;
      }),
    seconds,
  );
}

/** Presses the note key and waits for the panel's text box to have focus. */
export async function startNote(page: TestPage): Promise<void> {
  await page.press('n');
  await page.waitFor(
    () => document.querySelector('talkmark-panel')?.shadowRoot?.activeElement?.tagName === 'TEXTAREA',
    null,
  );
}

/** The texts of the notes the panel lists, in order. */
export function panelNotes(page: TestPage): Promise<string[]> {
  return page.evaluate(
    () =>
      Array.from(
        document.querySelector('talkmark-panel')?.shadowRoot?.querySelectorAll('.note .text') ?? [],
        (el) => el.textContent ?? '',
      ),
    null,
  );
}
