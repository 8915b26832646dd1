// Where the popup's and the library's milliseconds go: a CPU profile (CDP Profiler) and the
// page's own timings, on the production build with the benchmark's library restored. A tool
// for looking, not a figure for BENCHMARKS.md:
//   node build.mjs --production --browser chrome && tsx bench/library/profile.ts [popup|library|search]
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension } from '../extension-browser';
import { restoreLibrary } from './setup';

const which = process.argv[2] ?? 'popup';
const RUNS = Number(process.env.RUNS ?? 3);
const extension = path.resolve(import.meta.dirname, '../../dist/chrome');
const browser = await launchWithExtension(extension);
const { context, ext } = browser;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (ms), the heaviest first. */
function selfTimes(profile: CpuProfile): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    const key = f
      ? `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber}:${f.columnNumber}`
      : '?';
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
}

/** Browser-wide trace of the page's load: script compile and run, HTML parse, style, layout, paint. */
async function startTrace(cdp: CDPSession) {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,v8,v8.execute,blink,loading,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await complete;
      return events;
    },
  };
}

const TRACED = [
  'ParseHTML',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.run',
  'FunctionCall',
  'RunMicrotasks',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'CommitLoad',
  'ResourceSendRequest',
];

function traceTotals(events: TraceEvent[]): Record<string, string> {
  const out: Record<string, number> = {};
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || !TRACED.includes(e.name)) continue;
    out[e.name] = (out[e.name] ?? 0) + e.dur / 1000;
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.toFixed(1)]));
}

async function timings(page: Page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
      (r) => `${r.name.split('/').pop()} ${r.startTime.toFixed(1)}→${r.responseEnd.toFixed(1)}`,
    );
    const marks = performance
      .getEntriesByType('mark')
      .map((m) => `${m.name}@${m.startTime.toFixed(1)}`)
      .join(' ');
    return {
      responseEnd: nav.responseEnd.toFixed(1),
      domInteractive: nav.domInteractive.toFixed(1),
      painted: document.documentElement.dataset.painted ?? '-',
      scripts,
      marks,
    };
  });
}

try {
  await restoreLibrary(browser, { posts: 50, talks: 4, notes: 10_000 });
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const trace = await startTrace(cdp);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    if (which === 'popup') {
      await page.goto(ext('popup.html'));
      await page.waitForFunction(() => document.documentElement.dataset.painted);
    } else {
      await page.goto(ext('library.html#posts'));
      await page.waitForSelector('.post-row');
      if (which === 'search') {
        // As the bench does: search once the page has read its notes into the search index.
        await page.waitForFunction(() => document.documentElement.dataset.searchIndex === 'ready', null, {
          timeout: 30_000,
        });
        await cdp.send('Profiler.stop');
        await cdp.send('Profiler.start');
        await page.evaluate(() => {
          performance.mark('search-start');
          location.hash = '#search/kubernetes%20sche';
        });
        await page.waitForSelector('.note-hit');
        await page.evaluate(() => performance.mark('search-shown'));
      }
    }
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    console.log(`--- ${which} run ${i + 1}:`, await timings(page));
    for (const [name, ms] of selfTimes(profile).slice(0, 12))
      console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
    console.log('  trace (renderer main thread, ms):', traceTotals(await trace.stop()));
    await page.close();
  }
} finally {
  await browser.close();
}
