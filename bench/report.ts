// Renders BENCHMARKS.md from what each bench reported: budgets first (met, missed with what would
// fix it, or not measured and why), then every figure by bench, then the machine. Pure: the
// aggregator (run.ts) gathers the runs; the smoke test renders and checks the same text.
import { BUDGETS, type BudgetId, budgetIds } from './budgets';
import type { Machine } from './machine';
import type { BenchResult, Figure, Stats } from './results';

export type RunStatus =
  /** Ran and wrote its results. */
  | 'ok'
  /** No `bench:<name>` script in package.json. */
  | 'absent'
  /** Left out of this run on purpose (BENCH_ONLY). */
  | 'skipped'
  /** Exited without writing results (crashed, or a bench that only prints). */
  | 'no-results'
  /** Smoke mode, browser-side bench: bundled with esbuild to prove it builds, not run. */
  | 'built'
  | 'build-failed';

export interface BenchRun {
  name: string;
  status: RunStatus;
  exitCode?: number | null;
  seconds?: number;
  result?: BenchResult;
  /** The last lines the bench printed, kept when it wrote no results. */
  output?: string;
  reason?: string;
}

export interface ReportInput {
  date: Date;
  machine: Machine;
  runs: BenchRun[];
  smoke: boolean;
}

/** Enough digits to compare with a budget: 0.949 must not print as 0.95. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const a = Math.abs(x);
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toFixed(3);
}

const withUnit = (x: number, unit: string) => (unit ? `${num(x)} ${unit}` : num(x));

/** The range over the runs, and what the runs were ("7 paired runs"); one run has no range. */
function spread(s: Stats, unit: string, over: string): string {
  if (s.n <= 1) return over;
  const range = `${num(s.min)}–${withUnit(s.max, unit)}`;
  return `${s.n >= 10 ? `${range}, p95 ${withUnit(s.p95, unit)}` : range} over ${over}`;
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function verdict(f: Figure): string {
  if (!f.budget) return '—';
  return f.met ? '**met**' : '**MISSED**';
}

function ratioText(f: Figure): string {
  if (f.ratio === undefined) return '—';
  const r = `${num(f.ratio)}×`;
  return f.ratioStats && f.ratioStats.n > 1 ? `${r} (${num(f.ratioStats.min)}–${num(f.ratioStats.max)})` : r;
}

function figureRow(f: Figure, withBudget: boolean): string {
  const ref = f.reference
    ? `${f.reference.name}: ${withUnit(f.reference.value, f.unit)}${f.reference.stats.n > 1 ? ` (${num(f.reference.stats.min)}–${num(f.reference.stats.max)})` : ''}`
    : '—';
  const cols = [
    f.name,
    withUnit(f.value, f.unit),
    spread(f.stats, f.unit, f.over),
    ref,
    ratioText(f),
    ...(withBudget ? [f.budget ? BUDGETS[f.budget].text : '—', verdict(f)] : []),
  ];
  return `| ${cols.map(cell).join(' | ')} |`;
}

/** Why a budget has no figure: the bench that should measure it is absent, failed, or silent. */
function unmeasured(id: BudgetId, runs: BenchRun[]): string {
  const bench = BUDGETS[id].bench;
  const run = runs.find((r) => r.name === bench);
  if (!run || run.status === 'absent')
    return `not measured: no \`bench:${bench}\` script in package.json (that benchmark has not landed)`;
  if (run.status === 'skipped')
    return `not measured: bench:${bench} was left out of this run (${run.reason})`;
  if (run.status === 'built') return `not measured: smoke mode only builds the browser-side bench:${bench}`;
  if (run.status === 'build-failed')
    return `not measured: bench:${bench} does not build (${run.reason ?? ''})`;
  if (run.status === 'no-results')
    return `not measured: bench:${bench} exited ${run.exitCode ?? 'by a signal'} without machine-readable results${run.reason ? ` (${run.reason})` : ''}; its printed output is below`;
  return `not measured: bench:${bench} ran but reported no figure for this budget`;
}

function budgetTable(runs: BenchRun[]): string[] {
  const figures = runs.flatMap((r) => r.result?.figures.map((f) => ({ bench: r.name, f })) ?? []);
  const lines = [
    '| Budget | Figure | Value (median) | Spread | Same-run reference | Ratio | Verdict |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const id of budgetIds) {
    const mine = figures.filter((x) => x.f.budget === id);
    if (mine.length === 0) {
      lines.push(`| ${cell(BUDGETS[id].text)} | — | — | — | — | — | ${cell(unmeasured(id, runs))} |`);
      continue;
    }
    for (const { bench, f } of mine) {
      const row = figureRow({ ...f, name: `${bench}: ${f.name}` }, false).slice(1);
      lines.push(`| ${cell(BUDGETS[id].text)} |${row} ${verdict(f)} |`);
    }
  }
  return lines;
}

function misses(runs: BenchRun[]): string[] {
  const missed = runs.flatMap((r) => r.result?.figures.filter((f) => f.budget && !f.met) ?? []);
  if (missed.length === 0) return ['Every measured figure is within its budget.'];
  return missed.map((f) => {
    const b = f.budget ? BUDGETS[f.budget] : undefined;
    const at = b?.on === 'ratio' ? `${num(f.ratio ?? Number.NaN)}×` : withUnit(f.value, f.unit);
    return `- **${b?.text}**: ${f.name} is at ${at}. ${f.fix ?? diagnose(f)}`;
  });
}

/** For a bench that gives no fix: what the same-run reference says about where the time goes. */
export function diagnose(f: Figure): string {
  const b = f.budget ? BUDGETS[f.budget] : undefined;
  const ref = f.reference;
  if (!b || !ref || b.direction !== 'max') return 'The bench gives no diagnosis; see its figures below.';
  const u = (x: number) => withUnit(x, f.unit);
  const ours = f.value - ref.value;
  if (b.on === 'ratio')
    return (
      `From the numbers: our work beyond the reference takes ${u(ours)}; within ${b.limit}× it must stay under ` +
      `${u((b.limit - 1) * ref.value)}.`
    );
  if (ours <= 0)
    return (
      `From the numbers: it already takes less than the reference (${ref.name}, ${u(ref.value)}), which ` +
      `no longer bounds it; the ${u(f.value)} is the page's own path (answering, drawing the result, the ` +
      'frame it waits for), which this figure does not break down: profile that path, or compare on a ' +
      'quiet machine.'
    );
  if (ref.value >= b.limit)
    return (
      `From the numbers: the reference alone (${ref.name}, ${u(ref.value)}) is over the ${u(b.limit)} budget, so ` +
      `trimming our own ${u(ours)} cannot meet it here: the work the reference stands for has to shrink (fewer ` +
      'records read, an index kept in memory, the first screen drawn before the rest), or this machine is too ' +
      'busy for the budget: compare on a quiet one.'
    );
  return (
    `From the numbers: the reference takes ${u(ref.value)}, leaving ${u(b.limit - ref.value)} for our own work, ` +
    `which takes ${u(ours)}: ${u(f.value - b.limit)} has to go.`
  );
}

function benchSection(run: BenchRun): string[] {
  const head = `### ${run.name}`;
  if (run.status === 'absent') return [head, '', `Not run: no \`bench:${run.name}\` script in package.json.`];
  if (run.status === 'skipped') return [head, '', `Not run: ${run.reason}.`];
  if (run.status === 'built')
    return [head, '', 'Smoke mode: bundled with esbuild (it builds); not run, since it needs a browser.'];
  if (run.status === 'build-failed') return [head, '', `Does not build: ${run.reason ?? 'unknown error'}.`];
  const time = run.seconds === undefined ? '' : ` (${num(run.seconds)} s)`;
  if (!run.result) {
    const out = run.output?.trim()
      ? ['', 'Its last printed lines:', '', '```', run.output.trim(), '```']
      : [];
    const code = run.exitCode ?? 'by a signal';
    return [
      head,
      '',
      `Exited ${code}${time} without writing results${run.reason ? `: ${run.reason}` : ''}.`,
      ...out,
    ];
  }
  const r = run.result;
  return [
    head,
    '',
    `${r.about}${time}.`,
    '',
    '| Figure | Value (median) | Spread | Same-run reference | Ratio | Budget | Verdict |',
    '|---|---|---|---|---|---|---|',
    ...r.figures.map((f) => figureRow(f, true)),
    ...r.figures.filter((f) => f.note).map((f, i) => `${i === 0 ? '\n' : ''}- ${f.name}: ${f.note}`),
    ...r.notes.map((n, i) => `${i === 0 ? '\n' : ''}${n}`),
  ];
}

export function renderReport({ date, machine, runs, smoke }: ReportInput): string {
  const m = machine;
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC; run it again rather than editing this file.${smoke ? ' **Smoke run: tiny data, one repetition; these numbers mean nothing.**' : ''}`,
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${num(m.memoryGb)} GB RAM, ${m.os}; Node ${m.node}; ${m.chromium}; ${m.firefox}. ` +
      `Load average ${num(m.loadAverage)} when the run started: the machine is shared and noisy, so the ratios to ` +
      'the reference measured in the same run are what count; absolute times move from run to run.',
    '',
    'Each figure is the median over the repeated runs named beside it, with its spread (min–max, and p95 over ten ' +
      'runs or more). The ratio is value ÷ reference; where the bench alternates the two, it is the median of the ' +
      'per-pair ratios, with their range.',
    '',
    '## Budgets',
    '',
    ...budgetTable(runs),
    '',
    '### Missed budgets and what would fix them',
    '',
    ...misses(runs),
    '',
    '## Every figure, by benchmark',
    '',
    ...runs.flatMap((r) => [...benchSection(r), '']),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
