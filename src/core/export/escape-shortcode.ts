// Hugo shortcode arguments. Hugo reads a backtick raw string verbatim (quotes, `>}}`, `{{<`
// and backslashes included), so that is the first choice. Text holding a backtick must go in
// double quotes, where Hugo 0.111 honours `\"` but mangles other backslashes (a backslash
// before a backtick is a build error; next to an escaped quote, backslashes vanish). There,
// and only there, a backslash becomes a fullwidth reverse solidus: the one case where a caption
// doesn't come back byte for byte.
import { normalizeInline } from './escape-text';

export function shortcodeArg(text: string): string {
  const line = normalizeInline(text);
  if (!line.includes('`')) return `\`${line}\``;
  return `"${line.replace(/\\/g, '\uFF3C').replace(/"/g, '\\"')}"`;
}
