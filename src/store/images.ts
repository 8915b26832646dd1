// Images: a Blob and its metadata in one record. Blobs stay on disk until read, so listing
// metadata doesn't load picture bytes into memory.
import { newId } from '../core/ids';
import type { ImageId, ImageMeta, ImageMime, SlideText } from '../core/model';
import { err, ok, type Result } from '../core/result';
import { readSlideText, validateImageMeta } from '../core/validate';
import { guard } from '../core/validate-util';
import { type StoreError, storeError } from './errors';
import type { StoredImage } from './schema';
import { type Ctx, done, read, refuse, write } from './tx';

/** A captured picture as the capture code has it; the store assigns id and size. */
export interface ImageInput {
  blob: Blob;
  mime: ImageMime;
  width: number;
  height: number;
  phash?: string;
  /** Defaults to now. */
  capturedAt?: string;
}

export function toMeta({ blob: _blob, ...meta }: StoredImage): ImageMeta {
  return meta;
}

/** Validates the input and builds the record to store. */
export function prepareImage(input: ImageInput): Result<StoredImage, StoreError> {
  if (!(input.blob instanceof Blob)) return err(storeError('invalid', 'image.blob must be a Blob'));
  const meta = validateImageMeta({
    id: newId('image'),
    mime: input.mime,
    width: input.width,
    height: input.height,
    size: input.blob.size,
    capturedAt: input.capturedAt ?? new Date().toISOString(),
    ...(input.phash === undefined ? {} : { phash: input.phash }),
  });
  if (!meta.ok) return err(storeError('invalid', meta.error));
  return ok({ ...meta.value, blob: input.blob });
}

export function imagesApi(ctx: Ctx) {
  return {
    put: async (input: ImageInput): Promise<Result<ImageMeta, StoreError>> => {
      const record = prepareImage(input);
      if (!record.ok) return record;
      return write(ctx, ['images'], async (tx) => {
        await tx.objectStore('images').add(record.value);
        return done(toMeta(record.value), [{ type: 'image', op: 'put', id: record.value.id }]);
      });
    },

    /**
     * Stores what OCR read on an image (replacing an earlier reading). Refused when the image
     * is gone (deleted while it was being read) or the text is malformed.
     */
    setText: (id: ImageId, text: SlideText): Promise<Result<ImageMeta, StoreError>> => {
      const valid = guard(() => readSlideText(text));
      if (!valid.ok) return Promise.resolve(err(storeError('invalid', valid.error)));
      return write(ctx, ['images'], async (tx) => {
        const record = await tx.objectStore('images').get(id);
        if (!record) return refuse('not-found', 'That slide was deleted.');
        const updated: StoredImage = { ...record, text: valid.value };
        await tx.objectStore('images').put(updated);
        return done(toMeta(updated), [{ type: 'image', op: 'put', id }]);
      });
    },

    /** The next image with no text yet (the OCR queue), skipping `skip`; undefined when none. */
    nextWithoutText: (skip: ReadonlySet<ImageId> = new Set()) =>
      read(ctx, ['images'], async (tx) => {
        let cursor = await tx.objectStore('images').openCursor();
        while (cursor) {
          const { value } = cursor;
          if (!value.text && !skip.has(value.id)) return { meta: toMeta(value), blob: value.blob };
          cursor = await cursor.continue();
        }
        return undefined;
      }),

    /** How many images there are and how many have been read (the library's progress line). */
    textProgress: () =>
      read(ctx, ['images'], async (tx) => {
        let total = 0;
        let read = 0;
        let cursor = await tx.objectStore('images').openCursor();
        while (cursor) {
          total++;
          if (cursor.value.text) read++;
          cursor = await cursor.continue();
        }
        return { total, read };
      }),

    get: (id: ImageId) =>
      read(ctx, ['images'], async (tx) => {
        const record = await tx.objectStore('images').get(id);
        return record && { meta: toMeta(record), blob: record.blob };
      }),
  };
}

export type ImagesApi = ReturnType<typeof imagesApi>;
