// The machine-readable side of every benchmark: each bench keeps its console output for people
// and also writes bench/.cache/results/<bench>.json (one BenchResult) for `npm run bench`, which
// turns them all into BENCHMARKS.md. Shared so every bench states figures the same way.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BudgetId, budget as budgetOf } from './budgets';

/** `BENCH_SMOKE=1`: every bench runs on tiny data, once, so the code is exercised, not measured. */
export const SMOKE = process.env.BENCH_SMOKE === '1';

/** Where results go: `BENCH_RESULTS` (set by the aggregator) or bench/.cache/results. */
export const RESULTS_DIR = resolve(
  process.env.BENCH_RESULTS ?? join(import.meta.dirname, '.cache', 'results'),
);

export interface Stats {
  median: number;
  min: number;
  max: number;
  p95: number;
  /** How many values the statistics are over. */
  n: number;
}

export interface Figure {
  /** Stable key within its bench, e.g. `search-kube`. */
  id: string;
  name: string;
  unit: string;
  /** The headline value: the median of `stats` unless `note` says otherwise. */
  value: number;
  stats: Stats;
  /** What the spread is over ("7 paired runs", "10 videos"); repeated runs unless stated. */
  over: string;
  /** The comparison measured in the same run, on the same machine state. */
  reference?: { name: string; value: number; stats: Stats };
  /** value ÷ reference (or the median of paired ratios, which a noisy machine disturbs less). */
  ratio?: number;
  ratioStats?: Stats;
  budget?: BudgetId;
  /** Whether the budget is met; absent when the figure has no budget. */
  met?: boolean;
  /** What would bring a missed budget within reach; the bench's own diagnosis from its numbers. */
  fix?: string;
  note?: string;
}

export interface BenchResult {
  bench: string;
  /** What the bench measures and where (Node, fake-indexeddb, headless Chromium…). */
  about: string;
  smoke: boolean;
  startedAt: string;
  seconds: number;
  figures: Figure[];
  notes: string[];
}

/** "7 paired runs", "1 paired run". */
export const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

export function stats(values: readonly number[]): Stats {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
  const mid =
    s.length % 2 ? at(0.5) : ((s[s.length / 2 - 1] ?? Number.NaN) + (s[s.length / 2] ?? Number.NaN)) / 2;
  return { median: mid, min: s[0] ?? Number.NaN, max: s.at(-1) ?? Number.NaN, p95: at(0.95), n: s.length };
}

/** Ratios of runs taken in alternation (ours[i] right next to bare[i]): each pair shares a machine state. */
export function pairedRatios(ours: readonly number[], bare: readonly number[]): number[] {
  return ours.map((x, i) => x / (bare[i] ?? Number.NaN)).filter((r) => Number.isFinite(r));
}

/** Whether a figure meets its budget: the budget says whether it bounds the value or the ratio. */
export function meets(budget: BudgetId, value: number, ratio: number | undefined): boolean {
  const b = budgetOf(budget);
  const x = b.on === 'ratio' ? ratio : value;
  if (x === undefined || !Number.isFinite(x)) return false;
  return b.direction === 'max' ? x <= b.limit : x >= b.limit;
}

export interface FigureInput {
  id: string;
  name: string;
  unit: string;
  values: readonly number[];
  over: string;
  reference?: { name: string; values: readonly number[] };
  /** Pair the reference run by run (alternating runs); otherwise ratio = median ÷ median. */
  paired?: boolean;
  budget?: BudgetId;
  /** Called only when the budget is missed, with the figure as measured. */
  fix?: (f: Figure) => string;
  note?: string;
}

export function figure(input: FigureInput): Figure {
  const s = stats(input.values);
  const f: Figure = {
    id: input.id,
    name: input.name,
    unit: input.unit,
    value: s.median,
    stats: s,
    over: input.over,
  };
  if (input.reference) {
    const r = stats(input.reference.values);
    f.reference = { name: input.reference.name, value: r.median, stats: r };
    if (input.paired) {
      f.ratioStats = stats(pairedRatios(input.values, input.reference.values));
      f.ratio = f.ratioStats.median;
    } else f.ratio = s.median / r.median;
  }
  if (input.note) f.note = input.note;
  if (input.budget) {
    const unit = budgetOf(input.budget).unit;
    if (budgetOf(input.budget).on === 'value' && unit && unit !== input.unit)
      throw new Error(`${input.id}: figure in ${input.unit}, budget ${input.budget} in ${unit}`);
    f.budget = input.budget;
    f.met = meets(input.budget, f.value, f.ratio);
    if (!f.met && input.fix) f.fix = input.fix(f);
  }
  return f;
}

/** Writes the bench's results and returns the path; the aggregator reads nothing else. */
export function writeResults(result: Omit<BenchResult, 'smoke'>): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${result.bench}.json`);
  writeFileSync(path, `${JSON.stringify({ ...result, smoke: SMOKE }, null, 2)}\n`);
  return path;
}

/** Collects a bench's figures and notes, timing the whole bench for the report. */
export function startBench(bench: string, about: string) {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const figures: Figure[] = [];
  const notes: string[] = [];
  return {
    figures,
    notes,
    add: (input: FigureInput) => {
      const f = figure(input);
      figures.push(f);
      return f;
    },
    write: () =>
      writeResults({ bench, about, startedAt, seconds: (performance.now() - t0) / 1000, figures, notes }),
  };
}
