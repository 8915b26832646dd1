// YAML front matter written by hand with double-quoted scalars: every string is quoted and
// escaped, so nothing a user typed (colons, `---`, leading `@ * & ! %`, newlines) changes the
// document's structure. Hugo (Go yaml), Jekyll (Psych) and Obsidian all read this subset.
import { wellFormed } from './escape-text';

const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' };

/** True for code points YAML allows unescaped in a double-quoted scalar (its "printable" set). */
function printable(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff) ||
    code >= 0x10000
  );
}

/** A YAML double-quoted scalar holding exactly `text` (lone surrogates become U+FFFD). */
export function yamlString(text: string): string {
  let out = '"';
  for (const ch of wellFormed(text)) {
    const code = ch.codePointAt(0) ?? 0;
    const esc = named[ch];
    if (esc !== undefined) out += esc;
    // NEL, LS and PS are line breaks to YAML 1.1 readers, so they are escaped too.
    else if (printable(code) && code !== 0x85 && code !== 0x2028 && code !== 0x2029) out += ch;
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

export type YamlValue = string | boolean | number | readonly string[];

/** Keys must be plain identifiers (ours, never user text); values are quoted. */
export function yamlFrontMatter(fields: ReadonlyArray<readonly [string, YamlValue | undefined]>): string {
  const lines = ['---'];
  for (const [key, value] of fields) {
    if (!/^[a-z_][a-z0-9_]*$/i.test(key)) throw new Error(`front matter key not plain: ${key}`);
    if (value === undefined) continue;
    if (typeof value === 'string') lines.push(`${key}: ${yamlString(value)}`);
    else if (typeof value === 'boolean' || typeof value === 'number') lines.push(`${key}: ${String(value)}`);
    else if (value.length === 0) lines.push(`${key}: []`);
    else {
      lines.push(`${key}:`);
      for (const item of value) lines.push(`  - ${yamlString(item)}`);
    }
  }
  lines.push('---', '');
  return lines.join('\n');
}
