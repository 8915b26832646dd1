// Notes: saved on creation and on every edit. A slide whose picture can't be stored (quota)
// still keeps its text: the result says the image was dropped and why.
import { newId } from '../core/ids';
import type { ImageMeta, Note, NoteId, TalkId } from '../core/model';
import { ok, type Result } from '../core/result';
import { validateImageMeta, validateNote } from '../core/validate';
import { type NewNote, type NotePatch, validateNewNote, validateNotePatch } from '../core/validate-patch';
import type { Change } from './changes';
import { recount } from './counts';
import { now } from './defaults';
import { messages, type StoreError, storeError } from './errors';
import { type ImageInput, prepareImage, toMeta } from './images';
import { byTime } from './posts';
import { type StoredImage, type StoredNote, toNote } from './schema';
import { termsOf } from './terms';
import { type Ctx, done, read, refuse, write } from './tx';

/** Everything `restore` needs to undo a delete. */
export interface DeletedNote {
  note: Note;
  image?: StoredImage;
}

export interface AddedNote {
  note: Note;
  /** The picture as stored by this add, so the caller needn't read it back (absent on a resend). */
  image?: ImageMeta;
  /** Set when the note was saved without its image; tell the user why. */
  imageError?: StoreError;
}

/**
 * Whether a stored note is the one `add` was asked for again: the same talk, moment, kind,
 * words and flags, and the same picture (size, dimensions, format, hash) when both have one.
 * Dates and the image's id are made per send and not compared.
 */
function sameAdd(old: Note, oldImage: StoredImage | undefined, note: Note, image: StoredImage | undefined) {
  const same =
    old.talkId === note.talkId &&
    old.kind === note.kind &&
    old.time === note.time &&
    old.text === note.text &&
    (old.speaker ?? null) === (note.speaker ?? null) &&
    Boolean(old.auto) === Boolean(note.auto);
  if (!same || !oldImage || !image) return same;
  return (
    oldImage.size === image.size &&
    oldImage.width === image.width &&
    oldImage.height === image.height &&
    oldImage.mime === image.mime &&
    (oldImage.phash ?? null) === (image.phash ?? null)
  );
}

const stored = (note: Note): StoredNote => ({ ...note, terms: termsOf(note.text, note.speaker) });

export function notesApi(ctx: Ctx) {
  /** With `once`, a note already stored under this id is answered instead (see `add`). */
  const save = (note: Note, image: StoredImage | undefined, once = false) =>
    write(ctx, ['talks', 'notes', 'images', 'counts'], async (tx) => {
      if (!(await tx.objectStore('talks').getKey(note.talkId)))
        return refuse('not-found', 'This talk no longer exists.');
      if (once) {
        const existing = await tx.objectStore('notes').get(note.id);
        if (existing) {
          const image0 = existing.imageId ? await tx.objectStore('images').get(existing.imageId) : undefined;
          if (!sameAdd(toNote(existing), image0, note, image))
            return refuse('conflict', 'Another note already has this id; nothing was saved.');
          return done(toNote(existing), []);
        }
      }
      const changes: Change[] = [];
      if (image) {
        await tx.objectStore('images').put(image);
        changes.push({ type: 'image', op: 'put', id: image.id });
      } else if (note.imageId && !(await tx.objectStore('images').getKey(note.imageId))) {
        return refuse('not-found', "This slide's image no longer exists.");
      }
      // A restore may put back a note that is there already: count the difference only.
      const old = await tx.objectStore('notes').get(note.id);
      await tx.objectStore('notes').put(stored(note));
      await recount(tx, old, note);
      changes.push({ type: 'note', op: 'put', id: note.id, talkId: note.talkId });
      return done(note, changes);
    });

  return {
    /**
     * Adds a note; with `image`, a slide whose picture is stored in the same transaction.
     * With `id` (made by the page), adding is idempotent: when a note with that id exists and
     * is this same note (a resend after the background went away), it is answered and nothing
     * is written; when it is a different note, the add is refused ('conflict'), nothing changed.
     */
    async add(input: NewNote, image?: ImageInput, id?: NoteId): Promise<Result<AddedNote, StoreError>> {
      const valid = validateNewNote(input);
      if (!valid.ok) return { ok: false, error: { code: 'invalid', message: valid.error } };
      const at = now();
      const once = id !== undefined;
      const note: Note = { ...valid.value, id: id ?? newId('note'), createdAt: at, updatedAt: at };
      if (!image) {
        const saved = await save(note, undefined, once);
        return saved.ok ? ok({ note: saved.value }) : saved;
      }
      const record = prepareImage(image);
      const withImage = record.ok
        ? await save({ ...note, imageId: record.value.id }, record.value, once)
        : record;
      if (withImage.ok) {
        // The first send stored the slide without its picture (a full disk): say so again.
        if (!withImage.value.imageId)
          return ok({ note: withImage.value, imageError: storeError('failed', messages.pictureLost) });
        // A resend answers with the picture stored the first time: only the caller's read knows it.
        return record.ok && withImage.value.imageId === record.value.id
          ? ok({ note: withImage.value, image: toMeta(record.value) })
          : ok({ note: withImage.value });
      }
      if (withImage.error.code === 'not-found' || withImage.error.code === 'conflict') return withImage;
      // Keep what the user wrote even when the picture can't be kept.
      const { imageId: _dropped, ...textOnly } = note;
      const saved = await save(textOnly, undefined, once);
      return saved.ok ? ok({ note: saved.value, imageError: withImage.error }) : saved;
    },

    get: (id: NoteId) =>
      read(ctx, ['notes'], async (tx) => {
        const note = await tx.objectStore('notes').get(id);
        return note && toNote(note);
      }),

    /** The talk's notes in time order. */
    listByTalk: (talkId: TalkId) =>
      read(ctx, ['notes'], async (tx) =>
        (await tx.objectStore('notes').index('byTalk').getAll(talkId)).map(toNote).sort(byTime),
      ),

    update: (id: NoteId, patch: NotePatch) =>
      write(ctx, ['talks', 'notes', 'images', 'counts'], async (tx) => {
        const valid = validateNotePatch(patch);
        if (!valid.ok) return refuse('invalid', valid.error);
        const old = await tx.objectStore('notes').get(id);
        if (!old) return refuse('not-found', 'This note no longer exists.');
        const next: Note = { ...toNote(old), updatedAt: now() };
        for (const [key, value] of Object.entries(valid.value)) {
          if (value === null) delete next[key as keyof NotePatch];
          else Object.assign(next, { [key]: value });
        }
        if (valid.value.imageId && !(await tx.objectStore('images').getKey(valid.value.imageId))) {
          return refuse('not-found', 'That image no longer exists.');
        }
        await tx.objectStore('notes').put(stored(next));
        // A note turned into a slide (or back) moves between the slide counts.
        if (next.kind !== old.kind) await recount(tx, old, next);
        return done(next, [{ type: 'note', op: 'put', id, talkId: next.talkId }]);
      }),

    /** Deletes the note and its slide image (unless that image is a post's cover). */
    delete: (id: NoteId) =>
      write(ctx, ['posts', 'talks', 'notes', 'images', 'counts'], async (tx) => {
        const old = await tx.objectStore('notes').get(id);
        if (!old) return refuse('not-found', 'This note no longer exists.');
        const note = toNote(old);
        const changes: Change[] = [{ type: 'note', op: 'delete', id, talkId: note.talkId }];
        const deleted: DeletedNote = { note };
        if (note.imageId) {
          const talk = await tx.objectStore('talks').get(note.talkId);
          const post = talk && (await tx.objectStore('posts').get(talk.postId));
          const image = await tx.objectStore('images').get(note.imageId);
          if (image && post?.coverImageId !== note.imageId) {
            await tx.objectStore('images').delete(image.id);
            changes.push({ type: 'image', op: 'delete', id: image.id });
            deleted.image = image;
          }
        }
        await tx.objectStore('notes').delete(id);
        await recount(tx, old, undefined);
        return done(deleted, changes);
      }),

    /**
     * Swaps a slide's picture in one transaction (auto-capture completing a build): the note
     * is never without a picture, and a failure (a full disk) leaves the old one in place.
     */
    async replaceImage(
      id: NoteId,
      input: ImageInput,
    ): Promise<Result<{ note: Note; image: ImageMeta }, StoreError>> {
      const record = prepareImage(input);
      if (!record.ok) return record;
      const image = record.value;
      return write(ctx, ['posts', 'talks', 'notes', 'images'], async (tx) => {
        const old = await tx.objectStore('notes').get(id);
        if (!old) return refuse('not-found', 'This slide no longer exists.');
        const note: Note = { ...toNote(old), imageId: image.id, updatedAt: now() };
        await tx.objectStore('images').put(image);
        const changes: Change[] = [{ type: 'image', op: 'put', id: image.id }];
        if (old.imageId) {
          // The old picture goes, unless the post uses it as its cover.
          const talk = await tx.objectStore('talks').get(old.talkId);
          const post = talk && (await tx.objectStore('posts').get(talk.postId));
          if (post?.coverImageId !== old.imageId) {
            await tx.objectStore('images').delete(old.imageId);
            changes.push({ type: 'image', op: 'delete', id: old.imageId });
          }
        }
        await tx.objectStore('notes').put(stored(note));
        changes.push({ type: 'note', op: 'put', id, talkId: note.talkId });
        return done({ note, image: toMeta(image) }, changes);
      });
    },

    /** Undoes `delete`: puts the note (and its image) back, if its talk still exists. */
    restore: async (deleted: DeletedNote): Promise<Result<Note, StoreError>> => {
      // It may have travelled through a message: check it like any other input.
      const note = validateNote(deleted.note);
      if (!note.ok) return { ok: false, error: { code: 'invalid', message: note.error } };
      const image = deleted.image;
      if (
        image &&
        (!(image.blob instanceof Blob) ||
          image.id !== note.value.imageId ||
          !validateImageMeta(toMeta(image)).ok)
      ) {
        return {
          ok: false,
          error: { code: 'invalid', message: "The deleted note's image doesn't match it." },
        };
      }
      return save(note.value, image && { ...image, blob: image.blob });
    },
  };
}

export type NotesApi = ReturnType<typeof notesApi>;
export { toMeta };
