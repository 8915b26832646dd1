// What the background does for each call. Everything lasting goes through the store: the
// worker can be stopped at any moment, so it keeps no state of its own.
import type { Runtime } from 'webextension-polyfill';
import { isMadeId, newId } from '../core/ids';
import type { NoteInput, PageVideo, SlideImage } from '../core/messages';
import type { ImageMime, Note, NoteId, Post, PostId, Talk, TalkId } from '../core/model';
import type { Result } from '../core/result';
import type { Store } from '../store';
import type { StoreError } from '../store/errors';
import type { Handlers } from './router';
import { screenshotOf } from './screenshot';
import { type Kv, lazyKv, slideTextHandlers } from './slide-text';

/** Unwraps a store result; a failure becomes the user-readable error the caller shows. */
function must<T>(r: Result<T, StoreError>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function dayTitle(date = new Date()): string {
  return `Talks of ${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}`;
}

/** The active post, created on first use so the first capture needs no set-up. */
async function activePost(store: Store): Promise<Post> {
  const activeId = must(await store.posts.getActive());
  const active = activeId && must(await store.posts.get(activeId));
  if (active) return active;
  const post = must(await store.posts.create({ title: dayTitle() }));
  must(await store.posts.setActive(post.id));
  return post;
}

/**
 * Runs tasks one after another. Two pages that open talks at once (two embeds in one article)
 * would otherwise each find no active post and each create one, splitting their talks.
 */
function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = last.then(task);
    last = run.catch(() => undefined);
    return run;
  };
}

/** The talk's fields as the page read them. */
function newTalk(postId: PostId, video: PageVideo) {
  return {
    postId,
    url: video.url,
    site: video.site,
    videoId: video.videoId,
    title: video.title,
    speakers: video.speakers,
    duration: video.duration,
    chapters: video.chapters,
    ...(video.channel ? { channel: video.channel } : {}),
  };
}

/**
 * The active post's talk for this video. A video the post doesn't have gets a talk that is not
 * stored: visiting a video (following a "Next" link) must not add it to the post; joinTalk does,
 * with the first note, quote or slide.
 */
async function openTalk(store: Store, video: PageVideo, active: () => Promise<Post>) {
  const post = await active();
  const talk = must(await store.talks.findByVideo(video.site, video.videoId)).find(
    (t) => t.postId === post.id,
  );
  if (!talk) {
    const at = new Date().toISOString();
    const unstored: Talk = { ...newTalk(post.id, video), id: newId('talk'), createdAt: at, updatedAt: at };
    return { post, talk: unstored, notes: [] };
  }
  // A talk first seen before its metadata loaded gets it now; a user's edits are kept.
  const fresh =
    !talk.title && video.title
      ? must(await store.talks.update(talk.id, { title: video.title, speakers: video.speakers }))
      : talk;
  const notes = must(await store.notes.listByTalk(fresh.id));
  return { post, talk: fresh, notes };
}

/** Adds the talk openTalk gave to the active post (or finds the one already there). */
async function joinTalk(
  store: Store,
  input: { video: PageVideo; talkId: TalkId },
  active: () => Promise<Post>,
) {
  const post = await active();
  const { talk } = must(await store.talks.findOrCreate(newTalk(post.id, input.video), input.talkId));
  const notes = must(await store.notes.listByTalk(talk.id));
  return { post: must(await store.posts.get(post.id)) ?? post, talk, notes };
}

/**
 * A later step of an incremental build replaces an automatic slide's picture, in one store
 * write: the slide is never missing, and a failure (a full disk) keeps the old picture.
 */
async function replaceSlideImage(store: Store, input: SlideImage & { noteId: NoteId }) {
  const old = must(await store.notes.get(input.noteId));
  if (!old) throw new Error('This slide no longer exists.');
  if (old.kind !== 'slide' || !old.auto) throw new Error('Only an automatic slide’s picture is replaced.');
  const replaced = await store.notes.replaceImage(old.id, {
    blob: input.image,
    mime: input.image.type as ImageMime,
    width: input.width,
    height: input.height,
    ...(input.phash ? { phash: input.phash } : {}),
  });
  if (!replaced.ok) throw new Error(`The new picture was not kept: ${replaced.error.message}`);
  return replaced.value;
}

async function slideHashes(store: Store, talkId: TalkId): Promise<string[]> {
  const notes = must(await store.notes.listByTalk(talkId));
  const hashes: string[] = [];
  for (const note of notes) {
    if (!note.imageId) continue;
    const meta = must(await store.images.get(note.imageId))?.meta;
    if (meta?.phash) hashes.push(meta.phash);
  }
  return hashes;
}

function windowOf(sender: Runtime.MessageSender): number {
  const id = sender.tab?.windowId;
  if (id === undefined) throw new Error('Only a page in a tab can be captured.');
  return id;
}

/** A whole note under a page-made id: created the first time, its fields replaced after. */
async function saveNote(store: Store, input: NoteInput): Promise<Note> {
  const at = new Date().toISOString();
  const old = must(await store.notes.get(input.id));
  if (old && old.talkId !== input.talkId) throw new Error('This note belongs to another talk.');
  if (old) {
    const { text, time, kind } = input;
    return must(await store.notes.update(input.id, { text, time, kind, speaker: input.speaker ?? null }));
  }
  // The page made the id, so typing could start before this first save returned.
  if (!isMadeId('note', input.id)) throw new Error('A new note’s id must be one Talkmark made.');
  const note: Note = { ...input, createdAt: at, updatedAt: at };
  return must(await store.notes.restore({ note }));
}

/**
 * One save at a time per note, in the order sent, the latest text winning. A page sends every
 * edit of a note as it is made (content/writing.ts): while one save runs, a newer one replaces
 * the one waiting, which is answered with the newer one's result (its text was overtaken), so
 * fast typing costs one write per round trip, not one per key.
 */
function latestPer(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  interface Waiting {
    task: () => Promise<unknown>;
    answers: Array<{ resolve(v: unknown): void; reject(e: unknown): void }>;
  }
  const running = new Set<string>();
  const waiting = new Map<string, Waiting>();
  const run = (key: string, w: Waiting) => {
    running.add(key);
    void w
      .task()
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      )
      .then((r) => {
        // The next save starts before this one is answered: a save sent in answer to this
        // one finds the note free, not waiting behind a save that is already done.
        const next = waiting.get(key);
        waiting.delete(key);
        if (next) run(key, next);
        else running.delete(key);
        for (const a of w.answers) r.ok ? a.resolve(r.value) : a.reject(r.error);
      });
  };
  return <T>(key: string, task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const answer = { resolve: resolve as (v: unknown) => void, reject };
      if (!running.has(key)) return run(key, { task, answers: [answer] });
      const before = waiting.get(key);
      waiting.set(key, { task, answers: [...(before?.answers ?? []), answer] });
    });
}

/** `kv`: the store's key-value slot (what the panel says about slide text); the extension's own by default. */
export function makeHandlers(store: Store, kv: Kv = lazyKv()): Handlers {
  const postTurn = oneAtATime();
  const noteTurn = latestPer();
  return {
    openTalk: (video) => openTalk(store, video, () => postTurn(() => activePost(store))),
    saveNote: (input) => noteTurn(input.id, () => saveNote(store, input)),
    joinTalk: (input) => joinTalk(store, input, () => postTurn(() => activePost(store))),
    async addSlide(slide) {
      const added = must(
        await store.notes.add(
          {
            talkId: slide.talkId,
            time: slide.time,
            kind: 'slide',
            text: slide.text,
            ...(slide.auto ? { auto: true } : {}),
          },
          {
            blob: slide.image,
            mime: slide.image.type as 'image/jpeg',
            width: slide.width,
            height: slide.height,
            ...(slide.phash ? { phash: slide.phash } : {}),
          },
          // The page's id: the same slide sent again (the worker stopped before it answered)
          // is answered with the stored one; another note under this id is refused.
          slide.id,
        ),
      );
      // The meta of the picture just written comes with the add; only a resend reads it back.
      const image =
        added.image ??
        (added.note.imageId ? (must(await store.images.get(added.note.imageId))?.meta ?? null) : null);
      return added.imageError
        ? {
            note: added.note,
            image,
            warning: `The slide’s picture was not kept: ${added.imageError.message}`,
          }
        : { note: added.note, image };
    },
    deleteNote: async ({ id }) => must(await store.notes.delete(id)),
    restoreNote: async (deleted) => must(await store.notes.restore(deleted)),
    async getImage({ id }) {
      const found = must(await store.images.get(id));
      if (!found) throw new Error('This image no longer exists.');
      return { image: found.blob };
    },
    captureTab: (req, sender) => screenshotOf(windowOf(sender), req),
    listNotes: async ({ talkId }) => must(await store.notes.listByTalk(talkId)),
    async updateTalk({ id, ...patch }) {
      return must(await store.talks.update(id, patch));
    },
    async listPosts() {
      const posts = must(await store.posts.list()).map((p) => ({ id: p.id, title: p.title }));
      return { posts, activeId: must(await store.posts.getActive()) ?? null };
    },
    async setActivePost({ id }) {
      must(await store.posts.setActive(id));
      const post = must(await store.posts.get(id));
      if (!post) throw new Error('This post no longer exists.');
      return { id: post.id, title: post.title };
    },
    async createPost({ title }) {
      const post = must(await store.posts.create({ title }));
      must(await store.posts.setActive(post.id));
      return { id: post.id, title: post.title };
    },
    replaceSlideImage: (input) => replaceSlideImage(store, input),
    slideHashes: ({ talkId }) => slideHashes(store, talkId),
    ...slideTextHandlers(kv),
  };
}
