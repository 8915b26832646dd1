// web-ext lint of the Firefox production build: fails on any error and on any warning not
// explained below, so a new warning can't slip in unread. The build it lints goes to a folder
// of its own, so `npm test` leaves dist/ as `npm run build` made it; a fingerprint of dist/
// taken before and after proves that (and fails the run if anything there changed).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Warnings we have read and accept, each with the reason. */
const explained = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    files: ['content.js', 'popup.js', 'library.js'],
    why: "Preact's renderer sets innerHTML only for the dangerouslySetInnerHTML prop, which no Talkmark source uses (this script checks that).",
  },
  {
    code: 'DANGEROUS_EVAL',
    files: ['background.js', 'worker.min.js'],
    why: "tesseract.js (OCR, in Firefox's background page and in its worker) bundles regenerator-runtime and webpack's global lookup, which call the Function constructor only when globalThis or this is missing, never the case in extension pages and workers; the extension pages' CSP allows 'wasm-unsafe-eval' and no eval, so even that fallback could not run code. No Talkmark source uses eval or the Function constructor (this script checks that).",
  },
];

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : [file];
  });
}

const usesRawHtml = sources('src').filter((f) =>
  /dangerouslySetInnerHTML|\.innerHTML\s*=/.test(readFileSync(f, 'utf8')),
);
const usesEval = sources('src').filter((f) =>
  /\beval\s*\(|\bnew Function\b|\bFunction\s*\(/.test(readFileSync(f, 'utf8')),
);
if (usesEval.length > 0) {
  console.error(
    `eval or the Function constructor in ${usesEval.join(', ')}: the eval warning is no longer explained.`,
  );
  process.exit(1);
}
if (usesRawHtml.length > 0) {
  console.error(
    `Raw HTML assignment in ${usesRawHtml.join(', ')}: the innerHTML warning is no longer explained.`,
  );
  process.exit(1);
}

/** Every file under dist/ with a hash of its bytes (empty when there is no dist/). */
function fingerprint() {
  if (!existsSync('dist')) return new Map();
  return new Map(sources('dist').map((f) => [f, createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

const before = fingerprint();
const out = mkdtempSync(path.join(tmpdir(), 'talkmark-weblint-'));
let run;
try {
  execFileSync(process.execPath, ['build.mjs', '--production', '--browser', 'firefox', '--out', out], {
    stdio: 'inherit',
  });
  run = spawnSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', path.join(out, 'firefox'), '--self-hosted', '--output', 'json'],
    { encoding: 'utf8' },
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
const after = fingerprint();
const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
  (f) => before.get(f) !== after.get(f),
);
if (changed.length > 0) {
  console.error(
    `The lint build changed dist/ (it must leave it as npm run build made it): ${changed.join(', ')}`,
  );
  process.exit(1);
}
console.log(`dist/ untouched (${after.size} files compared before and after).`);
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`web-ext lint gave no report:\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
const unexplained = report.warnings.filter(
  (w) => !explained.some((e) => e.code === w.code && e.files.includes(path.basename(w.file ?? ''))),
);
for (const e of report.errors) console.error(`error ${e.code} ${e.file ?? ''}: ${e.message}`);
for (const w of unexplained) console.error(`unexplained warning ${w.code} ${w.file ?? ''}: ${w.message}`);
for (const w of report.warnings.filter((x) => !unexplained.includes(x))) {
  const e = explained.find((x) => x.code === w.code);
  console.log(`explained warning ${w.code} ${w.file}: ${e?.why}`);
}
console.log(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${unexplained.length} unexplained)`,
);
process.exit(report.errors.length + unexplained.length > 0 ? 1 : 0);
