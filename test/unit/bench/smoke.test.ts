// `npm run bench` in smoke mode (what `npm run bench:smoke` runs): every Node-side bench on tiny
// data, once, each in its own process as in the real run; browser-side benches (bench:capture,
// bench:library, and bench:slides and bench:ocr, whose decks are rendered in Chromium) are only
// bundled with esbuild. Checks the aggregator exits
// cleanly and writes a well-formed report, so the benchmark code can't rot between real runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, budgetIds } from '../../../bench/budgets';
import { readResult } from '../../../bench/read-result';

const root = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'talkmark-bench-smoke-'));
const report = join(dir, 'BENCHMARKS.md');
const results = join(dir, 'results');
const nodeBenches = ['export', 'store'];
let run: ReturnType<typeof spawnSync>;
let md = '';

beforeAll(() => {
  run = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'bench/run.ts'], {
    cwd: root,
    env: { ...process.env, BENCH_SMOKE: '1', BENCH_OUT: report, BENCH_RESULTS: results },
    encoding: 'utf8',
    timeout: 150_000,
  });
  md = readFileSync(report, 'utf8');
}, 160_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench smoke run', () => {
  it('exits cleanly: every bench either reported or (browser-side) built', () => {
    expect(run.stderr, String(run.stdout).slice(-2000)).not.toMatch(/Error:/);
    expect(run.status).toBe(0);
  });

  it('gets well-formed results from each Node-side bench, marked as smoke', () => {
    expect(readdirSync(results).sort()).toEqual(expect.arrayContaining(nodeBenches.map((b) => `${b}.json`)));
    for (const bench of nodeBenches) {
      const r = readResult(join(results, `${bench}.json`), bench);
      if (!r.ok) throw new Error(`${bench}: ${r.error}`);
      expect(r.value.smoke).toBe(true);
      for (const f of r.value.figures) {
        expect(Number.isFinite(f.value), `${bench} ${f.id}`).toBe(true);
        if (f.reference) expect(Number.isFinite(f.ratio), `${bench} ${f.id} ratio`).toBe(true);
      }
    }
  });

  it('writes a report with the machine, every budget and a verdict for each Node-side one', () => {
    expect(md).toMatch(/^# Benchmarks\n/);
    expect(md).toContain('Smoke run');
    expect(md).toMatch(/Machine: \d+ cores \(.+\).*Node v\d+/);
    expect(md).not.toMatch(/NaN|undefined|\[object/);
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    for (const id of budgetIds) {
      const mine = rows.filter((l) => l.startsWith(`| ${BUDGETS[id].text} |`));
      expect(mine.length, id).toBeGreaterThan(0);
      if (nodeBenches.includes(BUDGETS[id].bench))
        for (const row of mine) expect(row, id).toMatch(/\*\*(met|MISSED)\*\* \|$/);
    }
    for (const bench of nodeBenches)
      expect(md).toMatch(new RegExp(`### ${bench}\\n\\n.+\\(\\d[\\d.]* s\\)\\.\\n\\n\\| Figure`));
  });

  it('says what it did with the browser-side benches', () => {
    for (const bench of ['capture', 'library', 'slides', 'ocr'])
      expect(md).toMatch(
        new RegExp(`### ${bench}\\n\\n(Smoke mode: bundled with esbuild|Not run: no \`bench:${bench}\`)`),
      );
  });
});
