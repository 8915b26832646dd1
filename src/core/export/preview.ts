// The post rendered as HTML for the library page's preview: the plain-Markdown export parsed
// by commonmark in safe mode (raw HTML from notes is dropped, javascript: links are blanked),
// with each slide's source swapped for a URL the page gives (e.g. a blob: URL).
import { HtmlRenderer, Parser } from 'commonmark';
import type { ImageId, PostId, Snapshot } from '../model';
import { plainMarkdown } from './format-markdown';
import { planPost } from './plan';
import { type ExportOptions, withDefaults } from './types';

const placeholder = 'talkmark-image:';

/** HTML for the post's preview; a short message when the post doesn't exist. */
export function renderPreviewHtml(
  snapshot: Snapshot,
  postId: PostId,
  imageUrl: (imageId: ImageId) => string,
  options?: Partial<ExportOptions>,
): string {
  const opts = withDefaults(options);
  const plan = planPost(snapshot, postId, opts);
  if (!plan.ok) return '<p>This post no longer exists.</p>\n';
  const byFile = new Map(plan.value.images.map((i) => [i.fileName, i.image.id]));
  // Image names are slugs, so the placeholder is a plain destination commonmark keeps as is.
  const markdown = plainMarkdown(plan.value, opts, (f) => `${placeholder}${f}`);
  const doc = new Parser().parse(markdown);
  const walker = doc.walker();
  for (let ev = walker.next(); ev; ev = walker.next()) {
    const node = ev.node;
    if (!ev.entering || node.type !== 'image' || !node.destination?.startsWith(placeholder)) continue;
    const id = byFile.get(node.destination.slice(placeholder.length));
    node.destination = id ? imageUrl(id) : '';
  }
  return new HtmlRenderer({ safe: true }).render(doc);
}
