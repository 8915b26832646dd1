// A stored slide shown from a blob: URL the API hands out (cached there, one per image).
import { useEffect, useState } from 'preact/hooks';
import type { ImageId } from '../core/model';
import type { LibraryApi } from './api';

export function Thumb({
  api,
  id,
  alt,
  onOpen,
}: {
  api: Pick<LibraryApi, 'imageUrl'>;
  id: ImageId;
  alt: string;
  onOpen?: () => void;
}) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.imageUrl(id).then((u) => live && setUrl(u));
    return () => {
      live = false;
    };
  }, [api, id]);
  const img = url ? (
    <img class="thumb" src={url} alt={alt} loading="lazy" />
  ) : (
    <span class="thumb missing">{alt}</span>
  );
  if (!onOpen) return img;
  return (
    <button type="button" class="thumb-button" onClick={onOpen} aria-label={`Enlarge: ${alt}`}>
      {img}
    </button>
  );
}
