// A slide from the current video frame, at full decoded resolution. When the page won't
// let us read the frame (cross-origin video without CORS, DRM, a canvas blanked by privacy
// settings) the background takes a screenshot of the tab cropped to the video (see
// background/screenshot.ts).
import type { Result } from '../core/result';
import { err, ok } from '../core/result';
import type { Settings } from './settings';
import { mark } from './timing';

export interface CapturedImage {
  blob: Blob;
  width: number;
  height: number;
  /** How the frame was read: straight from the video, or from a tab screenshot. */
  via: 'frame' | 'screenshot';
  /** The frame as drawn (frame path only): what else needs the picture reads it here, not the video again. */
  canvas?: HTMLCanvasElement;
}

export interface CaptureOptions {
  mime: 'image/jpeg' | 'image/webp' | 'image/png';
  quality: number;
  maxWidth: number;
}

export function captureOptions(s: Settings): CaptureOptions {
  return { mime: s.captureFormat, quality: s.captureQuality, maxWidth: s.captureMaxWidth };
}

/** A frame is on screen unless the video is still seeking or has none yet: wait (briefly) for it. */
function frameReady(video: HTMLVideoElement, timeoutMs = 1500): Promise<void> {
  if (!video.seeking && video.readyState >= 2) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      video.removeEventListener('seeked', done);
      video.removeEventListener('loadeddata', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    video.addEventListener('seeked', done);
    video.addEventListener('loadeddata', done);
  });
}

export function fitWidth(w: number, h: number, maxWidth: number): [number, number] {
  if (w <= maxWidth) return [w, h];
  return [maxWidth, Math.round((h * maxWidth) / w)];
}

function encode(canvas: HTMLCanvasElement, o: CaptureOptions): Promise<Blob | null> {
  return new Promise((resolve, reject) => {
    try {
      canvas.toBlob(resolve, o.mime, o.quality);
    } catch (e) {
      reject(e);
    }
  });
}

/**
 * True when the frame is all (near) black: DRM and blanked canvases. Reads a 48x27 copy,
 * not the full frame (a 1080p readback costs milliseconds); throws on a tainted canvas.
 */
export function isBlank(source: HTMLCanvasElement): boolean {
  const small = source.ownerDocument.createElement('canvas');
  small.width = 48;
  small.height = 27;
  const ctx = small.getContext('2d', { willReadFrequently: true });
  if (!ctx) return false;
  ctx.drawImage(source, 0, 0, 48, 27);
  const { data } = ctx.getImageData(0, 0, 48, 27);
  for (let i = 0; i < data.length; i += 4) {
    if ((data[i] ?? 0) > 16 || (data[i + 1] ?? 0) > 16 || (data[i + 2] ?? 0) > 16) return false;
  }
  return true;
}

/** Reads the frame now on screen; an error value says why it couldn't. */
export async function captureFrame(
  video: HTMLVideoElement,
  o: CaptureOptions,
): Promise<Result<CapturedImage>> {
  await frameReady(video);
  if (video.readyState < 2 || !video.videoWidth) return err('The video has no frame to capture yet.');
  if (video.mediaKeys) return err('This video is DRM-protected: its frames cannot be read.');
  const [w, h] = fitWidth(video.videoWidth, video.videoHeight, o.maxWidth);
  const canvas = video.ownerDocument.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return err('The browser gave no canvas to draw the frame on.');
  ctx.drawImage(video, 0, 0, w, h);
  mark('drawn');
  try {
    if (isBlank(canvas)) return err('The captured frame is black (protected video or blocked canvas).');
  } catch {
    // getImageData throws on a tainted canvas: a cross-origin video served without CORS.
    return err('The video comes from another site that does not allow reading its frames.');
  }
  const blob = await encode(canvas, o).catch(() => null);
  mark('encoded');
  if (!blob) return err('The browser could not encode the frame.');
  return ok({ blob, width: w, height: h, via: 'frame', canvas });
}
