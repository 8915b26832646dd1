// Text clean-up shared by every escaper: what survives UTF-8, and what fits on one line.

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Lone surrogates can't be written as UTF-8; they become U+FFFD, as TextEncoder would make them. */
export function wellFormed(text: string): string {
  return text.replace(loneSurrogate, '\uFFFD');
}

// C0 controls other than whitespace, DEL and C1 controls: garbage in a title, and NUL is
// replaced by CommonMark parsers anyway.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const controls = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
// Only ASCII whitespace: CommonMark trims and breaks on these; a no-break space is content.
const asciiSpace = /[ \t\n\r\f\v\u2028\u2029]+/g;

/**
 * Page-supplied text (titles, names, captions) as one line: whitespace runs become one space,
 * control characters go, and the ends are trimmed of any Unicode space (Markdown parsers trim
 * them in headings and paragraphs). Exports print exactly this, so tests compare against it.
 */
export function normalizeInline(text: string): string {
  return wellFormed(text).replace(controls, '').replace(asciiSpace, ' ').trim();
}
