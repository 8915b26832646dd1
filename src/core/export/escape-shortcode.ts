// Hugo shortcode arguments. Hugo reads a backtick raw string verbatim (quotes, `>}}`, `{{<`
// and backslashes included), so that is the first choice. Text holding a backtick goes in
// double quotes, where Hugo unescapes only `\"`; a backslash right before the closing quote
// would escape it, so that one backslash becomes a fullwidth reverse solidus (the one case
// where the text can't come back byte for byte).
import { normalizeInline } from './escape-text';

export function shortcodeArg(text: string): string {
  const line = normalizeInline(text);
  if (!line.includes('`')) return `\`${line}\``;
  return `"${line.replace(/"/g, '\\"').replace(/\\$/, '\uFF3C')}"`;
}
