// Gathers what a post's export needs from the snapshot, in order, and names its images.
// Every format renders from this plan, so names and order are the same in all of them.
import type { ImageId, ImageMeta, ImageMime, Note, Post, PostId, Snapshot, Talk } from '../model';
import { err, ok, type Result } from '../result';
import { formatTime } from '../time';
import { postSlug, slugify, uniqueName } from './escape-filename';
import { normalizeInline } from './escape-text';
import { talkHeading } from './heading';
import { exportTerms } from './terms';
import type { ExportOptions } from './types';

export type SnapshotImage = ImageMeta & { bytes: Uint8Array };

export interface PlannedImage {
  image: SnapshotImage;
  fileName: string;
}

export interface PlannedNote {
  note: Note;
  /** For slides: the picture (absent when the snapshot lacks it). */
  image?: PlannedImage;
}

export interface PlannedTalk {
  talk: Talk;
  /** Plain text, from the heading template. */
  heading: string;
  notes: PlannedNote[];
}

export interface PlannedSection {
  title: string;
  talks: PlannedTalk[];
}

export interface Plan {
  post: Post;
  slug: string;
  author: string;
  tags: string[];
  categories: string[];
  sections: PlannedSection[];
  /** Every image once, in the order it first appears. */
  images: PlannedImage[];
  cover?: PlannedImage;
}

const extensions: Record<ImageMime, string> = {
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/png': 'png',
};

export function extensionFor(mime: ImageMime): string {
  return extensions[mime] ?? 'bin';
}

/** A slide's caption is the first line of its note; the lines after it are a comment. */
export function splitCaption(text: string): { caption: string; rest: string } {
  const nl = text.indexOf('\n');
  return nl < 0
    ? { caption: normalizeInline(text), rest: '' }
    : { caption: normalizeInline(text.slice(0, nl)), rest: text.slice(nl + 1) };
}

/** The slide's title where a caption is missing: the talk and the moment. */
export function slideTitle(note: Note, talk: Talk): string {
  const { caption } = splitCaption(note.text);
  return caption || `${normalizeInline(talk.title) || 'Slide'} (${formatTime(note.time)})`;
}

function byTime(a: Note, b: Note): number {
  return a.time - b.time || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

export function planPost(
  snapshot: Snapshot,
  postId: PostId,
  options: ExportOptions,
  slugOverride?: string,
): Result<Plan> {
  const post = snapshot.posts.find((p) => p.id === postId);
  if (!post) return err(`no post with id ${postId}`);
  const talks = new Map(snapshot.talks.map((t) => [t.id, t]));
  const images = new Map<ImageId, SnapshotImage>(snapshot.images.map((i) => [i.id, i]));
  const notesByTalk = new Map<string, Note[]>();
  for (const n of snapshot.notes) {
    const list = notesByTalk.get(n.talkId) ?? [];
    list.push(n);
    notesByTalk.set(n.talkId, list);
  }
  const slideNotes: Array<{ note: Note; image: SnapshotImage; talk: Talk }> = [];
  const sections: PlannedSection[] = post.sections.map((section) => ({
    title: section.title,
    talks: section.talkIds.flatMap((id): PlannedTalk[] => {
      const talk = talks.get(id);
      if (!talk) return []; // A dangling reference: the talk was deleted; the post still exports.
      const notes = (notesByTalk.get(id) ?? []).slice().sort(byTime);
      for (const note of notes) {
        const image = note.kind === 'slide' && note.imageId ? images.get(note.imageId) : undefined;
        if (image) slideNotes.push({ note, image, talk });
      }
      return [
        { talk, heading: talkHeading(options.headingTemplate, talk), notes: notes.map((note) => ({ note })) },
      ];
    }),
  }));
  const planned = nameImages(slideNotes);
  for (const s of sections)
    for (const t of s.talks)
      for (const pn of t.notes) {
        const id = pn.note.kind === 'slide' ? pn.note.imageId : undefined;
        const pi = id ? planned.byId.get(id) : undefined;
        if (pi) pn.image = pi;
      }
  let cover = post.coverImageId ? planned.byId.get(post.coverImageId) : planned.list[0];
  const coverImage = post.coverImageId ? images.get(post.coverImageId) : undefined;
  if (!cover && coverImage) {
    // A cover chosen from outside the post's slides still ships with it.
    cover = {
      image: coverImage,
      fileName: uniqueName(`cover.${extensionFor(coverImage.mime)}`, planned.taken),
    };
    planned.list.push(cover);
  }
  const pick = (own: string[], fallback: string[]) => (own.length > 0 ? own : fallback);
  return ok({
    post,
    slug: slugOverride ?? postSlug(post.slug, post.title),
    author: post.author || options.author,
    // Normalised so that no term can fail a site's build (see terms.ts).
    tags: exportTerms(pick(post.tags, options.tags)),
    categories: exportTerms(pick(post.categories, options.categories)),
    sections,
    images: planned.list,
    ...(cover ? { cover } : {}),
  });
}

/**
 * `slide-01-<short-caption>.jpg`: position in the post plus caption, so names are stable
 * between exports of an unchanged post and differ when the slide or its caption does.
 */
function nameImages(slides: Array<{ note: Note; image: SnapshotImage; talk: Talk }>) {
  const byId = new Map<ImageId, PlannedImage>();
  const list: PlannedImage[] = [];
  const taken = new Set<string>();
  const distinct = new Set(slides.map((s) => s.image.id)).size;
  const width = Math.max(2, String(distinct).length);
  for (const { note, image } of slides) {
    if (byId.has(image.id)) continue; // The same picture twice is shipped once.
    const n = String(list.length + 1).padStart(width, '0');
    const short = slugify(splitCaption(note.text).caption, 40);
    const fileName = uniqueName(`slide-${n}${short ? `-${short}` : ''}.${extensionFor(image.mime)}`, taken);
    const pi = { image, fileName };
    byId.set(image.id, pi);
    list.push(pi);
  }
  return { byId, list, taken };
}
