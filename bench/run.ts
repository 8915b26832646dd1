// `npm run bench`: runs every `bench:<name>` script in package.json, one after another, each in
// its own process (two cores on a shared machine: running them side by side would measure each
// other), collects the results each writes, and renders BENCHMARKS.md.
//   BENCH_SMOKE=1   tiny data, one repetition, report to bench/.cache/smoke/ (npm test runs this);
//                   browser-side benches are only bundled, unless BENCH_SMOKE_BROWSERS=1
//   BENCH_OUT=path  where the report goes; BENCH_RESULTS=dir where the benches' JSON goes;
//   BENCH_ONLY=a,b  runs only those benches
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { BUDGETS } from './budgets';
import { machine } from './machine';
import { readResult } from './read-result';
import { type BenchRun, renderReport } from './report';

const root = resolve(import.meta.dirname, '..');
const smoke = process.env.BENCH_SMOKE === '1';
const smokeDir = join(root, 'bench/.cache/smoke');
const resultsDir = resolve(
  process.env.BENCH_RESULTS ?? (smoke ? join(smokeDir, 'results') : join(root, 'bench/.cache/results')),
);
const out = resolve(
  process.env.BENCH_OUT ?? (smoke ? join(smokeDir, 'BENCHMARKS.md') : join(root, 'BENCHMARKS.md')),
);
const timeoutMs = Number(process.env.BENCH_TIMEOUT_S ?? (smoke ? 120 : 900)) * 1000;
/** Browser benches first, then the Node ones; the longest (store) last. */
const ORDER = ['capture', 'auto-capture', 'library', 'slides', 'export', 'store'];

function benchScripts(): Map<string, string> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const found = new Map<string, string>();
  for (const [key, script] of Object.entries(pkg.scripts ?? {})) {
    const m = /^bench:([\w-]+)$/.exec(key);
    if (m?.[1] && m[1] !== 'smoke') found.set(m[1], script);
  }
  return found;
}

/** Every bench a budget expects, plus any other bench script, in a stable order. */
function benchNames(scripts: Map<string, string>): string[] {
  const names = new Set([...Object.values(BUDGETS).map((b) => b.bench), ...scripts.keys()]);
  const rank = (n: string) => (ORDER.includes(n) ? ORDER.indexOf(n) : ORDER.length);
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The TypeScript entry files a script runs (e.g. `tsx bench/capture/run.ts`). */
const entries = (script: string) =>
  [...script.matchAll(/bench\/[\w./-]+\.ts\b/g)].map((m) => join(root, m[0]));

/**
 * A bench that drives a browser (its entry, or a module of bench/ it imports, loads a browser
 * driver): too slow for npm test's smoke run, so there it is only bundled.
 */
function drivesBrowser(script: string): boolean {
  const seen = new Set<string>();
  const drives = (file: string): boolean => {
    if (seen.has(file) || !existsSync(file)) return false;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    if (/playwright-core|puppeteer-core/.test(text)) return true;
    const local = [...text.matchAll(/from '(\.{1,2}\/[\w./-]+)'/g)].map((m) =>
      join(dirname(file), `${m[1]}.ts`),
    );
    return local.filter((f) => f.startsWith(join(root, 'bench'))).some(drives);
  };
  return entries(script).some(drives);
}

async function bundleCheck(name: string, script: string): Promise<BenchRun> {
  const files = entries(script);
  if (files.length === 0)
    return { name, status: 'build-failed', reason: 'no bench/…/*.ts entry in its script' };
  try {
    await build({
      entryPoints: files,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    return { name, status: 'built' };
  } catch (e) {
    return {
      name,
      status: 'build-failed',
      reason: e instanceof Error ? e.message.split('\n')[0] : String(e),
    };
  }
}

/** Runs `npm run bench:<name>`, echoing its output and keeping the tail for the report. */
function runChild(
  name: string,
): Promise<{ code: number | null; seconds: number; tail: string; timedOut: boolean }> {
  const t0 = performance.now();
  const child = spawn('npm', ['run', '--silent', `bench:${name}`], {
    cwd: root,
    env: { ...process.env, BENCH_RESULTS: resultsDir, BENCH_SMOKE: smoke ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let tail = '';
  const keep = (chunk: Buffer, to: NodeJS.WriteStream) => {
    to.write(chunk);
    tail = (tail + chunk.toString()).split('\n').slice(-30).join('\n');
  };
  child.stdout.on('data', (c: Buffer) => keep(c, process.stdout));
  child.stderr.on('data', (c: Buffer) => keep(c, process.stderr));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    // The whole group: npm, tsx and any browser the bench launched.
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  }, timeoutMs);
  return new Promise((done) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, seconds: (performance.now() - t0) / 1000, tail, timedOut });
    });
  });
}

const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);

async function runBench(name: string, script: string | undefined): Promise<BenchRun> {
  if (!script) return { name, status: 'absent' };
  if (only && !only.includes(name)) return { name, status: 'skipped', reason: 'left out by BENCH_ONLY' };
  const browser = drivesBrowser(script);
  if (smoke && browser && process.env.BENCH_SMOKE_BROWSERS !== '1') return bundleCheck(name, script);
  const file = join(resultsDir, `${name}.json`);
  rmSync(file, { force: true });
  console.log(`\n=== bench:${name}${smoke ? ' (smoke)' : ''} ===`);
  const { code, seconds, tail, timedOut } = await runChild(name);
  const read = readResult(file, name);
  if (read.ok) return { name, status: 'ok', exitCode: code, seconds, result: read.value };
  const reason = timedOut ? `stopped after ${timeoutMs / 1000} s` : read.error;
  return { name, status: 'no-results', exitCode: code, seconds, output: tail, reason };
}

async function main(): Promise<number> {
  mkdirSync(resultsDir, { recursive: true });
  const scripts = benchScripts();
  const date = new Date();
  const onMachine = machine();
  const runs: BenchRun[] = [];
  for (const name of benchNames(scripts)) runs.push(await runBench(name, scripts.get(name)));
  writeFileSync(out, renderReport({ date, machine: onMachine, runs, smoke }));
  const figures = runs.flatMap((r) => r.result?.figures ?? []);
  const judged = figures.filter((f) => f.budget);
  console.log(
    `\nWrote ${out}: ${judged.filter((f) => f.met).length} figures within budget, ` +
      `${judged.filter((f) => !f.met).length} missing it, ${figures.length - judged.length} without a budget.`,
  );
  for (const r of runs.filter((x) => x.status !== 'ok'))
    console.log(`  ${r.name}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`);
  // A missed budget is a finding for the report, not a failure; a bench that breaks is.
  return runs.some((r) => r.status === 'no-results' || r.status === 'build-failed') ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
