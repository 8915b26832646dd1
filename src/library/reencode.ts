// Slides as the export wants them: another format or a smaller width, re-encoded in the
// library page (a canvas), one image at a time so a large post never holds two copies of
// every picture at once. Images already as asked are passed through untouched.
import type { ImageMime, Snapshot } from '../core/model';
import type { ImageExport } from './api';

type SnapshotImage = Snapshot['images'][number];

export function needsReencode(image: Pick<SnapshotImage, 'mime' | 'width'>, want: ImageExport): boolean {
  const otherFormat = want.format !== 'keep' && want.format !== image.mime;
  const tooWide = want.maxWidth > 0 && image.width > want.maxWidth;
  return otherFormat || tooWide;
}

async function reencode(image: SnapshotImage, want: ImageExport): Promise<SnapshotImage> {
  const mime: ImageMime = want.format === 'keep' ? image.mime : want.format;
  const bitmap = await createImageBitmap(
    new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.mime }),
  );
  const width = want.maxWidth > 0 ? Math.min(bitmap.width, want.maxWidth) : bitmap.width;
  const height = Math.round((bitmap.height * width) / bitmap.width);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas to re-encode the slides on');
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await canvas.convertToBlob({ type: mime, quality: want.quality });
  // A browser that can't encode the format (WebP in some builds) falls back to PNG: say so.
  if (blob.type !== mime) throw new Error(`this browser can't write ${mime} images`);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return { ...image, mime, width, height, size: bytes.byteLength, bytes };
}

/** The snapshot with its slides as `want` says; the same snapshot when nothing changes. */
export async function reencodeImages(snap: Snapshot, want: ImageExport | undefined): Promise<Snapshot> {
  if (!want || !snap.images.some((i) => needsReencode(i, want))) return snap;
  const images: SnapshotImage[] = [];
  for (const image of snap.images)
    images.push(needsReencode(image, want) ? await reencode(image, want) : image);
  return { ...snap, images };
}
