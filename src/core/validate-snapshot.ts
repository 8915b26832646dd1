// Cross-record checks for a whole snapshot (a backup, an import, the store's own content):
// every reference points at a record that exists, no id is used twice, and every talk sits in
// exactly one section of its own post. Field-level checks are validate.ts's job.
import type { ImageMeta, Note, Post, Snapshot, Talk } from './model';
import { err, ok, type Result } from './result';
import { readImageMeta, readNote, readPost, readTalk } from './validate';
import { fail, guard, Reader } from './validate-util';

export interface SnapshotRecords {
  posts: readonly Post[];
  talks: readonly Talk[];
  notes: readonly Note[];
  images: readonly ImageMeta[];
}

function unique<T extends { id: string }>(items: readonly T[], what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(item.id)) throw new Error(`the ${what} id ${item.id} is used twice`);
    map.set(item.id, item);
  }
  return map;
}

export function checkIntegrity(s: SnapshotRecords): Result<void> {
  try {
    const posts = unique(s.posts, 'post');
    const talks = unique(s.talks, 'talk');
    const images = unique(s.images, 'image');
    unique(s.notes, 'note');
    const placed = new Map<string, string>();
    const sectionIds = new Set<string>();
    for (const post of s.posts) {
      if (post.coverImageId && !images.has(post.coverImageId)) {
        throw new Error(`post ${post.id} has cover image ${post.coverImageId}, which is missing`);
      }
      for (const section of post.sections) {
        if (sectionIds.has(section.id)) throw new Error(`the section id ${section.id} is used twice`);
        sectionIds.add(section.id);
        for (const talkId of section.talkIds) {
          const talk = talks.get(talkId);
          if (!talk) throw new Error(`post ${post.id} lists talk ${talkId}, which is missing`);
          if (talk.postId !== post.id) {
            throw new Error(`post ${post.id} lists talk ${talkId}, which belongs to post ${talk.postId}`);
          }
          if (placed.has(talkId)) throw new Error(`talk ${talkId} is listed twice in post ${post.id}`);
          placed.set(talkId, section.id);
        }
      }
    }
    for (const talk of s.talks) {
      if (!posts.has(talk.postId))
        throw new Error(`talk ${talk.id} belongs to post ${talk.postId}, which is missing`);
      if (!placed.has(talk.id))
        throw new Error(`talk ${talk.id} is in none of the sections of post ${talk.postId}`);
    }
    for (const note of s.notes) {
      if (!talks.has(note.talkId))
        throw new Error(`note ${note.id} belongs to talk ${note.talkId}, which is missing`);
      if (note.imageId && !images.has(note.imageId)) {
        throw new Error(`note ${note.id} shows image ${note.imageId}, which is missing`);
      }
    }
    return ok(undefined);
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e));
  }
}

/** Limits on a whole snapshot, the same as a backup's. */
export const snapshotLimits = { posts: 10_000, talks: 100_000, notes: 1_000_000, images: 200_000 };

/** Validates every record of a snapshot (bytes included) and their references. */
export function validateSnapshot(x: unknown): Result<Snapshot> {
  const records = guard(() => {
    const r = new Reader(x, 'snapshot');
    return {
      posts: r.array('posts', snapshotLimits.posts, readPost),
      talks: r.array('talks', snapshotLimits.talks, readTalk),
      notes: r.array('notes', snapshotLimits.notes, readNote),
      images: r.array('images', snapshotLimits.images, (v, path) => {
        const meta = readImageMeta(v, path);
        const bytes = (v as { bytes?: unknown }).bytes;
        if (!(bytes instanceof Uint8Array)) fail(`${path}.bytes must be a Uint8Array`);
        if (bytes.length !== meta.size)
          fail(`${path}.bytes has ${bytes.length} bytes but ${path}.size says ${meta.size}`);
        return { ...meta, bytes };
      }),
    };
  });
  if (!records.ok) return records;
  const integrity = checkIntegrity(records.value);
  return integrity.ok ? records : integrity;
}
