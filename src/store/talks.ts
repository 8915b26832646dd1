// Talks: one per video within a post, placed in exactly one of the post's sections.
import { newId } from '../core/ids';
import type { Post, PostId, SectionId, Site, Talk, TalkId } from '../core/model';
import type { Result } from '../core/result';
import { type NewTalk, type TalkPatch, validateNewTalk, validateTalkPatch } from '../core/validate-patch';
import type { Change } from './changes';
import { noCounts, shift } from './counts';
import { now } from './defaults';
import type { StoreError } from './errors';
import { type Ctx, done, read, refuse, type Written, write } from './tx';

export interface MoveTarget {
  postId: PostId;
  sectionId: SectionId;
  /** Position in the section; the end when absent or past it. */
  index?: number;
}

function withoutTalk(post: Post, talkId: TalkId): Post {
  return {
    ...post,
    sections: post.sections.map((s) => ({ ...s, talkIds: s.talkIds.filter((t) => t !== talkId) })),
  };
}

export function talksApi(ctx: Ctx) {
  return {
    /**
     * The post's talk for this video, created (at the end of the post's last section) when the
     * post has none yet, under `id` when given. Metadata of an existing talk is left as the user
     * edited it.
     */
    findOrCreate: (
      input: NewTalk,
      id: TalkId = newId('talk'),
    ): Promise<Result<{ talk: Talk; created: boolean }, StoreError>> =>
      write(ctx, ['posts', 'talks'], async (tx): Promise<Written<{ talk: Talk; created: boolean }>> => {
        const valid = validateNewTalk(input);
        if (!valid.ok) return refuse('invalid', valid.error);
        const v = valid.value;
        const same = await tx.objectStore('talks').index('byVideo').getAll(v.videoId);
        const existing = same.find((t) => t.site === v.site && t.postId === v.postId);
        if (existing) return done({ talk: existing, created: false }, []);
        const post = await tx.objectStore('posts').get(v.postId);
        if (!post) return refuse('not-found', 'The post for this talk no longer exists.');
        const at = now();
        const talk: Talk = {
          title: '',
          speakers: [],
          duration: 0,
          chapters: [],
          ...v,
          id,
          createdAt: at,
          updatedAt: at,
        };
        const sections = post.sections.length
          ? post.sections
          : [{ id: newId('section'), title: 'Talks', talkIds: [] }];
        const last = sections.length - 1;
        const next: Post = {
          ...post,
          sections: sections.map((s, i) => (i === last ? { ...s, talkIds: [...s.talkIds, talk.id] } : s)),
          updatedAt: at,
        };
        await tx.objectStore('talks').add(talk);
        await tx.objectStore('posts').put(next);
        return done({ talk, created: true }, [
          { type: 'talk', op: 'put', id: talk.id, postId: talk.postId },
          { type: 'post', op: 'put', id: post.id },
        ]);
      }),

    get: (id: TalkId) => read(ctx, ['talks'], (tx) => tx.objectStore('talks').get(id)),

    /** Every talk of this video, in any post ("already in post X"). */
    findByVideo: (site: Site, videoId: string) =>
      read(ctx, ['talks'], async (tx) =>
        (await tx.objectStore('talks').index('byVideo').getAll(videoId)).filter((t) => t.site === site),
      ),

    update: (id: TalkId, patch: TalkPatch) =>
      write(ctx, ['talks'], async (tx) => {
        const valid = validateTalkPatch(patch);
        if (!valid.ok) return refuse('invalid', valid.error);
        const talk = await tx.objectStore('talks').get(id);
        if (!talk) return refuse('not-found', 'This talk no longer exists.');
        const { label, channel, ...rest } = valid.value;
        const next: Talk = { ...talk, ...rest, updatedAt: now() };
        if (label === null) delete next.label;
        else if (label !== undefined) next.label = label;
        if (channel === null) delete next.channel;
        else if (channel !== undefined) next.channel = channel;
        await tx.objectStore('talks').put(next);
        return done(next, [{ type: 'talk', op: 'put', id, postId: talk.postId }]);
      }),

    /** Moves a talk to a section of the same or another post; its notes follow it. */
    move: (id: TalkId, to: MoveTarget) =>
      write(ctx, ['posts', 'talks', 'counts'], async (tx) => {
        const talk = await tx.objectStore('talks').get(id);
        if (!talk) return refuse('not-found', 'This talk no longer exists.');
        const from = await tx.objectStore('posts').get(talk.postId);
        const target = to.postId === talk.postId ? from : await tx.objectStore('posts').get(to.postId);
        if (!from || !target) return refuse('not-found', 'That post no longer exists.');
        const at = now();
        const cleaned = withoutTalk(target, id);
        const section = cleaned.sections.find((s) => s.id === to.sectionId);
        if (!section) return refuse('not-found', 'That section no longer exists.');
        const index = Math.max(0, Math.min(to.index ?? section.talkIds.length, section.talkIds.length));
        section.talkIds.splice(index, 0, id);
        const changes: Change[] = [{ type: 'post', op: 'put', id: target.id }];
        await tx.objectStore('posts').put({ ...cleaned, updatedAt: at });
        if (from.id !== target.id) {
          await tx.objectStore('posts').put({ ...withoutTalk(from, id), updatedAt: at });
          const moved: Talk = { ...talk, postId: target.id, updatedAt: at };
          await tx.objectStore('talks').put(moved);
          // Its notes now count towards the other post.
          const own = (await tx.objectStore('counts').get(id)) ?? noCounts;
          await shift(
            tx,
            new Map([
              [from.id, { notes: -own.notes, slides: -own.slides }],
              [target.id, { ...own }],
            ]),
          );
          changes.push(
            { type: 'post', op: 'put', id: from.id },
            { type: 'talk', op: 'put', id, postId: target.id },
          );
        }
        return done(undefined, changes);
      }),

    /** Sets the order of one section; `talkIds` must be the section's talks, reordered. */
    reorder: (postId: PostId, sectionId: SectionId, talkIds: TalkId[]) =>
      write(ctx, ['posts'], async (tx) => {
        const post = await tx.objectStore('posts').get(postId);
        const section = post?.sections.find((s) => s.id === sectionId);
        if (!post || !section) return refuse('not-found', 'That section no longer exists.');
        const same =
          talkIds.length === section.talkIds.length &&
          new Set(talkIds).size === talkIds.length &&
          talkIds.every((t) => section.talkIds.includes(t));
        if (!same) return refuse('invalid', 'The new order must list the same talks as the section.');
        const next: Post = {
          ...post,
          sections: post.sections.map((s) => (s.id === sectionId ? { ...s, talkIds: [...talkIds] } : s)),
          updatedAt: now(),
        };
        await tx.objectStore('posts').put(next);
        return done(next, [{ type: 'post', op: 'put', id: postId }]);
      }),

    /** Deletes the talk, its notes and their images. */
    delete: (id: TalkId) =>
      write(ctx, ['posts', 'talks', 'notes', 'images', 'counts'], async (tx) => {
        const talk = await tx.objectStore('talks').get(id);
        if (!talk) return refuse('not-found', 'This talk no longer exists.');
        const changes: Change[] = [{ type: 'talk', op: 'delete', id, postId: talk.postId }];
        const post = await tx.objectStore('posts').get(talk.postId);
        const notes = await tx.objectStore('notes').index('byTalk').getAll(id);
        for (const note of notes) {
          if (note.imageId && note.imageId !== post?.coverImageId) {
            await tx.objectStore('images').delete(note.imageId);
            changes.push({ type: 'image', op: 'delete', id: note.imageId });
          }
          await tx.objectStore('notes').delete(note.id);
          changes.push({ type: 'note', op: 'delete', id: note.id, talkId: id });
        }
        if (post) {
          await tx.objectStore('posts').put({ ...withoutTalk(post, id), updatedAt: now() });
          changes.push({ type: 'post', op: 'put', id: post.id });
        }
        await tx.objectStore('talks').delete(id);
        const own = (await tx.objectStore('counts').get(id)) ?? noCounts;
        await tx.objectStore('counts').delete(id);
        await shift(tx, new Map([[talk.postId, { notes: -own.notes, slides: -own.slides }]]));
        return done({ notes: notes.length }, changes);
      }),
  };
}

export type TalksApi = ReturnType<typeof talksApi>;
