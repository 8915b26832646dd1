// docs/backup.schema.json must describe what the codec writes and the validators accept:
// the sample document validates against it, every model field is named, and what the schema
// requires is exactly what the validators require.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeBackup } from '../../../src/core/backup';
import { readImageMeta, readNote, readPost, readTalk } from '../../../src/core/validate';
import { guard } from '../../../src/core/validate-util';
import { sampleSnapshot } from './fixture';

type Schema = Record<string, unknown>;
const schema = JSON.parse(
  readFileSync(new URL('../../../docs/backup.schema.json', import.meta.url), 'utf8'),
) as Schema;
const defs = schema.$defs as Record<string, Schema>;

/** The subset of JSON Schema 2020-12 the file uses; returns the first violation, or null. */
function check(value: unknown, s: Schema, path = '$'): string | null {
  if (typeof s.$ref === 'string') return check(value, defs[s.$ref.replace('#/$defs/', '')] ?? {}, path);
  if ('const' in s && value !== s.const) return `${path} must be ${JSON.stringify(s.const)}`;
  if (Array.isArray(s.enum) && !s.enum.includes(value)) return `${path} not in enum`;
  const type = s.type;
  if (type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path} not an object`;
    const o = value as Record<string, unknown>;
    for (const key of (s.required as string[] | undefined) ?? [])
      if (!(key in o)) return `${path}.${key} missing`;
    for (const [key, sub] of Object.entries((s.properties as Record<string, Schema>) ?? {})) {
      if (key in o) {
        const e = check(o[key], sub, `${path}.${key}`);
        if (e) return e;
      }
    }
  }
  if (type === 'array') {
    if (!Array.isArray(value)) return `${path} not an array`;
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) return `${path} too long`;
    for (const [i, item] of value.entries()) {
      const e = check(item, s.items as Schema, `${path}[${i}]`);
      if (e) return e;
    }
  }
  if (type === 'string') {
    if (typeof value !== 'string') return `${path} not a string`;
    if (typeof s.maxLength === 'number' && value.length > s.maxLength) return `${path} too long`;
    if (typeof s.minLength === 'number' && value.length < s.minLength) return `${path} too short`;
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value))
      return `${path} bad pattern`;
  }
  if (type === 'number' || type === 'integer') {
    if (typeof value !== 'number' || (type === 'integer' && !Number.isInteger(value)))
      return `${path} not a ${type}`;
    if (typeof s.minimum === 'number' && value < s.minimum) return `${path} below minimum`;
    if (typeof s.maximum === 'number' && value > s.maximum) return `${path} above maximum`;
  }
  if (type === 'boolean' && typeof value !== 'boolean') return `${path} not a boolean`;
  return null;
}

function sampleDocument(): Record<string, Array<Record<string, unknown>>> {
  return JSON.parse(strFromU8(unzipSync(encodeBackup(sampleSnapshot()))['backup.json'] as Uint8Array));
}

const kinds = [
  { def: 'post', list: 'posts', read: readPost },
  { def: 'talk', list: 'talks', read: readTalk },
  { def: 'note', list: 'notes', read: readNote },
  { def: 'image', list: 'images', read: readImageMeta },
] as const;

describe('docs/backup.schema.json', () => {
  it('is a draft 2020-12 schema', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts the sample backup document, and the checker can fail', () => {
    const doc = sampleDocument();
    expect(check(doc, schema)).toBeNull();
    const bad = sampleDocument();
    (bad.notes?.[0] as Record<string, unknown>).time = -1;
    expect(check(bad, schema)).toBe('$.notes[0].time below minimum');
    expect(check({ ...doc, version: 2 }, schema)).toBe('$.version must be 1');
  });

  it('names every field of every record, and nothing more', () => {
    const doc = sampleDocument();
    for (const { def, list } of kinds) {
      const fields = new Set((doc[list] ?? []).flatMap((r) => Object.keys(r)));
      expect(Object.keys((defs[def]?.properties as object) ?? {}).sort(), def).toEqual([...fields].sort());
    }
    expect(Object.keys(schema.properties as object).sort()).toEqual(Object.keys(doc).sort());
  });

  it('requires exactly the fields the validators require', () => {
    const doc = sampleDocument();
    for (const { def, list, read } of kinds) {
      const record = doc[list]?.find(
        (r) => Object.keys(r).length === Object.keys(defs[def]?.properties as object).length,
      );
      if (!record) throw new Error(`the sample needs a ${def} with every field`);
      const required = new Set(defs[def]?.required as string[]);
      for (const key of Object.keys(record)) {
        if (key === 'file') continue; // checked by the decoder, not the record validator
        const { [key]: _, ...without } = record;
        expect(guard(() => read(without, def)).ok, `${def} without ${key}`).toBe(!required.has(key));
      }
    }
  });
});
