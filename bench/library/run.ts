// Library benchmark in headless Chromium on the production build (dist/chrome), with
// 10,000 notes restored through the library page: popup first paint, library open (the posts
// list with its counts) and a search, each next to the bare IndexedDB read of the same records
// in the same page and run (alternating runs, so both share the machine's state).
//   npm run bench:library        (NOTES=10000 POSTS=50 TALKS=4 RUNS=9)
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../extension-browser';
import { SMOKE, startBench, stats } from '../results';
import { bareLibraryOpen, barePopupRead, bareSearch } from './bare';
import { restoreLibrary, withBlankPage } from './setup';

const NOTES = SMOKE ? 200 : Number(process.env.NOTES ?? 10_000);
const POSTS = SMOKE ? 5 : Number(process.env.POSTS ?? 50);
const TALKS = Number(process.env.TALKS ?? 4);
const RUNS = SMOKE ? 1 : Number(process.env.RUNS ?? 9);
const QUERY = 'kubernetes sche'; // prefix match; one note in ten has both words
const root = path.resolve(import.meta.dirname, '../..');
// The production build users get, copied with a blank page beside it (the same-run floor).
// EXTENSION=dir measures another build of it (e.g. an experiment with code splitting).
const extension = await withBlankPage(process.env.EXTENSION ?? path.join(root, 'dist/chrome'));

const bench = startBench(
  'library',
  `popup and library with ${NOTES} notes, built extension in headless Chromium`,
);
const browser = await launchWithExtension(extension.dir);
const { context, ext } = browser;
try {
  await restoreLibrary(browser, { posts: POSTS, talks: TALKS, notes: NOTES });
  console.log(`Restored ${NOTES} notes in ${POSTS} posts × ${TALKS} talks.`);

  const popup: number[] = [];
  const popupBare: number[] = [];
  const open: number[] = [];
  const openBare: number[] = [];
  const search: number[] = [];
  // How much of each paint is the browser opening the page and running the script (navigation
  // start → domInteractive), so the rest is ours: reading the store and drawing.
  const popupLoad: number[] = [];
  const openLoad: number[] = [];
  const loaded = (page: Page) =>
    page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive,
    );
  const searchBare: number[] = [];
  const searchAnswered: number[] = [];
  const searchDrawn: number[] = [];
  const searchPainted: number[] = [];
  const showMore: number[] = [];
  let shownFirst = 0;
  let status = '';
  const indexReady: number[] = [];
  let allNotes = 0;
  const blank: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // The floor: an empty extension page, navigation start to its script having run.
    const b = await context.newPage();
    await b.goto(ext('blank.html'));
    await b.waitForFunction(() => document.documentElement.dataset.painted);
    blank.push(Number(await b.evaluate(() => document.documentElement.dataset.painted)));
    await b.close();

    // Popup: time from navigation start to the first complete paint (index.tsx marks it).
    const p = await context.newPage();
    await p.setViewportSize({ width: 380, height: 600 });
    await p.goto(ext('popup.html'));
    await p.waitForFunction(() => document.documentElement.dataset.painted);
    popup.push(Number(await p.evaluate(() => document.documentElement.dataset.painted)));
    popupLoad.push(await loaded(p));
    const bare = await p.evaluate(barePopupRead);
    popupBare.push(bare.ms);
    allNotes = bare.allNotesMs;
    await p.close();

    // Library open: navigation start to the posts list drawn with its counts.
    const l = await context.newPage();
    await l.goto(ext('library.html#posts'));
    const drawn = await l.waitForFunction(
      (n) =>
        document.querySelectorAll('.post-row').length === n &&
        document.querySelector('.post-row .counts')?.textContent?.includes('note') &&
        performance.now(),
      POSTS + 0,
      { polling: 'raf' },
    );
    open.push(Number(await drawn.jsonValue()));
    openLoad.push(await loaded(l));
    openBare.push(await l.evaluate(bareLibraryOpen));

    // Search: from submitting the query to the results on screen, once the page has read the
    // notes into its search index (in idle time after the first view; a user opening the
    // library takes longer than that to type a query). How long after navigation start that
    // is, is a figure of its own.
    const indexed = await l.waitForFunction(
      () => document.documentElement.dataset.searchIndex === 'ready' && performance.now(),
      null,
      { timeout: 30_000 },
    );
    indexReady.push(Number(await indexed.jsonValue()));
    // Where the search's milliseconds go, from the same submit: the page's answer (a mark the
    // library makes), the first results in the DOM, the frame that draws them and just after
    // its paint (a message posted from that frame's requestAnimationFrame).
    await l.evaluate((q) => {
      const w = window as unknown as { t0: number; at: Record<string, number> };
      w.at = {};
      const seen = new MutationObserver(() => {
        if (w.at.drawn || !document.querySelector('.note-hit')) return;
        w.at.drawn = performance.now();
        seen.disconnect();
        requestAnimationFrame(() => {
          w.at.frame = performance.now();
          const ch = new MessageChannel();
          ch.port1.onmessage = () => {
            w.at.painted = performance.now();
          };
          ch.port2.postMessage(0);
        });
      });
      seen.observe(document.body, { childList: true, subtree: true });
      w.t0 = performance.now();
      location.hash = `#search/${encodeURIComponent(q)}`;
    }, QUERY);
    const found = await l
      .waitForFunction(
        () =>
          document.querySelector('.note-hit') && performance.now() - ((window as { t0?: number }).t0 ?? 0),
        null,
        { polling: 'raf', timeout: 10_000 },
      )
      .catch(async (e) => {
        throw new Error(
          `no results for "${QUERY}": ${await l.evaluate(() => document.querySelector('main')?.textContent)} (${e})`,
        );
      });
    search.push(Number(await found.jsonValue()));
    const parts = (await (
      await l.waitForFunction(() => {
        const w = window as unknown as { t0: number; at: Record<string, number> };
        if (!w.at.painted) return false;
        const answered = performance.getEntriesByName('talkmark:search-answered').at(-1)?.startTime;
        const shown = document.querySelectorAll('.note-hit').length;
        const status = document.querySelector('[role="status"], .search-results .muted')?.textContent ?? '';
        return {
          answered: answered !== undefined && answered > w.t0 ? answered - w.t0 : Number.NaN,
          drawn: (w.at.drawn ?? Number.NaN) - w.t0,
          frame: (w.at.frame ?? Number.NaN) - w.t0,
          painted: w.at.painted - w.t0,
          shown,
          status,
        };
      })
    ).jsonValue()) as { answered: number; drawn: number; painted: number; shown: number; status: string };
    searchAnswered.push(parts.answered);
    searchDrawn.push(parts.drawn);
    searchPainted.push(parts.painted);
    shownFirst = parts.shown;
    status = parts.status;
    // "Show more": the press → the next page of results drawn (in the frame that shows them).
    const more = await l.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const button = document.querySelector<HTMLButtonElement>('button.show-more');
          if (!button) return resolve(Number.NaN);
          const before = document.querySelectorAll('.note-hit').length;
          const t = performance.now();
          const seen = new MutationObserver(() => {
            if (document.querySelectorAll('.note-hit').length <= before) return;
            seen.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - t));
          });
          seen.observe(document.body, { childList: true, subtree: true });
          button.click();
        }),
    );
    showMore.push(more);
    searchBare.push(await l.evaluate(bareSearch, QUERY));
    await l.close();
  }

  const show = (name: string, ours: number[], bare: number[]) => {
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
    const ref = bare.length ? ` (reference: ${med(bare).toFixed(1)} ms)` : '';
    console.log(`${name}: ${med(ours).toFixed(1)} ms${ref}`);
  };
  const floor = (bare: number[]) => bare.map((v, i) => v + (blank[i] ?? Number.NaN));
  show('empty extension page (navigation start → its one line drawn and painted)', blank, []);
  show('popup first paint', popup, popupBare);
  show('  against the empty page + the bare read', popup, floor(popupBare));
  show(
    '  of which after the page and script loaded',
    popup.map((v, i) => v - (popupLoad[i] ?? 0)),
    popupBare,
  );
  show('library open (posts list)', open, openBare);
  show('  against the empty page + the bare read', open, floor(openBare));
  show(
    '  of which after the page and script loaded',
    open.map((v, i) => v - (openLoad[i] ?? 0)),
    openBare,
  );
  show(`library search "${QUERY}"`, search, searchBare);
  show('  of which the answer computed (every match found, counted, ordered)', searchAnswered, []);
  show('  of which the results in the DOM', searchDrawn, []);
  show('  of which painted (the frame after)', searchPainted, []);
  show('  "Show more" → the next page drawn', showMore, []);
  console.log(`  results drawn at first: ${shownFirst}; status: ${status}`);
  show('library: navigation start → search index built', indexReady, []);
  console.log(`(reading every note, which the popup avoids: ${allNotes.toFixed(1)} ms)`);
  const over = `${RUNS} runs, fresh page each`;
  bench.add({
    id: 'popup-paint',
    name: 'popup first paint (navigation start → complete view)',
    unit: 'ms',
    values: popup,
    over,
    // Most of a first paint on a busy machine is the browser starting the page: the reference
    // is what an empty extension page takes plus the bare read of the records shown.
    reference: {
      name: 'empty extension page (painted) + bare IndexedDB read of the same records',
      values: floor(popupBare),
    },
    paired: true,
    budget: 'popup-paint',
    note: `reading every note instead would take ${allNotes.toFixed(0)} ms alone`,
  });
  bench.add({
    id: 'extension-page-floor',
    name: 'empty extension page: navigation start → its one line drawn and painted',
    unit: 'ms',
    values: blank,
    over,
    note: 'what any extension page costs on this machine before its own work',
  });
  bench.add({
    id: 'popup-paint-after-load',
    name: 'popup: domInteractive → complete view (store read + draw)',
    unit: 'ms',
    values: popup.map((v, i) => v - (popupLoad[i] ?? 0)),
    over,
    reference: { name: 'bare IndexedDB read of the same records', values: popupBare },
    paired: true,
  });
  bench.add({
    id: 'library-open-after-load',
    name: 'library open: domInteractive → posts list drawn',
    unit: 'ms',
    values: open.map((v, i) => v - (openLoad[i] ?? 0)),
    over,
    reference: { name: 'bare IndexedDB read of posts and their stored counts', values: openBare },
    paired: true,
  });
  bench.add({
    id: 'library-open',
    name: 'library open: posts list with talk and note counts',
    unit: 'ms',
    values: open,
    over,
    reference: {
      name: 'empty extension page (painted) + bare IndexedDB read of posts and their stored counts',
      values: floor(openBare),
    },
    paired: true,
    budget: 'library-open',
  });
  const med = (xs: number[]) => stats(xs).median.toFixed(0);
  const matches = /([\d,]+) notes? match/.exec(status)?.[1] ?? '?';
  bench.add({
    id: 'library-search',
    // The view draws one page of results (the last edited first) with the count of all
    // matches; "Show more" draws the next page. The figure is that first screen.
    name: `library search "${QUERY}" (submit → the first ${shownFirst} results and the count of all ${matches} matches on screen)`,
    unit: 'ms',
    values: search,
    over,
    reference: { name: 'bare IndexedDB index lookups and note reads for the same query', values: searchBare },
    paired: true,
    budget: 'library-search',
    note:
      "answered from the page's in-memory index, built in idle time after the first view (see library-index-ready). " +
      `From the submit (medians): answer computed ${med(searchAnswered)} ms, results in the DOM ${med(searchDrawn)} ms, ` +
      `painted ${med(searchPainted)} ms`,
  });
  bench.add({
    id: 'library-search-answer',
    name: `library search "${QUERY}": submit → the answer computed (all ${matches} matches found, counted and ordered)`,
    unit: 'ms',
    values: searchAnswered,
    over,
    note: 'includes the route change and the search view mounting; the page mark talkmark:search-answered',
  });
  bench.add({
    id: 'library-search-more',
    name: `library search "${QUERY}": "Show more" → the next ${shownFirst} results drawn`,
    unit: 'ms',
    values: showMore,
    over,
  });
  bench.add({
    id: 'library-index-ready',
    name: 'library: navigation start → every note read into the search index',
    unit: 'ms',
    values: indexReady,
    over,
    note: 'until then a search is answered from IndexedDB (as the reference does)',
  });
  bench.notes.push(
    `${NOTES} notes in ${POSTS} posts of ${TALKS} talks; headless Chromium, production build.`,
  );
  console.log(`results: ${bench.write()}`);
} finally {
  await browser.close();
  await extension.remove();
}
