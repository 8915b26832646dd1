// A copy of one post as a snapshot with fresh ids everywhere (post, sections, talks, notes,
// images), ready for store.importSnapshot(…, 'merge'): the copy is written in one
// transaction, images included, and shares nothing with the original.
import { newId } from '../core/ids';
import type { ImageId, Post, PostId, Snapshot } from '../core/model';

export function duplicateSnapshot(
  snap: Snapshot,
  postId: PostId,
  at = new Date().toISOString(),
): Snapshot | null {
  const post = snap.posts.find((p) => p.id === postId);
  if (!post) return null;
  const talkIds = new Map(snap.talks.map((t) => [t.id, newId('talk')]));
  const imageIds = new Map(snap.images.map((i) => [i.id, newId('image')]));
  const image = (id: ImageId | undefined) => (id ? imageIds.get(id) : undefined);
  const id = newId('post');
  const copy: Post = {
    ...post,
    id,
    title: `${post.title} (copy)`,
    slug: `${post.slug}-copy`.slice(0, 100),
    sections: post.sections.map((s) => ({
      ...s,
      id: newId('section'),
      talkIds: s.talkIds.flatMap((t) => talkIds.get(t) ?? []),
    })),
    createdAt: at,
    updatedAt: at,
  };
  const cover = image(post.coverImageId);
  if (cover) copy.coverImageId = cover;
  else delete copy.coverImageId;
  return {
    posts: [copy],
    talks: snap.talks.map((t) => ({
      ...t,
      id: talkIds.get(t.id) ?? t.id,
      postId: id,
      createdAt: at,
      updatedAt: at,
    })),
    notes: snap.notes.map((n) => {
      const note = {
        ...n,
        id: newId('note'),
        talkId: talkIds.get(n.talkId) ?? n.talkId,
        createdAt: at,
        updatedAt: at,
      };
      const img = image(n.imageId);
      if (img) note.imageId = img;
      return note;
    }),
    images: snap.images.map((i) => ({ ...i, id: imageIds.get(i.id) ?? i.id })),
  };
}
