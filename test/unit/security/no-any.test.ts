// The code that carries untrusted input (messages) and keeps the user's data (storage) stays
// typed end to end: one `any` there and a malformed payload can reach IndexedDB unchecked.
// Biome's noExplicitAny also runs, but a `biome-ignore` comment would silence it; this won't.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const anyPattern = /:\s*any\b|\bas\s+any\b|<\s*any\s*>|\bany\[\]|<any,|,\s*any>/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

const guarded = [
  ...readdirSync(path.join(root, 'src/core'))
    .filter((f) => /^messages.*\.ts$/.test(f))
    .map((f) => path.join(root, 'src/core', f)),
  ...files(path.join(root, 'src/background')),
  ...files(path.join(root, 'src/store')),
];

/** `file:line: text` for every line that uses `any`, comments excluded. */
function anyUses(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.replace(/\/\/.*$/, ''), n: i + 1 }))
    .filter(({ line }) => anyPattern.test(line))
    .map(({ line, n }) => `${path.relative(root, file)}:${n}: ${line.trim()}`);
}

describe('no `any` in message or storage code', () => {
  it('covers the message, background and store files', () => {
    const rel = guarded.map((f) => path.relative(root, f));
    expect(rel).toContain('src/core/messages.ts');
    expect(rel).toContain('src/background/router.ts');
    expect(rel).toContain('src/store/tx.ts');
  });

  it('the pattern catches each way of writing it, and not words like "many"', () => {
    for (const bad of [
      'x: any',
      'y as any',
      'f<any>()',
      'let z: any[] = []',
      'Map<any, string>',
      'Record<string, any>',
    ])
      expect(anyPattern.test(bad), bad).toBe(true);
    for (const fine of ['company: string', 'as anything', 'many<T>', 'anyUses()'])
      expect(anyPattern.test(fine), fine).toBe(false);
  });

  it('finds none', () => {
    expect(guarded.flatMap(anyUses)).toEqual([]);
  });
});
