// A slide from the current video frame, at full decoded resolution. When the page won't
// let us read the frame (cross-origin video without CORS, DRM, a canvas blanked by privacy
// settings) the background takes a screenshot of the tab cropped to the video (see
// background/screenshot.ts).
//
// Two steps, so a manual capture can show its thumbnail the moment the frame is drawn:
// drawFrame (the frame on a full-size canvas, plus a small copy for the panel, checked for a
// tainted or black picture on the small copy) and encodeFrame (the full-size canvas to the
// chosen format). captureFrame does both, for auto-capture.
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
  /** The frame's small copy (frame path only): what else needs the picture reads it here, not the video again. */
  preview?: HTMLCanvasElement;
}

/** A frame drawn and checked, not encoded yet. */
export interface DrawnFrame {
  /** The frame at the size it will be stored. */
  canvas: HTMLCanvasElement;
  /** The same picture at most PREVIEW_WIDTH wide: the panel's thumbnail until the slide is stored. */
  preview: HTMLCanvasElement;
  width: number;
  height: number;
}

export interface CaptureOptions {
  mime: 'image/jpeg' | 'image/webp' | 'image/png';
  quality: number;
  maxWidth: number;
}

/** Wide enough for the panel's thumbnail on a 2x screen; a 1080p frame scales to it in about a millisecond. */
export const PREVIEW_WIDTH = 480;

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

/** True when every pixel of an RGBA buffer is (near) black: what DRM and blanked canvases give. */
export function allDark(rgba: ArrayLike<number>): boolean {
  for (let i = 0; i < rgba.length; i += 4) {
    if ((rgba[i] ?? 0) > 16 || (rgba[i + 1] ?? 0) > 16 || (rgba[i + 2] ?? 0) > 16) return false;
  }
  return true;
}

/**
 * True when the picture is all (near) black: DRM and blanked canvases. Reads the small copy,
 * never the full frame (a 1080p readback costs milliseconds); throws on a tainted canvas.
 */
export function isBlank(small: HTMLCanvasElement): boolean {
  const ctx = small.getContext('2d');
  if (!ctx) return false;
  return allDark(ctx.getImageData(0, 0, small.width, small.height).data);
}

/** Draws the frame now on screen and checks it can be used; an error value says why not. */
export async function drawFrame(video: HTMLVideoElement, o: CaptureOptions): Promise<Result<DrawnFrame>> {
  await frameReady(video);
  if (video.readyState < 2 || !video.videoWidth) return err('The video has no frame to capture yet.');
  if (video.mediaKeys) return err('This video is DRM-protected: its frames cannot be read.');
  const [w, h] = fitWidth(video.videoWidth, video.videoHeight, o.maxWidth);
  const doc = video.ownerDocument;
  const canvas = doc.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return err('The browser gave no canvas to draw the frame on.');
  ctx.drawImage(video, 0, 0, w, h);
  mark('drawn');
  // The small copy comes from the canvas, not the video: the frame is converted once.
  const [pw, ph] = fitWidth(w, h, PREVIEW_WIDTH);
  const preview = doc.createElement('canvas');
  preview.width = pw;
  preview.height = ph;
  const small = preview.getContext('2d');
  if (!small) return err('The browser gave no canvas to draw the frame on.');
  small.drawImage(canvas, 0, 0, pw, ph);
  try {
    if (isBlank(preview)) return err('The captured frame is black (protected video or blocked canvas).');
  } catch {
    // getImageData throws on a tainted canvas: a cross-origin video served without CORS.
    return err('The video comes from another site that does not allow reading its frames.');
  }
  mark('checked');
  return ok({ canvas, preview, width: w, height: h });
}

/** The drawn frame in the chosen format. */
export function encodeFrame(frame: DrawnFrame, o: CaptureOptions): Promise<Result<Blob>> {
  return new Promise<Blob | null>((resolve) => {
    try {
      frame.canvas.toBlob(resolve, o.mime, o.quality);
    } catch {
      resolve(null);
    }
  }).then((blob) => {
    mark('encoded');
    return blob && blob.size > 0
      ? ok(blob)
      : err(`The browser could not encode the picture as ${o.mime.replace('image/', '').toUpperCase()}.`);
  });
}

/** Reads the frame now on screen; an error value says why it couldn't. */
export async function captureFrame(
  video: HTMLVideoElement,
  o: CaptureOptions,
): Promise<Result<CapturedImage>> {
  const frame = await drawFrame(video, o);
  if (!frame.ok) return frame;
  const blob = await encodeFrame(frame.value, o);
  if (!blob.ok) return blob;
  const { width, height, preview } = frame.value;
  return ok({ blob: blob.value, width, height, via: 'frame', preview });
}
