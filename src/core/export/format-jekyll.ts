// Jekyll: `_posts/YYYY-MM-DD-slug.md` and `assets/img/<slug>/`. Liquid is turned off for the
// post (`render_with_liquid: false`) so `{{` or `{%` in a note is printed, not run, unless the
// user made notes live; text from the page never holds a bare `{` (see escapeInline).
import { renderBody } from './body';
import { escapeInline, linkTitle } from './escape-markdown';
import { yamlFrontMatter } from './escape-yaml';
import type { Plan } from './plan';
import type { ExportOptions } from './types';

/** The post's calendar date as written (in its own time zone), or null when it has none. */
export function postDay(date: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

export function jekyllPaths(plan: Plan, day: string): { markdown: string; imageDir: string } {
  return { markdown: `_posts/${day}-${plan.slug}.md`, imageDir: `assets/img/${plan.slug}/` };
}

export function jekyllMarkdown(plan: Plan, options: ExportOptions, imageDir: string): string {
  const { post } = plan;
  const url = (fileName: string) => `/${imageDir}${fileName}`;
  const front = yamlFrontMatter([
    ['layout', 'post'],
    ['title', post.title],
    ['description', post.description || undefined],
    ['date', post.date],
    ['author', plan.author || undefined],
    ['tags', plan.tags],
    ['categories', plan.categories],
    ['toc', options.toc],
    ['image', plan.cover ? url(plan.cover.fileName) : undefined],
    // Liquid runs only when notes are live; titles and captions are escaped for it anyway.
    ['render_with_liquid', options.liveNotes],
  ]);
  const body = renderBody(plan, options, {
    dialect: 'kramdown',
    notes: 'jekyll',
    figure: (s) => {
      const img = `![${escapeInline(s.alt, 'kramdown')}](${url(s.image.fileName)} ${linkTitle(s.title, 'kramdown')})`;
      return s.moment ? `[${img}](${s.moment})` : img;
    },
  });
  return `${front}\n${body}`;
}
