// Images: a Blob and its metadata in one record. Blobs stay on disk until read, so listing
// metadata doesn't load picture bytes into memory.
import { newId } from '../core/ids';
import type { ImageId, ImageMeta, ImageMime } from '../core/model';
import { err, ok, type Result } from '../core/result';
import { validateImageMeta } from '../core/validate';
import { type StoreError, storeError } from './errors';
import type { StoredImage } from './schema';
import { type Ctx, done, read, write } from './tx';

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

    get: (id: ImageId) =>
      read(ctx, ['images'], async (tx) => {
        const record = await tx.objectStore('images').get(id);
        return record && { meta: toMeta(record), blob: record.blob };
      }),
  };
}

export type ImagesApi = ReturnType<typeof imagesApi>;
