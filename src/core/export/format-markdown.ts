// Plain CommonMark/GFM: `post.md` and `images/`; no front matter, the title as `#`.
import { renderBody } from './body';
import { escapeInline, linkTitle } from './escape-markdown';
import type { Plan } from './plan';
import type { ExportOptions } from './types';

/** Markdown for `post.md`; `src` says where an image is (a relative path, or a preview URL). */
export function plainMarkdown(plan: Plan, options: ExportOptions, src: (fileName: string) => string): string {
  const { post } = plan;
  const head = [`# ${escapeInline(post.title, 'commonmark')}`];
  const description = escapeInline(post.description, 'commonmark');
  if (description) head.push(description);
  const body = renderBody(plan, options, {
    dialect: 'commonmark',
    notes: 'markdown',
    figure: (s) => {
      const img = `![${escapeInline(s.alt, 'commonmark')}](${src(s.image.fileName)} ${linkTitle(s.title, 'commonmark')})`;
      return s.moment ? `[${img}](${s.moment})` : img;
    },
  });
  return `${head.join('\n\n')}\n\n${body}`;
}
