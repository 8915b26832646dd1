// Slide thumbnails in the panel, as object URLs: a new capture shows its own Blob at once,
// slides saved earlier (before a reload) are fetched once with getImage. Every URL is revoked
// when the talk changes or the session ends, so nothing leaks.
import type { ImageId, Note } from '../core/model';
import type { Result } from '../core/result';

type GetImage = (id: ImageId) => Promise<Result<{ image: Blob }, string>>;

export class Thumbs {
  private urls = new Map<string, string>();
  private loading = new Set<string>();
  private generation = 0;

  constructor(
    private readonly getImage: GetImage,
    private readonly onChange: (thumbs: Record<string, string>) => void,
  ) {}

  add(noteId: string, blob: Blob): void {
    const old = this.urls.get(noteId);
    if (old) URL.revokeObjectURL(old);
    this.urls.set(noteId, URL.createObjectURL(blob));
    this.onChange(this.all());
  }

  /** The picture shown under `from` (a pending slide) now belongs to `to` (its stored note). */
  rename(from: string, to: string): void {
    const url = this.urls.get(from);
    if (!url) return;
    this.urls.delete(from);
    const old = this.urls.get(to);
    if (old && old !== url) URL.revokeObjectURL(old);
    this.urls.set(to, url);
    this.onChange(this.all());
  }

  remove(id: string): void {
    const url = this.urls.get(id);
    if (!url) return;
    URL.revokeObjectURL(url);
    this.urls.delete(id);
    this.onChange(this.all());
  }

  /** Loads the pictures of slides that have none shown yet. */
  ensure(notes: readonly Note[]): void {
    const gen = this.generation;
    for (const note of notes) {
      const imageId = note.imageId;
      if (!imageId || this.urls.has(note.id) || this.loading.has(note.id)) continue;
      this.loading.add(note.id);
      void this.getImage(imageId).then((r) => {
        this.loading.delete(note.id);
        // A talk change in the meantime: this picture belongs to a list no longer shown.
        if (gen !== this.generation || !r.ok) return;
        this.add(note.id, r.value.image);
      });
    }
  }

  clear(): void {
    for (const url of this.urls.values()) URL.revokeObjectURL(url);
    this.urls.clear();
    this.loading.clear();
    this.generation++;
    this.onChange({});
  }

  all(): Record<string, string> {
    return Object.fromEntries(this.urls);
  }
}
