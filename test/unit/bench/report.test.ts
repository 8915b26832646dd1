// The benchmark report's logic, on figures made up for the purpose: how a figure is judged against
// its budget, how a missed budget and an unmeasured one read in BENCHMARKS.md, and which results
// files the aggregator refuses.
import { describe, expect, it } from 'vitest';
import { BUDGETS, budgetIds } from '../../../bench/budgets';
import type { Machine } from '../../../bench/machine';
import { parseResult } from '../../../bench/read-result';
import { type BenchRun, diagnose, num, renderReport } from '../../../bench/report';
import { type BenchResult, figure, stats } from '../../../bench/results';

const machine: Machine = {
  cores: 2,
  cpu: 'Test CPU',
  memoryGb: 8,
  os: 'Linux test',
  node: 'v20.0.0',
  chromium: 'Chromium 156.0',
  firefox: 'Mozilla Firefox 153.8.0esr',
  loadAverage: 1.5,
};

function result(bench: string, figures: BenchResult['figures']): BenchResult {
  return {
    bench,
    about: `${bench} bench`,
    smoke: false,
    startedAt: '2026-11-28T00:00:00Z',
    seconds: 3,
    figures,
    notes: [],
  };
}

describe('figure', () => {
  it('takes the median of paired ratios, not the ratio of medians', () => {
    // Pairs 2/1, 10/5, 4/1: ratios 2, 2, 4 → median 2; medians 4 and 1 would say 4.
    const f = figure({
      id: 'x',
      name: 'x',
      unit: 'ms',
      values: [2, 10, 4],
      over: '3 paired runs',
      reference: { name: 'bare', values: [1, 5, 1] },
      paired: true,
      budget: 'export-time',
    });
    expect(f.value).toBe(4);
    expect(f.ratio).toBe(2);
    expect(f.ratioStats).toMatchObject({ min: 2, max: 4, n: 3 });
    expect(f.met).toBe(false);
  });

  it('judges a value budget by its direction and asks for a fix only when missed', () => {
    const fix = () => 'do less';
    const over = figure({
      id: 'a',
      name: 'a',
      unit: 'ms',
      values: [1.2, 0.9, 1.1],
      over: '3 runs',
      budget: 'detector-cpu',
      fix,
    });
    const within = figure({
      id: 'b',
      name: 'b',
      unit: 'ms',
      values: [0.5],
      over: '1 run',
      budget: 'detector-cpu',
      fix,
    });
    const f1 = figure({
      id: 'c',
      name: 'c',
      unit: '',
      values: [0.94],
      over: '1 run',
      budget: 'detector-f1',
      fix,
    });
    expect([over.met, over.fix]).toEqual([false, 'do less']);
    expect([within.met, within.fix]).toEqual([true, undefined]);
    expect(f1.met).toBe(false);
  });

  it('refuses a figure whose unit is not its budget’s', () => {
    expect(() =>
      figure({ id: 'a', name: 'a', unit: 's', values: [1], over: '1 run', budget: 'library-open' }),
    ).toThrow(/budget/);
  });

  it('computes spread statistics over finite values', () => {
    expect(stats([5, 1, 3, Number.NaN, 2, 4])).toEqual({ median: 3, min: 1, max: 5, p95: 5, n: 5 });
    expect(stats([4, 1, 3, 2]).median).toBe(2.5);
  });
});

describe('renderReport', () => {
  const missed = figure({
    id: 'time',
    name: 'export+zip',
    unit: 'ms',
    values: [300, 320, 310],
    over: '3 paired runs',
    reference: { name: 'bare zip', values: [150, 150, 150] },
    paired: true,
    budget: 'export-time',
    fix: (f) => `Export is ${num(f.ratio ?? 0)}x the zip: stream it.`,
  });
  const runs: BenchRun[] = [
    { name: 'export', status: 'ok', exitCode: 0, seconds: 20, result: result('export', [missed]) },
    { name: 'capture', status: 'absent' },
    {
      name: 'library',
      status: 'no-results',
      exitCode: 1,
      seconds: 4,
      output: 'Error: chromium crashed',
      reason: 'no results file',
    },
  ];
  const md = renderReport({ date: new Date('2026-11-28T10:00:00Z'), machine, runs, smoke: false });

  it('lists every budget, measured or not, with the reason it is not', () => {
    for (const id of budgetIds) expect(md).toContain(BUDGETS[id].text);
    expect(md).toMatch(/capture p50 ≤ 1\.3×[^\n]*not measured: no `bench:capture` script/);
    expect(md).toMatch(/library search ≤ 50 ms[^\n]*bench:library exited 1 without machine-readable results/);
    expect(md).toMatch(/slide detector ≤ 1 ms[^\n]*no `bench:slides` script/);
  });

  it('reports a missed budget as missed, with its same-run reference, ratio and fix', () => {
    const row = md.split('\n').find((l) => l.startsWith('| export ≤ 1.5×'));
    expect(row).toContain('310 ms');
    expect(row).toContain('300–320 ms over 3 paired runs');
    expect(row).toContain('bare zip: 150 ms');
    expect(row).toContain('2.07× (2.00–2.13)');
    expect(row).toContain('**MISSED**');
    expect(md).toContain(
      '- **export ≤ 1.5× the bare zip time**: export+zip is at 2.07×. Export is 2.07x the zip: stream it.',
    );
  });

  it('keeps the printed output of a bench that wrote no results, and names the machine and date', () => {
    expect(md).toContain('Error: chromium crashed');
    expect(md).toContain('2026-11-28 10:00 UTC');
    expect(md).toMatch(/2 cores \(Test CPU\).*Node v20\.0\.0; Chromium 156\.0; Mozilla Firefox 153\.8\.0esr/);
  });
});

describe('diagnose (a missed budget the bench gave no fix for)', () => {
  const search = (bare: number) =>
    figure({
      id: 's',
      name: 'search',
      unit: 'ms',
      values: [120],
      over: '1 run',
      reference: { name: 'bare index read', values: [bare] },
      budget: 'library-search',
    });

  it('says overhead trimming cannot help when the reference alone is over the budget', () => {
    expect(diagnose(search(80))).toMatch(
      /reference alone \(bare index read, 80\.0 ms\) is over the 50\.0 ms budget/,
    );
  });

  it('says the reference no longer bounds a figure that is already below it', () => {
    const text = diagnose(search(200));
    expect(text).toMatch(/already takes less than the reference \(bare index read, 200 ms\)/);
    expect(text).not.toMatch(/trimming|has to go/);
  });

  it('says how much of our own work has to go when the reference fits', () => {
    expect(diagnose(search(20))).toBe(
      'From the numbers: the reference takes 20.0 ms, leaving 30.0 ms for our own work, which takes 100 ms: 70.0 ms has to go.',
    );
  });
});

describe('parseResult', () => {
  const good = result('export', [
    figure({
      id: 'a',
      name: 'a',
      unit: 'ms',
      values: [1],
      over: '1 run',
      budget: 'export-time',
      reference: { name: 'b', values: [1] },
    }),
  ]);

  it('accepts what the benches write and refuses the rest', () => {
    expect(parseResult(JSON.stringify(good), 'export').ok).toBe(true);
    expect(parseResult(JSON.stringify(good), 'store')).toMatchObject({ ok: false });
    expect(parseResult('{"bench":', 'export')).toMatchObject({ ok: false });
    const noVerdict = { ...good, figures: [{ ...good.figures[0], met: undefined }] };
    expect(parseResult(JSON.stringify(noVerdict), 'export')).toMatchObject({
      ok: false,
      error: /no verdict/,
    });
    const unknown = { ...good, figures: [{ ...good.figures[0], budget: 'speed' }] };
    expect(parseResult(JSON.stringify(unknown), 'export')).toMatchObject({
      ok: false,
      error: /known budget/,
    });
    expect(parseResult(JSON.stringify({ ...good, figures: [] }), 'export')).toMatchObject({ ok: false });
  });
});
