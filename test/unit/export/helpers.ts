// Shared by the export tests: reading what an export gives back through real parsers.
import { spawnSync } from 'node:child_process';
import { type Node, Parser } from 'commonmark';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import type { ExportFile } from '../../../src/core/export';

export const decode = (b: Uint8Array) => new TextDecoder().decode(b);

export function fileText(files: readonly ExportFile[], path: string): string {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`no file ${path} in ${files.map((x) => x.path).join(', ')}`);
  return decode(f.bytes);
}

/** Front matter parsed by `yaml`, and the body after it. */
export function splitFrontMatter(text: string): { front: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) throw new Error('no front matter');
  return { front: parseYaml(m[1] ?? '') as Record<string, unknown>, body: text.slice(m[0].length) };
}

/** A node's text as a reader sees it: text and code literals, breaks as newlines. */
export function plainText(node: Node): string {
  let out = '';
  const w = node.walker();
  for (let ev = w.next(); ev; ev = w.next()) {
    if (!ev.entering) continue;
    const n = ev.node;
    if (n.type === 'text' || n.type === 'code') out += n.literal ?? '';
    else if (n.type === 'softbreak' || n.type === 'linebreak') out += '\n';
  }
  return out;
}

/** Every node of a type (and heading level) in document order. */
export function nodes(markdown: string, type: string, level?: number): Node[] {
  const out: Node[] = [];
  const w = new Parser().parse(markdown).walker();
  for (let ev = w.next(); ev; ev = w.next()) {
    if (ev.entering && ev.node.type === type && (level === undefined || ev.node.level === level))
      out.push(ev.node);
  }
  return out;
}

/** Fails with a clear message when a tool the test needs is missing (never skips). */
export function requireTool(name: string, versionArg = '--version'): void {
  const r = spawnSync(name, [versionArg], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(
      `${name} is needed by this test but isn't runnable here (${r.error?.message ?? r.stderr}); install the Debian package "${name}"`,
    );
  }
}

/** Strings rich in what breaks Markdown, YAML and shortcodes, mixed with arbitrary Unicode. */
export const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(
      fc.constantFrom(
        '"',
        "'",
        ':',
        '#',
        '---',
        '\n',
        '\r\n',
        '{{<',
        '>}}',
        '{{%',
        '{%',
        '*',
        '_',
        '`',
        '```',
        '<script>',
        '&amp;',
        '&',
        '\\',
        '@',
        '!',
        '%',
        '|',
        '[',
        ']',
        '(',
        ')',
        'é',
        '😀',
        '\u2028',
        '\u0085',
        ' ',
        '\t',
        'a',
        '1.',
        '- ',
        '> ',
        '~~',
        '$$',
        '==',
        '[[',
        '^',
        'C:\\',
        '../',
        '\u00a0',
        '\ufeff',
        '\ud800',
        'CON',
      ),
      { maxLength: 20 },
    )
    .map((parts) => parts.join('')),
);
