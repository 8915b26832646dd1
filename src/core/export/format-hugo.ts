// Hugo page bundle: `<slug>/index.md` with the images beside it, slides as figure shortcodes.
// Page-supplied text is escaped so `{{<` can't open a shortcode; the user's own notes are Hugo
// content as typed, so a note may use shortcodes like `{{< ref >}}` (and an unknown one fails
// the site's build, as it would in any hand-written post).
import { renderBody } from './body';
import { shortcodeArg } from './escape-shortcode';
import { yamlFrontMatter } from './escape-yaml';
import type { Plan } from './plan';
import type { ExportOptions } from './types';

export function hugoMarkdown(plan: Plan, options: ExportOptions): string {
  const { post } = plan;
  const front = yamlFrontMatter([
    ['title', post.title],
    ['description', post.description || undefined],
    ['date', post.date],
    ['author', plan.author || undefined],
    ['tags', plan.tags],
    ['categories', plan.categories],
    ['toc', options.toc],
    ['cover', plan.cover?.fileName],
  ]);
  const body = renderBody(plan, options, {
    dialect: 'commonmark',
    notes: 'hugo',
    figure: (s) => {
      const args = [`src=${shortcodeArg(s.image.fileName)}`];
      if (options.figureWidth) args.push(`width=${shortcodeArg(options.figureWidth)}`);
      args.push(`title=${shortcodeArg(s.title)}`, `alt=${shortcodeArg(s.alt)}`);
      if (s.moment) args.push(`link=${shortcodeArg(s.moment)}`);
      return `{{< figure ${args.join(' ')} >}}`;
    },
  });
  return `${front}\n${body}`;
}

export function hugoPaths(plan: Plan): { markdown: string; imageDir: string } {
  return { markdown: `${plan.slug}/index.md`, imageDir: `${plan.slug}/` };
}
