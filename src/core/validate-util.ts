// Building blocks for the runtime validators. Pure, no dependencies.
// A field reader throws `Invalid` with a message naming the exact path ("note.time"); the
// public validators catch it once and return a Result, so callers never see an exception.
import { isIdLike } from './ids';
import type { ImageId, NoteId, PostId, SectionId, TalkId } from './model';
import { err, ok, type Result } from './result';

/** Size limits shared by every validator (and documented in docs/backup-format.md). */
export const limits = {
  /** Markdown of a note, a post's intro or closing. */
  longText: 100_000,
  /** Titles, names, slugs, URLs, descriptions. */
  shortText: 2_000,
  tags: 200,
  speakers: 100,
  chapters: 2_000,
  sections: 200,
  talksPerSection: 5_000,
  /** Ten years in seconds: no talk is longer. */
  maxSeconds: 315_360_000,
  imagePixels: 100_000,
  imageBytes: 50 * 1024 * 1024,
  /** Lines OCR may store for one slide, and its whole text. */
  slideLines: 500,
  slideText: 20_000,
} as const;

export class Invalid extends Error {}

export function fail(message: string): never {
  throw new Invalid(message);
}

/** Runs a throwing validator and turns `Invalid` into an error value. */
export function guard<T>(run: () => T): Result<T> {
  try {
    return ok(run());
  } catch (e) {
    if (e instanceof Invalid) return err(e.message);
    throw e;
  }
}

const idPrefixes = { post: 'p_', section: 's_', talk: 't_', note: 'n_', image: 'i_' } as const;
type IdKind = keyof typeof idPrefixes;
type IdOf<K extends IdKind> = {
  post: PostId;
  section: SectionId;
  talk: TalkId;
  note: NoteId;
  image: ImageId;
}[K];

// ISO 8601 date, optionally with a time and an offset; Date.parse checks the calendar.
const isoDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (typeof value === 'object') return 'an object';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `a string of ${value.length} characters` : `a ${typeof value}`;
}

/** Date.parse accepts "2026-02-31"; a real day of a real month is required here. */
function isCalendarDate(v: string): boolean {
  if (Number.isNaN(Date.parse(v))) return false;
  const [y, m, d] = v.slice(0, 10).split('-').map(Number) as [number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads typed fields from an untrusted object; every failure names `path.field`. */
export class Reader {
  readonly o: Record<string, unknown>;
  constructor(
    value: unknown,
    readonly path: string,
  ) {
    if (!isPlainObject(value)) fail(`${path} must be an object, not ${describe(value)}`);
    this.o = value;
  }

  has(key: string): boolean {
    return this.o[key] !== undefined;
  }

  /** Refuses fields outside `allowed` (patches: a typo must not be silently ignored). */
  only(allowed: readonly string[]): void {
    for (const key of Object.keys(this.o)) {
      if (!allowed.includes(key)) fail(`${this.path} has an unknown field "${key}"`);
    }
  }

  string(key: string, max: number = limits.shortText, min = 0): string {
    return checkString(this.o[key], `${this.path}.${key}`, max, min);
  }

  optString(key: string, max: number = limits.shortText): string | undefined {
    return this.has(key) ? this.string(key, max) : undefined;
  }

  number(key: string, min: number, max: number): number {
    const v = this.o[key];
    const where = `${this.path}.${key}`;
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${where} must be a finite number ≥ ${min}`);
    if (v < min || v > max) fail(`${where} must be between ${min} and ${max}, not ${v}`);
    return v;
  }

  integer(key: string, min: number, max: number): number {
    const v = this.number(key, min, max);
    if (!Number.isInteger(v)) fail(`${this.path}.${key} must be a whole number`);
    return v;
  }

  boolean(key: string): boolean {
    const v = this.o[key];
    if (typeof v !== 'boolean') fail(`${this.path}.${key} must be true or false`);
    return v;
  }

  oneOf<T extends string>(key: string, choices: readonly T[]): T {
    const v = this.o[key];
    if (typeof v !== 'string' || !(choices as readonly string[]).includes(v)) {
      fail(`${this.path}.${key} must be one of ${choices.map((c) => `"${c}"`).join(', ')}`);
    }
    return v as T;
  }

  id<K extends IdKind>(key: string, kind: K): IdOf<K> {
    return checkId(this.o[key], `${this.path}.${key}`, kind);
  }

  optId<K extends IdKind>(key: string, kind: K): IdOf<K> | undefined {
    return this.has(key) ? this.id(key, kind) : undefined;
  }

  date(key: string): string {
    const v = this.o[key];
    const where = `${this.path}.${key}`;
    if (typeof v !== 'string' || !isoDate.test(v) || !isCalendarDate(v)) {
      fail(`${where} must be an ISO 8601 date such as "2026-05-03T08:30:00+02:00"`);
    }
    return v;
  }

  array<T>(key: string, max: number, item: (value: unknown, path: string) => T): T[] {
    return checkArray(this.o[key], `${this.path}.${key}`, max, item);
  }
}

export function checkString(v: unknown, where: string, max: number, min = 0): string {
  if (typeof v !== 'string') fail(`${where} must be a string, not ${describe(v)}`);
  if (v.length > max) fail(`${where} is too long (${v.length} characters, at most ${max})`);
  if (v.length < min) fail(min === 1 ? `${where} must not be empty` : `${where} is too short`);
  return v;
}

export function checkId<K extends IdKind>(v: unknown, where: string, kind: K): IdOf<K> {
  if (!isIdLike(v) || !v.startsWith(idPrefixes[kind])) {
    fail(`${where} must be a ${kind} id such as "${idPrefixes[kind]}3f9c0d2a1b7e4c55"`);
  }
  return v as IdOf<K>;
}

export function checkArray<T>(
  v: unknown,
  where: string,
  max: number,
  item: (value: unknown, path: string) => T,
): T[] {
  if (!Array.isArray(v)) fail(`${where} must be an array, not ${describe(v)}`);
  if (v.length > max) fail(`${where} has too many items (${v.length}, at most ${max})`);
  return v.map((x, i) => item(x, `${where}[${i}]`));
}

/** Copies only the defined optional fields, so validated objects carry no `undefined` keys. */
export function withOptional<T extends object>(base: T, optional: Record<string, unknown>): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) out[k] = v;
  return out as T;
}
