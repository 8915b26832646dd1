// A slide from the current video frame, at full decoded resolution. When the page won't
// let us read the frame (cross-origin video without CORS, DRM, a canvas blanked by privacy
// settings) the background takes a screenshot of the tab cropped to the video (see
// background/screenshot.ts).
import type { Result } from '../core/result';
import { err, ok } from '../core/result';

export interface CapturedImage {
  blob: Blob;
  width: number;
  height: number;
  /** How the frame was read: straight from the video, or from a tab screenshot. */
  via: 'frame' | 'screenshot';
}

export interface CaptureOptions {
  mime: 'image/jpeg' | 'image/webp' | 'image/png';
  quality: number;
  maxWidth: number;
}

export const defaultCaptureOptions: CaptureOptions = { mime: 'image/jpeg', quality: 0.9, maxWidth: 1920 };

export function fitWidth(w: number, h: number, maxWidth: number): [number, number] {
  if (w <= maxWidth) return [w, h];
  return [maxWidth, Math.round((h * maxWidth) / w)];
}

function encode(canvas: HTMLCanvasElement, o: CaptureOptions): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, o.mime, o.quality));
}

/** True when a sparse sample of the frame is all (near) black: DRM and blanked canvases. */
export function isBlank(ctx: CanvasRenderingContext2D, w: number, h: number): boolean {
  const step = Math.max(1, Math.floor(Math.min(w, h) / 24));
  const { data } = ctx.getImageData(0, 0, w, h);
  let max = 0;
  for (let y = 0; y < h; y += step) {
    for (let x = 0; x < w; x += step) {
      const i = (y * w + x) * 4;
      max = Math.max(max, data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0);
      if (max > 16) return false;
    }
  }
  return true;
}

/** Reads the frame now on screen; an error value says why it couldn't. */
export async function captureFrame(
  video: HTMLVideoElement,
  o: CaptureOptions,
): Promise<Result<CapturedImage>> {
  if (video.readyState < 2 || !video.videoWidth) return err('The video has no frame to capture yet.');
  if (video.mediaKeys) return err('This video is DRM-protected: its frames cannot be read.');
  const [w, h] = fitWidth(video.videoWidth, video.videoHeight, o.maxWidth);
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: false });
  if (!ctx) return err('The browser gave no canvas to draw the frame on.');
  ctx.drawImage(video, 0, 0, w, h);
  try {
    if (isBlank(ctx, w, h)) return err('The captured frame is black (protected video or blocked canvas).');
  } catch {
    return err('The video comes from another site that does not allow reading its frames.');
  }
  const blob = await encode(canvas, o);
  if (!blob) return err('The browser could not encode the frame.');
  return ok({ blob, width: w, height: h, via: 'frame' });
}
