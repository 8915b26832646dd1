// Dependency audit of what ships (production dependencies), run by `npm test`.
// 1. `npm audit --omit=dev --json`: fails on any high or critical advisory. When the advisory
//    service can't be reached (offline, or a registry mirror without the audit endpoint, which
//    answers 405), it says so in one line starting "npm audit could not run:" and never claims
//    the audit passed.
// 2. Always, and offline: what ships is exactly the reviewed list below, with no transitive
//    dependencies, and each has an integrity hash in package-lock.json. A new production
//    dependency, a dependency of one, or a version change fails until it is reviewed here.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Production dependencies as reviewed: name → version in package-lock.json. */
export const reviewed = {
  '@tesseract.js-data/eng': '1.0.0',
  fflate: '0.8.3',
  idb: '8.0.4',
  preact: '10.29.8',
  'tesseract.js': '7.0.0',
  'tesseract.js-core': '7.0.0',
  'webextension-polyfill': '0.12.0',
};

/**
 * What tesseract.js brings with it, reviewed too: name → version. The extension bundles only its
 * browser side (wasm-feature-detect, regenerator-runtime; bmp-js and zlibjs inside its worker);
 * node-fetch and its URL packages serve tesseract.js in Node (the CLI), idb-keyval its cache
 * (turned off), opencollective-postinstall an install message (npm runs no install scripts here).
 */
export const reviewedTransitive = {
  'bmp-js': '0.1.0',
  'idb-keyval': '6.3.0',
  'is-url': '1.2.4',
  'node-fetch': '2.7.0',
  'opencollective-postinstall': '2.0.3',
  'regenerator-runtime': '0.13.11',
  tr46: '0.0.3',
  'wasm-feature-detect': '1.9.0',
  'webidl-conversions': '3.0.1',
  'whatwg-url': '5.0.0',
  zlibjs: '0.3.1',
};

/** The only dependency edges reviewed; every other shipped package must have none. */
export const reviewedEdges = {
  'tesseract.js': [
    'bmp-js',
    'idb-keyval',
    'is-url',
    'node-fetch',
    'opencollective-postinstall',
    'regenerator-runtime',
    'tesseract.js-core',
    'wasm-feature-detect',
    'zlibjs',
  ],
  'node-fetch': ['whatwg-url'],
  'whatwg-url': ['tr46', 'webidl-conversions'],
};

/**
 * Reads `npm audit --json` output. `ran: false` when no report came back (the endpoint failed);
 * otherwise the high and critical findings, one line each.
 */
export function readAudit(stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { ran: false, why: `its output was not JSON (${String(stdout).trim().slice(0, 120) || 'empty'})` };
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts || typeof counts !== 'object') {
    const why = report?.message ?? report?.error?.summary ?? 'no audit report in its output';
    return { ran: false, why: String(why).split('\n')[0] };
  }
  const serious = Object.values(report.vulnerabilities ?? {})
    .filter((v) => v && (v.severity === 'high' || v.severity === 'critical'))
    .map((v) => `${v.severity}: ${v.name} ${v.range ?? ''}`.trim());
  const total = (counts.high ?? 0) + (counts.critical ?? 0);
  // The summary counts and the list must agree; if not, trust the larger.
  if (serious.length < total) serious.push(`${total - serious.length} more high or critical (see npm audit)`);
  return { ran: true, serious, counts };
}

/** Problems with what ships according to the lockfile; empty when it is the reviewed list. */
export function checkShipped(lock, list = reviewed, transitive = reviewedTransitive, edges = reviewedEdges) {
  const problems = [];
  if (lock?.lockfileVersion !== 3)
    problems.push(`package-lock.json is lockfileVersion ${lock?.lockfileVersion}, expected 3`);
  const packages = lock?.packages ?? {};
  const rootDeps = Object.keys(packages['']?.dependencies ?? {}).sort();
  const want = Object.keys(list).sort();
  if (rootDeps.join() !== want.join())
    problems.push(`package.json dependencies are [${rootDeps.join(', ')}], reviewed: [${want.join(', ')}]`);
  const shipped = Object.entries(packages).filter(([key, p]) => key !== '' && !p.dev && !p.devOptional);
  const names = shipped.map(([key]) => key.replace(/^.*node_modules\//, ''));
  const all = { ...transitive, ...list };
  for (const [key, p] of shipped) {
    const name = key.replace(/^.*node_modules\//, '');
    if (!(name in all)) {
      problems.push(`${key} ${p.version ?? ''} ships but is not reviewed`.replace(/\s+/g, ' '));
      continue;
    }
    if (key !== `node_modules/${name}`) problems.push(`${key} is a nested copy of ${name}`);
    if (p.version !== all[name])
      problems.push(`${name} is ${p.version} in the lockfile, reviewed: ${all[name]}`);
    if (!/^sha(256|384|512)-[A-Za-z0-9+/]+=*$/.test(p.integrity ?? ''))
      problems.push(`${name} has no integrity hash in package-lock.json`);
    const allowed = edges[name] ?? [];
    const deps = Object.keys({ ...p.dependencies, ...p.optionalDependencies }).filter(
      (d) => !allowed.includes(d),
    );
    if (deps.length)
      problems.push(
        `${name} now depends on ${deps.join(', ')} (reviewed with ${allowed.length ? allowed.join(', ') : 'no dependencies'})`,
      );
  }
  for (const name of [...want, ...Object.keys(transitive)])
    if (!names.includes(name)) problems.push(`${name} is reviewed but not in the lockfile`);
  return problems;
}

function runAudit(cwd) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = spawnSync(npm, ['audit', '--omit=dev', '--json'], {
    cwd,
    encoding: 'utf8',
    timeout: 90_000,
    maxBuffer: 32 * 1024 * 1024,
  });
  if (out.error) return { ran: false, why: out.error.message };
  return readAudit(out.stdout);
}

function main() {
  const root = path.resolve(import.meta.dirname, '..');
  let failed = false;

  const audit = runAudit(root);
  if (!audit.ran) {
    console.warn(
      `npm audit could not run: ${audit.why}. NO ADVISORY CHECK WAS DONE (only the offline check of what ships).`,
    );
  } else if (audit.serious.length) {
    failed = true;
    console.error(`npm audit: ${audit.serious.length} high or critical finding(s) in what ships:`);
    for (const line of audit.serious) console.error(`  ${line}`);
  } else {
    const c = audit.counts;
    console.log(
      `npm audit (production dependencies): no high or critical finding (${c.moderate ?? 0} moderate, ${c.low ?? 0} low).`,
    );
  }

  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const problems = checkShipped(lock);
  if (problems.length) {
    failed = true;
    console.error('What ships is not the reviewed list (scripts/audit.mjs):');
    for (const p of problems) console.error(`  ${p}`);
    console.error('Review the change, then update `reviewed` in scripts/audit.mjs.');
  } else {
    const list = Object.entries(reviewed).map(([n, v]) => `${n} ${v}`);
    console.log(
      `What ships is the reviewed list, no transitive dependencies, integrity hashes present: ${list.join(', ')}.`,
    );
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
