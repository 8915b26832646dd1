// Generated hostile notes for the export tests: lines of template syntax, raw HTML, open
// fences and comments, link definitions and list or quote markers, in any order.
import fc from 'fast-check';

/** Text that must read back exactly as typed, wherever it lands in a note. */
export const literalTokens = [
  '{{< youtube ID >}}',
  '{{% notice info %}}',
  '{{< /figure >}}',
  '{{< param author >}}',
  '{{< figure src="x" >}}',
  '{% if x %}',
  '{{ site.title }}',
  '%% hidden %%',
  '<script>alert(1)</script>',
  '<!--',
  '-->',
  '<pre>',
  '</pre>',
  '<textarea>',
  '<div onclick="x">',
  '<img src=x onerror=alert(1)>',
  '[foo]: http://evil.example/',
  '[^1]: note',
  '[click](javascript:alert(1))',
  '<http://evil.example>',
  '{: .class}',
  '$$x$$',
  // kramdown's own syntax (Jekyll): extensions, abbreviations, definitions, tables, guillemets.
  '{::comment}',
  '{:/comment}',
  '*[HTML]: Hyper Text',
  ': definition',
  '| cell |',
  '<div markdown="1">',
  'x >> y',
  '日本語',
  '😀',
  'word',
];
const inlineMarks = ['`', '``', '*', '**', '[foo]', '[^1]', '(', ')'];
const prefixes = ['', '', '', '- ', '1. ', '> ', '    ', '  ', '# ', '> - ', '- > ', '\t', '1) ', '   '];
const structural = [
  '```',
  '~~~',
  '````',
  '```js {linenos=true}',
  '---',
  '===',
  '',
  '<!--',
  '<pre>',
  '<div>',
  // Block syntax only kramdown has: each would change the block it ends or the next one.
  ': definition',
  '^',
  '$$',
  '{::comment}',
  '{: .class}',
  '*[HTML]: Hyper Text',
  '[^1]: note',
  '| a | b |',
  '|---|---|',
  '#tag',
  '<div markdown="1">',
];

const line = fc.oneof(
  fc.tuple(fc.constantFrom(...prefixes), fc.constantFrom(...structural)).map(([p, s]) => p + s),
  fc
    .tuple(
      fc.constantFrom(...prefixes),
      fc.array(fc.constantFrom(...literalTokens, ...literalTokens, ...inlineMarks), {
        minLength: 1,
        maxLength: 6,
      }),
    )
    .map(([p, parts]) => p + parts.join(' ')),
);
/** A note: hostile lines, often leaving fences, comments, lists or HTML open. */
export const hostileNote = fc.array(line, { minLength: 1, maxLength: 8 }).map((ls) => ls.join('\n'));
