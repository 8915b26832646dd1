// Posts: create with sensible defaults, read, edit, delete with everything in them, and the
// "active post" that new captures land in.
import { newId } from '../core/ids';
import type { Note, Post, PostId, Talk, TalkId } from '../core/model';
import type { Result } from '../core/result';
import { type NewPost, type PostPatch, validateNewPost, validatePostPatch } from '../core/validate-patch';
import type { Change } from './changes';
import { defaultSections, localIsoDate, now, slugify } from './defaults';
import type { StoreError } from './errors';
import { byTime, toNote } from './schema';
import { type Ctx, done, read, refuse, write } from './tx';

const ACTIVE_POST = 'activePostId';

/** A post with its talks in section order, each with its notes in time order. */
export interface PostView {
  post: Post;
  talks: Array<{ talk: Talk; notes: Note[] }>;
}

export { byTime };

/** The talks of a post, listed once each across its sections: what every post must hold. */
export function sameTalks(sections: Post['sections'], talkIds: readonly TalkId[]): boolean {
  const listed = sections.flatMap((s) => s.talkIds);
  const set = new Set(listed);
  return set.size === listed.length && set.size === talkIds.length && talkIds.every((id) => set.has(id));
}

export function postsApi(ctx: Ctx) {
  return {
    async create(input: NewPost = {}): Promise<Result<Post, StoreError>> {
      const valid = validateNewPost(input);
      if (!valid.ok) return { ok: false, error: { code: 'invalid', message: valid.error } };
      const v = valid.value;
      if (v.sections?.some((s) => s.talkIds.length > 0)) {
        return { ok: false, error: { code: 'invalid', message: 'A new post has no talks yet.' } };
      }
      const title = v.title ?? 'Untitled post';
      const at = now();
      const post: Post = {
        title,
        slug: v.slug ?? slugify(title),
        date: v.date ?? localIsoDate(),
        author: '',
        description: '',
        tags: [],
        categories: [],
        intro: '',
        closing: '',
        ...v,
        sections: v.sections?.length ? v.sections : defaultSections(),
        id: newId('post'),
        createdAt: at,
        updatedAt: at,
      };
      return write(ctx, ['posts'], async (tx) => {
        await tx.objectStore('posts').add(post);
        return done(post, [{ type: 'post', op: 'put', id: post.id }]);
      });
    },

    get: (id: PostId) => read(ctx, ['posts'], (tx) => tx.objectStore('posts').get(id)),

    /** All posts, newest date first. */
    list: () =>
      read(ctx, ['posts'], async (tx) =>
        (await tx.objectStore('posts').getAll()).sort((a, b) => b.date.localeCompare(a.date)),
      ),

    /** The post with its talks and notes, read in one transaction. */
    open: (id: PostId) =>
      read(ctx, ['posts', 'talks', 'notes'], async (tx): Promise<PostView | undefined> => {
        const post = await tx.objectStore('posts').get(id);
        if (!post) return undefined;
        const talks = await tx.objectStore('talks').index('byPost').getAll(id);
        const byId = new Map(talks.map((t) => [t.id, t]));
        const notesIndex = tx.objectStore('notes').index('byTalk');
        const ordered = post.sections
          .flatMap((s) => s.talkIds.map((tid) => byId.get(tid)))
          .filter((t) => t !== undefined);
        const notes = await Promise.all(ordered.map((t) => notesIndex.getAll(t.id)));
        return {
          post,
          talks: ordered.map((talk, i) => ({ talk, notes: (notes[i] ?? []).map(toNote).sort(byTime) })),
        };
      }),

    /** Edits fields; new `sections` must list the post's talks exactly once (rename, reorder, add, remove sections). */
    update: (id: PostId, patch: PostPatch) =>
      write(ctx, ['posts', 'talks'], async (tx) => {
        const valid = validatePostPatch(patch);
        if (!valid.ok) return refuse('invalid', valid.error);
        const post = await tx.objectStore('posts').get(id);
        if (!post) return refuse('not-found', 'This post no longer exists.');
        const { coverImageId, ...rest } = valid.value;
        if (rest.sections) {
          const talkIds = await tx.objectStore('talks').index('byPost').getAllKeys(id);
          if (!sameTalks(rest.sections, talkIds)) {
            return refuse('invalid', 'The sections must list each talk of the post exactly once.');
          }
        }
        const next: Post = { ...post, ...rest, updatedAt: now() };
        if (coverImageId === null) delete next.coverImageId;
        else if (coverImageId) next.coverImageId = coverImageId;
        await tx.objectStore('posts').put(next);
        return done(next, [{ type: 'post', op: 'put', id }]);
      }),

    /** Deletes the post, its talks, their notes and images. Returns how many records went. */
    delete: (id: PostId) =>
      write(ctx, ['posts', 'talks', 'notes', 'images', 'counts', 'kv'], async (tx) => {
        const post = await tx.objectStore('posts').get(id);
        if (!post) return refuse('not-found', 'This post no longer exists.');
        const changes: Change[] = [{ type: 'post', op: 'delete', id }];
        const talks = await tx.objectStore('talks').index('byPost').getAll(id);
        let notes = 0;
        let images = 0;
        for (const talk of talks) {
          for (const note of await tx.objectStore('notes').index('byTalk').getAll(talk.id)) {
            if (note.imageId) {
              await tx.objectStore('images').delete(note.imageId);
              changes.push({ type: 'image', op: 'delete', id: note.imageId });
              images++;
            }
            await tx.objectStore('notes').delete(note.id);
            changes.push({ type: 'note', op: 'delete', id: note.id, talkId: talk.id });
            notes++;
          }
          await tx.objectStore('talks').delete(talk.id);
          await tx.objectStore('counts').delete(talk.id);
          changes.push({ type: 'talk', op: 'delete', id: talk.id, postId: id });
        }
        await tx.objectStore('posts').delete(id);
        await tx.objectStore('counts').delete(id);
        if ((await tx.objectStore('kv').get(ACTIVE_POST)) === id) {
          await tx.objectStore('kv').delete(ACTIVE_POST);
          changes.push({ type: 'kv', key: ACTIVE_POST });
        }
        return done({ talks: talks.length, notes, images }, changes);
      }),

    /** The post new captures go to; undefined when none is set or it was deleted. */
    getActive: () =>
      read(ctx, ['kv', 'posts'], async (tx) => {
        const id = await tx.objectStore('kv').get(ACTIVE_POST);
        return typeof id === 'string' && (await tx.objectStore('posts').getKey(id as PostId))
          ? (id as PostId)
          : undefined;
      }),

    setActive: (id: PostId) =>
      write(ctx, ['kv', 'posts'], async (tx) => {
        if (!(await tx.objectStore('posts').getKey(id)))
          return refuse('not-found', 'This post no longer exists.');
        await tx.objectStore('kv').put(id, ACTIVE_POST);
        return done(id, [{ type: 'kv', key: ACTIVE_POST }]);
      }),
  };
}

export type PostsApi = ReturnType<typeof postsApi>;
export { ACTIVE_POST };
