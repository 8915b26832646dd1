// exportPost: a post of the snapshot as the files of one blog format. Pure: no I/O; image
// bytes are the snapshot's own arrays, not copies.
import type { PostId, Snapshot } from '../model';
import { err, ok, type Result } from '../result';
import { humanFileName, isSafeRelativePath, postSlug, uniqueName } from './escape-filename';
import { hugoMarkdown, hugoPaths } from './format-hugo';
import { jekyllMarkdown, jekyllPaths, postDay } from './format-jekyll';
import { plainMarkdown } from './format-markdown';
import { obsidianMarkdown, obsidianPaths } from './format-obsidian';
import { type Plan, planPost } from './plan';
import { type ExportFile, type ExportFormat, type ExportOptions, exportFormats, withDefaults } from './types';

const encoder = new TextEncoder();

function render(
  plan: Plan,
  format: ExportFormat,
  options: ExportOptions,
): Result<{ markdown: string; text: string; imageDir: string }> {
  switch (format) {
    case 'hugo': {
      return ok({ ...hugoPaths(plan), text: hugoMarkdown(plan, options) });
    }
    case 'jekyll': {
      const day = postDay(plan.post.date);
      if (!day) return err(`post ${plan.post.id} has no valid date ("${plan.post.date}"); Jekyll needs one`);
      const paths = jekyllPaths(plan, day);
      return ok({ ...paths, text: jekyllMarkdown(plan, options, paths.imageDir) });
    }
    case 'obsidian': {
      const paths = obsidianPaths(plan);
      return ok({ ...paths, text: obsidianMarkdown(plan, options, paths.imageDir) });
    }
    case 'markdown':
      return ok({
        markdown: 'post.md',
        imageDir: 'images/',
        text: plainMarkdown(plan, options, (f) => `images/${f}`),
      });
    default:
      return err(`unknown format "${String(format)}"; expected one of ${exportFormats.join(', ')}`);
  }
}

function exportPlanned(
  snapshot: Snapshot,
  postId: PostId,
  format: ExportFormat,
  options: ExportOptions,
  slug?: string,
): Result<ExportFile[]> {
  const plan = planPost(snapshot, postId, options, slug);
  if (!plan.ok) return plan;
  const out = render(plan.value, format, options);
  if (!out.ok) return out;
  const files: ExportFile[] = [{ path: out.value.markdown, bytes: encoder.encode(out.value.text) }];
  for (const img of plan.value.images)
    files.push({ path: `${out.value.imageDir}${img.fileName}`, bytes: img.image.bytes });
  // Belt and braces: every name above is built from slugs, but a path that could escape the
  // output folder must never leave this module.
  const bad = files.find((f) => !isSafeRelativePath(f.path));
  return bad ? err(`unsafe export path: ${bad.path}`) : ok(files);
}

/** One post as files. Errors: unknown post or format, a Jekyll post without a date. */
export function exportPost(
  snapshot: Snapshot,
  postId: PostId,
  format: ExportFormat,
  options?: Partial<ExportOptions>,
): Result<ExportFile[]> {
  return exportPlanned(snapshot, postId, format, withDefaults(options));
}

/**
 * Several posts into one folder: slugs made unique across them (`day-2`, `day-2-2`), and for
 * the plain format each post in its own `<slug>/` folder (when there are several) since they
 * would all be `post.md`.
 */
export function exportPosts(
  snapshot: Snapshot,
  postIds: readonly PostId[],
  format: ExportFormat,
  options?: Partial<ExportOptions>,
): Result<ExportFile[]> {
  const opts = withDefaults(options);
  const slugs = new Set<string>();
  const notes = new Set<string>();
  const all: ExportFile[] = [];
  for (const id of postIds) {
    const post = snapshot.posts.find((p) => p.id === id);
    if (!post) return err(`no post with id ${id}`);
    const slug = uniqueName(postSlug(post.slug, post.title), slugs);
    const files = exportPlanned(snapshot, id, format, opts, slug);
    if (!files.ok) return files;
    const [main, ...rest] = files.value;
    if (!main) continue;
    if (format === 'markdown' && postIds.length > 1) {
      for (const f of files.value) all.push({ path: `${slug}/${f.path}`, bytes: f.bytes });
    } else if (format === 'obsidian') {
      // Two posts with the same title would be the same note.
      const name = uniqueName(`${humanFileName(post.title, slug)}.md`, notes);
      all.push({ path: name, bytes: main.bytes }, ...rest);
    } else all.push(...files.value);
  }
  return ok(all);
}
