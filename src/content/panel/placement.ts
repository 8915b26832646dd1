// Where the panel lives: inside the fullscreen element while the page is fullscreen (a
// compact overlay), docked on top of the column beside the player when the site has one
// (YouTube's recommendations), else a fixed overlay at the right edge of the window.
import type { PanelMode } from './types';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The overlay's box: 320 px wide, 12 px from the right edge, from 72 px down. */
export function overlayBox(viewportWidth: number, viewportHeight: number): Box {
  return { left: viewportWidth - 332, top: 72, right: viewportWidth - 12, bottom: viewportHeight - 24 };
}

/** True when the overlay would hide part of the video: then it starts folded to its tab. */
export function overlayCovers(video: Box, viewportWidth: number, viewportHeight: number): boolean {
  const o = overlayBox(viewportWidth, viewportHeight);
  return video.left < o.right && video.right > o.left && video.top < o.bottom && video.bottom > o.top;
}

export function placeHost(host: HTMLElement, doc: Document, dock: Element | null): PanelMode {
  const full = doc.fullscreenElement;
  // A <video> itself can't hold children: the panel waits outside until a key moves fullscreen
  // to the video's parent (video-fullscreen.ts) or fullscreen ends.
  if (full && !(full instanceof HTMLVideoElement)) {
    if (host.parentNode !== full) full.append(host);
    return 'fullscreen';
  }
  if (dock) {
    if (dock.firstElementChild !== host) dock.prepend(host);
    return 'docked';
  }
  const body = doc.body ?? doc.documentElement;
  if (host.parentNode !== body) body.append(host);
  return 'overlay';
}
