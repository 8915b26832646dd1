// Reads a bench's results file, refusing anything not shaped like a BenchResult, so a bench
// that writes a half-finished or older file shows up as "no results" instead of a broken table.
import { existsSync, readFileSync } from 'node:fs';
import { BUDGETS } from './budgets';
import type { BenchResult, Figure, Stats } from './results';

type Check<T> = { ok: true; value: T } | { ok: false; error: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isNum = (x: unknown): x is number => typeof x === 'number';

function isStats(x: unknown): x is Stats {
  return isRecord(x) && ['median', 'min', 'max', 'p95', 'n'].every((k) => isNum(x[k]));
}

function checkFigure(x: unknown, at: string): string | null {
  if (!isRecord(x)) return `${at} is not an object`;
  for (const k of ['id', 'name', 'unit', 'over'] as const)
    if (typeof x[k] !== 'string') return `${at}.${k} is not a string`;
  if (!isNum(x.value)) return `${at}.value is not a number`;
  if (!isStats(x.stats)) return `${at}.stats is malformed`;
  if (x.reference !== undefined) {
    const r = x.reference;
    if (!isRecord(r) || typeof r.name !== 'string' || !isNum(r.value) || !isStats(r.stats))
      return `${at}.reference is malformed`;
  }
  if (x.ratio !== undefined && !isNum(x.ratio)) return `${at}.ratio is not a number`;
  if (x.budget !== undefined) {
    if (typeof x.budget !== 'string' || !(x.budget in BUDGETS)) return `${at}.budget is not a known budget`;
    if (typeof x.met !== 'boolean') return `${at} has a budget but no verdict`;
  }
  for (const k of ['fix', 'note'] as const)
    if (x[k] !== undefined && typeof x[k] !== 'string') return `${at}.${k} is not a string`;
  return null;
}

export function parseResult(text: string, bench: string): Check<BenchResult> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!isRecord(data)) return { ok: false, error: 'not an object' };
  if (data.bench !== bench) return { ok: false, error: `written by "${String(data.bench)}", not ${bench}` };
  if (typeof data.about !== 'string' || typeof data.startedAt !== 'string' || !isNum(data.seconds))
    return { ok: false, error: 'about, startedAt or seconds missing' };
  if (typeof data.smoke !== 'boolean') return { ok: false, error: 'smoke flag missing' };
  if (!Array.isArray(data.figures) || data.figures.length === 0) return { ok: false, error: 'no figures' };
  if (!Array.isArray(data.notes) || !data.notes.every((n) => typeof n === 'string'))
    return { ok: false, error: 'notes malformed' };
  for (const [i, f] of data.figures.entries()) {
    const error = checkFigure(f, `figures[${i}]`);
    if (error) return { ok: false, error };
  }
  return { ok: true, value: data as unknown as BenchResult & { figures: Figure[] } };
}

export function readResult(path: string, bench: string): Check<BenchResult> {
  if (!existsSync(path)) return { ok: false, error: 'no results file' };
  return parseResult(readFileSync(path, 'utf8'), bench);
}
