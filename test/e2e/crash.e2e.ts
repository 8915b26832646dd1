// A browser that dies outright (crash, out-of-memory kill, power cut) runs no pagehide and no
// shutdown. Here the whole browser is SIGKILLed at several delays after the last keystroke of
// a note typed at a steady 40 ms per key (no pause for a debounce to fire), and after Enter;
// then it starts again on the same profile and the store is read.
// The promise checked: everything typed at least 300 ms before the kill is stored, and a note
// whose box has closed after Enter is stored whole. The figure printed: how much of the typed
// text survived a kill N ms after the last key.
// Firefox: a temporary add-on is gone after a restart and must be installed again (launch
// does); its origin, hence its database, is kept by the UUID pinned in the profile's prefs
// (browsers.ts). That stands in for an add-on installed from addons.mozilla.org, which stays
// installed across restarts and keeps its UUID by itself.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launch, type TestBrowser } from './browsers';
import { killBrowser } from './kill';
import { browsers, extensionDir, fixtureVideo, readStore } from './scenario';
import { startServer } from './server';
import { seek, startNote, waitForPanel } from './video-page';

const typed = 'Typed at a steady pace, then the power goes out';
const keyMs = 40;
const promiseMs = 300;

interface Case {
  /** Kill this long after the last key (or after Enter). */
  afterMs: number;
  enter?: 'pressed' | 'box closed';
}
const cases: Case[] = [
  { afterMs: 0 },
  { afterMs: 100 },
  { afterMs: 300 },
  { afterMs: 0, enter: 'pressed' },
  { afterMs: 0, enter: 'box closed' },
];

const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

describe.each(browsers)('a browser killed while a note is typed, in %s', (name) => {
  it(`keeps everything typed ${promiseMs} ms before the kill`, async () => {
    const server = await startServer();
    const profileDir = await mkdtemp(path.join(tmpdir(), `talkmark-kill-${name}-`));
    const url = `${server.origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`;
    const start = () => launch(name, extensionDir(name), server.origin, { profileDir });
    let browser: TestBrowser | undefined = await start();
    const rows: string[] = [];
    try {
      for (const [i, c] of cases.entries()) {
        const at = 10 + i * 5;
        const page = await browser.newPage();
        await page.goto(url);
        await waitForPanel(page);
        await seek(page, at);
        await startNote(page);
        const keyAt: number[] = [];
        const t0 = Date.now();
        for (const [k, char] of [...typed].entries()) {
          await sleepUntil(t0 + k * keyMs);
          await page.type(char);
          keyAt.push(Date.now());
        }
        let from = Date.now();
        if (c.enter) {
          await page.press('Enter');
          if (c.enter === 'box closed')
            await page.waitFor(
              () => !document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('textarea'),
              null,
            );
          from = Date.now();
        }
        await sleepUntil(from + c.afterMs);
        const killedAt = Date.now();
        await killBrowser(profileDir);
        browser = undefined;

        browser = await start();
        const reader = await browser.newPage();
        await reader.goto(browser.extensionUrl('popup.html'));
        const notes = (await reader.evaluate(readStore, 'notes')) as Array<{ time: number; text: string }>;
        await reader.close();
        const stored = notes.find((n) => Math.round(n.time) === at)?.text ?? '';
        const due = keyAt.filter((t) => t <= killedAt - promiseMs).length;
        const sinceLast = killedAt - (keyAt.at(-1) ?? killedAt);
        rows.push(
          `${name} kill ${c.afterMs} ms after ${c.enter ? `Enter (${c.enter})` : 'the last key'} ` +
            `(${sinceLast} ms after it): ${stored.length}/${typed.length} characters stored, ` +
            `${due} promised`,
        );
        expect(typed.startsWith(stored), `stored “${stored}” is not what was typed`).toBe(true);
        expect(stored.length, rows.at(-1)).toBeGreaterThanOrEqual(due);
        if (c.enter === 'box closed') expect(stored, rows.at(-1)).toBe(typed);
      }
    } finally {
      console.log(rows.join('\n'));
      await browser?.close().catch(() => undefined);
      await server.close();
      await rm(profileDir, { recursive: true, force: true });
    }
  }, 240_000);
});
