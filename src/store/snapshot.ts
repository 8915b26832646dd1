// Snapshots: everything (or one post) read in one transaction, image Blobs turned into bytes
// after it (a transaction can't wait on Blob reads).
import type { ImageId, PostId, Snapshot } from '../core/model';
import type { Result } from '../core/result';
import type { StoreError } from './errors';
import { toMeta } from './images';
import { type StoredImage, toNote } from './schema';
import { type Ctx, read } from './tx';

async function withBytes(records: StoredImage[]): Promise<Snapshot['images']> {
  return Promise.all(
    records.map(async (r) => ({ ...toMeta(r), bytes: new Uint8Array(await r.blob.arrayBuffer()) })),
  );
}

export async function snapshot(ctx: Ctx): Promise<Result<Snapshot, StoreError>> {
  const raw = await read(ctx, ['posts', 'talks', 'notes', 'images'], async (tx) => ({
    posts: await tx.objectStore('posts').getAll(),
    talks: await tx.objectStore('talks').getAll(),
    notes: (await tx.objectStore('notes').getAll()).map(toNote),
    images: await tx.objectStore('images').getAll(),
  }));
  if (!raw.ok) return raw;
  return { ok: true, value: { ...raw.value, images: await withBytes(raw.value.images) } };
}

/** One post with its talks, notes and the images they show (the export's input). */
export async function snapshotOfPost(
  ctx: Ctx,
  postId: PostId,
): Promise<Result<Snapshot | undefined, StoreError>> {
  const raw = await read(ctx, ['posts', 'talks', 'notes', 'images'], async (tx) => {
    const post = await tx.objectStore('posts').get(postId);
    if (!post) return undefined;
    const talks = await tx.objectStore('talks').index('byPost').getAll(postId);
    const byTalk = tx.objectStore('notes').index('byTalk');
    const notes = (await Promise.all(talks.map((t) => byTalk.getAll(t.id)))).flat().map(toNote);
    const imageIds = new Set<ImageId>(notes.flatMap((n) => (n.imageId ? [n.imageId] : [])));
    if (post.coverImageId) imageIds.add(post.coverImageId);
    const images = await Promise.all([...imageIds].map((id) => tx.objectStore('images').get(id)));
    return { posts: [post], talks, notes, images: images.filter((i) => i !== undefined) };
  });
  if (!raw.ok || !raw.value) return raw as Result<undefined, StoreError>;
  return { ok: true, value: { ...raw.value, images: await withBytes(raw.value.images) } };
}
