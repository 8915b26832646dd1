// Arbitrary titles, speaker names, quotes and captions come back unchanged when an export's
// front matter is read by `yaml` and its body by commonmark.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportPost } from '../../../src/core/export';
import { normalizeInline, wellFormed } from '../../../src/core/export/escape-text';
import { exportTerms } from '../../../src/core/export/terms';
import type { ImageId, Snapshot } from '../../../src/core/model';
import { harbourConf, postId } from '../../fixtures/posts/harbour-conf';
import { fileText, hostileString, nodes, plainText, splitFrontMatter } from './helpers';

const nonBlank = hostileString.filter((s) => normalizeInline(s) !== '');
// A slide's caption is its note's first line; the lines after it are the user's Markdown
// (a comment under the figure), which may hold anything, so captions here are one line.
const firstLine = (s: string) => normalizeInline(s.split('\n')[0] ?? '');
const captionText = hostileString.map((s) => s.replace(/\n/g, ' ')).filter((s) => firstLine(s) !== '');

/** The fixture with its first talk's title, speaker, first quote and first slide caption replaced. */
function withText(
  title: string,
  postTitle: string,
  speaker: string,
  quote: string,
  caption: string,
): Snapshot {
  const s = harbourConf();
  const post = s.posts[0];
  const talk = s.talks[0];
  if (!post || !talk) throw new Error('fixture');
  post.title = postTitle;
  post.tags = [postTitle, speaker];
  talk.title = title;
  talk.speakers = [{ name: speaker }];
  for (const n of s.notes) {
    if (n.talkId !== talk.id) continue;
    if (n.kind === 'quote') n.speaker = speaker;
    if (n.kind === 'quote') n.text = quote;
    if (n.imageId === ('i_red' as ImageId)) n.text = caption;
  }
  return s;
}

describe('export round trip', () => {
  it('Hugo front matter and Markdown body give the text back', () => {
    fc.assert(
      fc.property(
        nonBlank,
        hostileString,
        nonBlank,
        nonBlank,
        captionText,
        (title, postTitle, speaker, quote, caption) => {
          const snap = withText(title, postTitle, speaker, quote, caption);
          const hugo = exportPost(snap, postId, 'hugo');
          if (!hugo.ok) throw new Error(hugo.error);
          const { front } = splitFrontMatter(fileText(hugo.value, 'harbour-conf-2026-day-2/index.md'));
          expect(front.title).toBe(wellFormed(postTitle));
          // Tags are normalised so that no site build can fail on them (see terms.test.ts).
          expect(front.tags).toEqual(exportTerms([postTitle, speaker]));

          const md = exportPost(snap, postId, 'markdown');
          if (!md.ok) throw new Error(md.error);
          const text = fileText(md.value, 'post.md');
          const h1 = nodes(text, 'heading', 1).map(plainText);
          expect(h1).toEqual([normalizeInline(postTitle)]);
          expect(nodes(text, 'heading', 3).map(plainText)[0]).toBe(
            `Keynote: ${normalizeInline(title)} - ${normalizeInline(speaker)}`,
          );
          expect(nodes(text, 'block_quote').map(plainText)[0]).toBe(
            `"${normalizeInline(quote)}"\n- ${normalizeInline(speaker)}`,
          );
          const image = nodes(text, 'image')[0];
          expect(image && plainText(image)).toBe(firstLine(caption));
          expect(image?.destination).toMatch(/^images\/slide-01(-[a-z0-9-]+)?\.jpg$/);
          expect(nodes(text, 'html_inline').length + nodes(text, 'html_block').length).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
