// One slide image: the video frame itself when the page lets us read it, else a screenshot
// of the tab cropped to the picture (background/screenshot.ts). Both failing is reported with
// both reasons, so the user knows why the slide has no picture.
import type { ScreenshotRequest } from '../core/messages';
import { err, ok, type Result } from '../core/result';
import { type CapturedImage, type CaptureOptions, captureFrame } from './capture';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Screenshot = (
  req: ScreenshotRequest,
) => Promise<Result<{ image: Blob; width: number; height: number }>>;

/**
 * Where the picture is inside the element: a <video> letterboxes its frame (object-fit:
 * contain), and the black bars must not end up in the slide.
 */
export function pictureRect(box: Rect, videoWidth: number, videoHeight: number): Rect {
  if (!videoWidth || !videoHeight || !box.width || !box.height) return box;
  const scale = Math.min(box.width / videoWidth, box.height / videoHeight);
  const width = videoWidth * scale;
  const height = videoHeight * scale;
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
}

/** The part of `r` inside the viewport; null when none of it is. */
export function visiblePart(r: Rect, viewportWidth: number, viewportHeight: number): Rect | null {
  const x = Math.max(0, r.x);
  const y = Math.max(0, r.y);
  const right = Math.min(viewportWidth, r.x + r.width);
  const bottom = Math.min(viewportHeight, r.y + r.height);
  return right - x >= 1 && bottom - y >= 1 ? { x, y, width: right - x, height: bottom - y } : null;
}

function pictureOnScreen(video: HTMLVideoElement): Rect | null {
  const win = video.ownerDocument.defaultView;
  const b = video.getBoundingClientRect();
  const box = { x: b.left, y: b.top, width: b.width, height: b.height };
  const fit = getComputedStyle(video).objectFit;
  const picture = fit === 'fill' ? box : pictureRect(box, video.videoWidth, video.videoHeight);
  return visiblePart(picture, win?.innerWidth ?? 0, win?.innerHeight ?? 0);
}

/** The fallback: a screenshot of the tab cropped to the picture, after the frame could not be read (`why`). */
export async function screenshotSlide(
  video: HTMLVideoElement,
  why: string,
  options: CaptureOptions,
  screenshot: Screenshot,
): Promise<Result<CapturedImage>> {
  const rect = pictureOnScreen(video);
  if (!rect) return err(`${why} The video is not on screen, so no screenshot could be taken instead.`);
  const shot = await screenshot({
    rect,
    viewportWidth: video.ownerDocument.defaultView?.innerWidth ?? rect.width,
    ...options,
  });
  if (!shot.ok) return err(`${why} The screenshot fallback failed too: ${shot.error}`);
  return ok({
    blob: shot.value.image,
    width: shot.value.width,
    height: shot.value.height,
    via: 'screenshot',
  });
}

export async function takeSlide(
  video: HTMLVideoElement,
  options: CaptureOptions,
  screenshot: Screenshot,
): Promise<Result<CapturedImage>> {
  const frame = await captureFrame(video, options);
  if (frame.ok) return frame;
  return screenshotSlide(video, frame.error, options, screenshot);
}
