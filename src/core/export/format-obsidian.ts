// Obsidian: a note named after the post, attachments in `attachments/<slug>/`, `![[...]]` embeds.
import { formatTime } from '../time';
import { renderBody } from './body';
import { humanFileName } from './escape-filename';
import { escapeInline, obsidianAlias } from './escape-markdown';
import { yamlFrontMatter } from './escape-yaml';
import type { Plan } from './plan';
import type { ExportOptions } from './types';

export function obsidianPaths(plan: Plan): { markdown: string; imageDir: string } {
  return {
    markdown: `${humanFileName(plan.post.title, plan.slug)}.md`,
    imageDir: `attachments/${plan.slug}/`,
  };
}

export function obsidianMarkdown(plan: Plan, options: ExportOptions, imageDir: string): string {
  const { post } = plan;
  const width = /^\d+/.exec(options.figureWidth)?.[0];
  const front = yamlFrontMatter([
    ['title', post.title],
    ['description', post.description || undefined],
    ['date', post.date],
    ['author', plan.author || undefined],
    // Obsidian tags can't hold spaces.
    ['tags', plan.tags.map((t) => t.trim().replace(/\s+/g, '-'))],
    ['categories', plan.categories],
    ['cover', plan.cover ? `[[${imageDir}${plan.cover.fileName}]]` : undefined],
  ]);
  const body = renderBody(plan, options, {
    dialect: 'commonmark',
    notes: 'obsidian',
    figure: (s) => {
      // File names are slugs, so `|` and `]]` can't occur in the path; the alias is made safe.
      const embed = `![[${imageDir}${s.image.fileName}|${obsidianAlias(s.alt)}${width ? `|${width}` : ''}]]`;
      // The moment once: a title made from the talk and moment already says it.
      const label = escapeInline(s.timed ? s.title : `${s.title} · ${formatTime(s.time)}`, 'commonmark');
      return s.moment ? `${embed}\n[${label}](${s.moment})` : `${embed}\n${label}`;
    },
  });
  return `${front}\n${body}`;
}
