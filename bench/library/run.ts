// Library benchmark on the production build, in headless Chromium and in Firefox ESR, with
// 10,000 notes restored through the library page: popup first paint, library open (the posts
// list with its counts) and a search, each next to the bare IndexedDB read of the same records
// in the same page and run (alternating runs, so both share the machine's state), and an empty
// extension page (measure.ts has the steps; driver.ts the two browsers).
//   npm run bench:library        (NOTES=10000 POSTS=50 TALKS=4 RUNS=25 BROWSERS=chromium,firefox
//                                 EXTENSION=dir EXTENSION_FIREFOX=dir)
import path from 'node:path';
import { SMOKE, startBench, stats } from '../results';
import { type BenchBrowserName, launchBench } from './driver';
import { measure, POPUP_PAIRS, type Series } from './measure';
import { restoreInto, withBlankPage } from './setup';

const NOTES = SMOKE ? 200 : Number(process.env.NOTES ?? 10_000);
const POSTS = SMOKE ? 5 : Number(process.env.POSTS ?? 50);
const TALKS = Number(process.env.TALKS ?? 4);
const RUNS = SMOKE ? 1 : Number(process.env.RUNS ?? 25);
const BROWSERS = (process.env.BROWSERS ?? 'chromium,firefox').split(',') as BenchBrowserName[];
const QUERY = 'kubernetes sche'; // prefix match; one note in ten has both words
const root = path.resolve(import.meta.dirname, '../..');
const label = { chromium: 'headless Chromium', firefox: 'headless Firefox ESR' };

const bench = startBench(
  'library',
  `popup and library with ${NOTES} notes, built extension in ${BROWSERS.map((b) => label[b]).join(' and ')}`,
);
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

for (const name of BROWSERS) {
  // The production build users get, copied with a blank page beside it (the same-run floor).
  // EXTENSION=dir (Chromium) and EXTENSION_FIREFOX=dir measure another build of it (e.g. the
  // one before a change, for a before/after pair on the same machine).
  const built =
    name === 'chromium'
      ? (process.env.EXTENSION ?? path.join(root, 'dist/chrome'))
      : (process.env.EXTENSION_FIREFOX ?? path.join(root, 'dist/firefox'));
  const extension = await withBlankPage(built);
  try {
    const browser = await launchBench(name, extension.dir);
    try {
      await restoreInto(browser, { posts: POSTS, talks: TALKS, notes: NOTES });
      console.log(`${label[name]}: restored ${NOTES} notes in ${POSTS} posts × ${TALKS} talks.`);
      const s = await measure(browser, { runs: RUNS, posts: POSTS, query: QUERY });
      report(name, s);
    } finally {
      await browser.close();
    }
  } finally {
    await extension.remove();
  }
}
bench.notes.push(
  `${NOTES} notes in ${POSTS} posts of ${TALKS} talks; production build, in ${BROWSERS.map((b) => label[b]).join(' and ')}. ` +
    'Firefox figures carry the prefix "firefox-"; Firefox opens an extension page from a local page that links to it (WebDriver BiDi opens none itself).',
);
console.log(`results: ${bench.write()}`);

function report(name: BenchBrowserName, s: Series): void {
  const show = (what: string, ours: number[], bare: number[]) => {
    const ref = bare.length ? ` (reference: ${med(bare).toFixed(1)} ms)` : '';
    console.log(`${name}: ${what}: ${med(ours).toFixed(1)} ms${ref}`);
  };
  // Each bare read with its run's empty page (the popup has POPUP_PAIRS pages a run).
  const floor = (bare: number[], perRun = 1) =>
    bare.map((v, i) => v + (s.blank[Math.floor(i / perRun)] ?? Number.NaN));
  const afterLoad = (xs: number[], load: number[]) => xs.map((v, i) => v - (load[i] ?? 0));
  show('empty extension page (navigation start → its one line drawn and painted)', s.blank, []);
  show('popup first paint', s.popup, s.popupBare);
  show('  against the empty page + the bare read', s.popup, floor(s.popupBare, POPUP_PAIRS));
  show('  of which after domInteractive', afterLoad(s.popup, s.popupLoad), s.popupBare);
  show('  against an empty page that makes the bare read', s.popup, s.blankRead);
  show('library open (posts list)', s.open, s.openBare);
  show('  against the empty page + the bare read', s.open, floor(s.openBare));
  show('  of which after domInteractive', afterLoad(s.open, s.openLoad), s.openBare);
  show(`library search "${QUERY}" (query set → painted)`, s.searchPainted, s.searchBare);
  show('  of which the answer computed (every match found, counted, ordered)', s.searchAnswered, []);
  show('  of which the results in the DOM', s.searchDrawn, []);
  show("  the driver's poll noticing the results (it starts a round trip late)", s.searchNoticed, []);
  show('  "Show more" → the next page drawn', s.showMore, []);
  console.log(`${name}:   results drawn at first: ${s.shownFirst}; status: ${s.status}`);
  show('library: navigation start → search index built', s.indexReady, []);
  console.log(`${name}: (reading every note, which the popup avoids: ${s.allNotes.toFixed(1)} ms)`);

  // Chromium's figures keep their ids from before Firefox was measured; Firefox's are prefixed.
  const id = (x: string) => (name === 'chromium' ? x : `firefox-${x}`);
  const where = name === 'chromium' ? '' : ' (Firefox)';
  const over = `${RUNS} runs, fresh page each`;
  const popupOver = `${s.popup.length} pages (${POPUP_PAIRS} in each of ${RUNS} runs), fresh page each`;
  const m = (xs: number[]) => stats(xs).median.toFixed(0);
  const matches = /([\d,]+) notes? match/.exec(s.status)?.[1] ?? '?';
  bench.add({
    id: id('popup-paint'),
    name: `popup first paint${where} (navigation start → complete view painted)`,
    unit: 'ms',
    values: s.popup,
    over: popupOver,
    // Most of a first paint on a busy machine is the browser starting the page: the reference
    // is an empty extension page that makes the bare read of the records shown (bare.ts) and
    // draws one line, in the run's same turn. Made in a page of its own, the bare read opens
    // the database from that page, as the popup must.
    reference: {
      name: 'empty extension page that makes the bare IndexedDB read of the same records, then draws a line',
      values: s.blankRead,
    },
    paired: true,
    budget: 'popup-paint',
    note: `reading every note instead would take ${s.allNotes.toFixed(0)} ms alone`,
  });
  bench.add({
    id: id('popup-paint-vs-sum'),
    name: `popup first paint${where}, against the empty page and the bare read measured apart`,
    unit: 'ms',
    values: s.popup,
    over: popupOver,
    reference: {
      name: 'empty extension page (painted) + bare IndexedDB read of the same records in an open page',
      values: floor(s.popupBare, POPUP_PAIRS),
    },
    paired: true,
    note: 'the bare read here reuses the open page, whose database is already open: it leaves out what opening it costs a new page',
  });
  bench.add({
    id: id('extension-page-floor'),
    name: `empty extension page${where}: navigation start → its one line drawn and painted`,
    unit: 'ms',
    values: s.blank,
    over,
    note: 'what any extension page costs on this machine before its own work',
  });
  bench.add({
    id: id('popup-paint-after-load'),
    name: `popup${where}: domInteractive → complete view (script, store read, draw)`,
    unit: 'ms',
    values: afterLoad(s.popup, s.popupLoad),
    over: popupOver,
    reference: { name: 'bare IndexedDB read of the same records', values: s.popupBare },
    paired: true,
    note: 'the popup draws from an async script, which may run after domInteractive: its script time is then counted here',
  });
  bench.add({
    id: id('library-open-after-load'),
    name: `library open${where}: domInteractive → posts list painted`,
    unit: 'ms',
    values: afterLoad(s.open, s.openLoad),
    over,
    reference: { name: 'bare IndexedDB read of posts and their stored counts', values: s.openBare },
    paired: true,
  });
  bench.add({
    id: id('library-open'),
    name: `library open${where}: posts list with talk, note and slide counts, painted`,
    unit: 'ms',
    values: s.open,
    over,
    reference: {
      name: 'empty extension page (painted) + bare IndexedDB read of posts and their stored counts',
      values: floor(s.openBare),
    },
    paired: true,
    budget: 'library-open',
  });
  bench.add({
    id: id('library-search'),
    // The view draws one page of results (the last edited first) with the count of all
    // matches; "Show more" draws the next page. The figure is that first screen.
    name: `library search${where} "${QUERY}" (query set → the first ${s.shownFirst} results and the count of all ${matches} matches on screen)`,
    unit: 'ms',
    // Measured in the page, from the query set to just after the frame that drew the results
    // was painted (an observer set up before the query). The driver's own poll for the results
    // is set up one round trip after the query: on a busy machine it saw them after that
    // paint (in both browsers, the same runs), so its figure measures the driver too.
    values: s.searchPainted,
    over,
    reference: {
      name: 'bare IndexedDB index lookups and note reads for the same query',
      values: s.searchBare,
    },
    paired: true,
    budget: 'library-search',
    note:
      "answered from the page's in-memory index, built in idle time after the first view (see library-index-ready). " +
      `From the query set (medians): answer computed ${m(s.searchAnswered)} ms, results in the DOM ${m(s.searchDrawn)} ms, ` +
      `painted ${m(s.searchPainted)} ms; the driver's poll saw them at ${m(s.searchNoticed)} ms`,
  });
  bench.add({
    id: id('library-search-answer'),
    name: `library search${where} "${QUERY}": query set → the answer computed (all ${matches} matches found, counted and ordered)`,
    unit: 'ms',
    values: s.searchAnswered,
    over,
    note: 'includes the route change and the search view mounting; the page mark talkmark:search-answered',
  });
  bench.add({
    id: id('library-search-more'),
    name: `library search${where} "${QUERY}": "Show more" → the next ${s.shownFirst} results drawn`,
    unit: 'ms',
    values: s.showMore,
    over,
  });
  bench.add({
    id: id('library-index-ready'),
    name: `library${where}: navigation start → every note read into the search index`,
    unit: 'ms',
    values: s.indexReady,
    over,
    note: 'until then a search is answered from IndexedDB (as the reference does)',
  });
}
