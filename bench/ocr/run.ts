// `npm run bench:ocr`: slide text (OCR) on rendered decks with known text (bench/ocr/decks.ts),
// each slide taken back from a 720p H.264 video, so what is read has been through compression.
//  - character error rate of titles and of full text, for the decks the heuristic was tuned on
//    and for the held-out decks, separately;
//  - time per slide through Talkmark's reading (recognise with layout + slide-text.ts) next to
//    the bare engine's recognise of the same image, alternated in the same run (Node, tesseract.js);
//  - the video page's main-thread time while the extension reads slides (Chromium);
//  - the packaged extension's size (zip) with and without the OCR files.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { openNodeOcr } from '../../src/cli/ocr-node';
import { SMOKE, startBench } from '../results';
import { decks, type SlideTruth } from './decks';
import { pageTimeDuringOcr } from './page-time';
import { cer } from './score';

const root = path.resolve(import.meta.dirname, '../..');
const bench = startBench(
  'ocr',
  'Slide OCR (tesseract.js 7, eng best_int): accuracy on rendered decks, time in Node, page time in headless Chromium, package size',
);

async function accuracy(slides: SlideTruth[], label: string) {
  const ocr = await openNodeOcr();
  const ours: number[] = [];
  const bare: number[] = [];
  const rows: { split: string; title: [string, string]; full: [string, string] }[] = [];
  try {
    for (const s of slides) {
      // Alternated: each pair shares the machine's state.
      let t = performance.now();
      await ocr.bare(s.png);
      bare.push(performance.now() - t);
      t = performance.now();
      const read = await ocr.read(s.png);
      ours.push(performance.now() - t);
      rows.push({
        split: s.split,
        title: [read.title, s.title],
        full: [read.lines.join('\n'), s.lines.join('\n')],
      });
    }
  } finally {
    await ocr.close();
  }
  const by = (split: string, key: 'title' | 'full') =>
    cer(rows.filter((r) => r.split === split).map((r) => ({ read: r[key][0], truth: r[key][1] })));
  const res = {
    tuneTitle: by('tune', 'title') * 100,
    tuneFull: by('tune', 'full') * 100,
    heldTitle: by('held-out', 'title') * 100,
    heldFull: by('held-out', 'full') * 100,
  };
  console.log(
    `${label}: title CER tune ${res.tuneTitle.toFixed(2)} %, held-out ${res.heldTitle.toFixed(2)} %; ` +
      `full text CER tune ${res.tuneFull.toFixed(2)} %, held-out ${res.heldFull.toFixed(2)} %`,
  );
  return { ...res, ours, bare, n: slides.length };
}

function zipSize(dir: string, keep: (rel: string) => boolean): number {
  const files: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      const rel = path.relative(dir, full);
      if (statSync(full).isDirectory()) walk(full);
      else if (keep(rel)) files[rel] = readFileSync(full);
    }
  };
  walk(dir);
  return zipSync(files, { level: 9 }).length;
}

const perDeck = SMOKE ? 1 : 4;
const slides720 = decks(720, perDeck);
const a = await accuracy(slides720, '720p');
const over = `${a.n} slides (${a.n / 2} tuned on, ${a.n / 2} held out), 720p CRF 30`;
for (const [id, name, tune, held, budget] of [
  ['title-cer', 'Slide title CER, held-out decks', a.tuneTitle, a.heldTitle, 'ocr-title-cer'],
  ['text-cer', 'Slide full-text CER, held-out decks', a.tuneFull, a.heldFull, 'ocr-text-cer'],
] as const) {
  bench.add({
    id,
    name,
    unit: '%',
    values: [held],
    over,
    budget,
    note: `tuned-on decks: ${tune.toFixed(2)} %; one value over all held-out slides (Σ edits ÷ Σ characters)`,
    fix: () =>
      'measure at 1080p (BENCH_OCR_HEIGHT=1080) and read slides at that size, or upscale before reading',
  });
}
bench.add({
  id: 'time-per-slide',
  name: 'Time per slide read (recognise with layout + slide text) vs the bare engine recognise',
  unit: 'ms',
  values: a.ours,
  over: `${a.n} slides, alternated with the bare engine, Node`,
  reference: { name: 'bare tesseract.js recognize (text only)', values: a.bare },
  paired: true,
  budget: 'ocr-time',
});

const extra = Number(process.env.BENCH_OCR_HEIGHT ?? 0);
if (extra > 0) {
  const b = await accuracy(decks(extra, perDeck), `${extra}p`);
  bench.notes.push(
    `At ${extra}p: title CER held-out ${b.heldTitle.toFixed(2)} % (tune ${b.tuneTitle.toFixed(2)} %), full text held-out ${b.heldFull.toFixed(2)} % (tune ${b.tuneFull.toFixed(2)} %).`,
  );
}

const pt =
  !SMOKE || process.env.BENCH_SMOKE_BROWSERS === '1'
    ? await pageTimeDuringOcr(SMOKE ? [15] : [5, 15, 27, 45, 60, 75]).catch((e: unknown) => {
        // Said in the report rather than hidden: the other figures still stand.
        bench.notes.push(`Page main-thread time during OCR not measured: ${String(e).split('\n')[0]}`);
        return null;
      })
    : null;
if (pt) {
  const n = pt.duringMs.length;
  const ms = (v: readonly number[]) => v.map((x) => x.toFixed(1)).join(', ');
  const total = pt.seconds.reduce((x, y) => x + y, 0);
  console.log(
    `page main thread while each of ${n} slides was read (${ms(pt.seconds.map((s) => s * 1000))} ms of reading): ` +
      `${ms(pt.duringMs)} ms; the same page idle over as long, right after each: ${ms(pt.idleMs)} ms`,
  );
  bench.add({
    id: 'page-main-thread',
    name: "Video page's main-thread time while a slide is read, above the same page idle",
    unit: 'ms',
    values: pt.duringMs.map((d, i) => d - (pt.idleMs[i] ?? 0)),
    over: `${n} slides, each read alone (${total.toFixed(1)} s in all), Chromium (offscreen document); per slide, during minus idle`,
    reference: { name: 'the same page idle for as long, right after', values: pt.idleMs },
    budget: 'ocr-page-time',
    note: `during OCR ${ms(pt.duringMs)} ms; idle ${ms(pt.idleMs)} ms (per slide; the first includes starting the engine)`,
  });
}

execFileSync(process.execPath, ['build.mjs', '--production', '--out', 'bench/.cache/ocr/dist'], {
  cwd: root,
});
for (const browser of ['chrome', 'firefox']) {
  const dir = path.join(root, 'bench/.cache/ocr/dist', browser);
  const now = zipSize(dir, () => true) / 1e6;
  const without = zipSize(dir, (rel) => !rel.startsWith('ocr') && !rel.startsWith('offscreen')) / 1e6;
  console.log(`${browser} package: ${now.toFixed(2)} MB (without the OCR files ${without.toFixed(2)} MB)`);
  bench.add({
    id: `package-${browser}`,
    name: `Packaged extension (${browser}, zip)`,
    unit: 'MB',
    values: [now],
    over: 'one production build, deflate level 9',
    reference: { name: 'the same package without the OCR files', values: [without] },
    budget: 'package-size',
  });
}
console.log(`results: ${bench.write()}`);
