// Where the panel lives: inside the fullscreen element while the page is fullscreen (a
// compact overlay), docked on top of the column beside the player when the site has one
// (YouTube's recommendations), else a fixed overlay at the right edge of the window. Where that
// overlay would cover the middle of the video (a small embed), panelLayout makes it a bar along
// the edge of the frame instead (Compact.tsx).
import { type PanelLayout, type PanelMode, regularLayout } from './types';

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

/** The middle third of the video, both ways: where a slide's content is, never to be covered. */
export function middleOf(video: Box): Box {
  const w = (video.right - video.left) / 3;
  const h = (video.bottom - video.top) / 3;
  return { left: video.left + w, right: video.right - w, top: video.top + h, bottom: video.bottom - h };
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
}

/** The least room a compact bar needs: one row of buttons. */
const minRoom = 32;

/**
 * The layout for the panel floating over the page. In a small frame (a YouTube embed in an
 * article, a small window) the 320 px overlay would cover the middle of the picture: then the
 * panel becomes a bar along the edge with more room before the middle (the top unless it has
 * almost none, which leaves the player's controls at the bottom free), and "tiny" when the frame
 * is too narrow or low for the bar's labels.
 */
export function panelLayout(
  mode: PanelMode,
  video: Box | null,
  viewportWidth: number,
  viewportHeight: number,
): PanelLayout {
  if (mode !== 'overlay' || !video || viewportWidth <= 0 || viewportHeight <= 0) return regularLayout;
  const middle = middleOf(video);
  if (!overlaps(overlayBox(viewportWidth, viewportHeight), middle)) return regularLayout;
  const above = Math.floor(Math.min(middle.top, viewportHeight)) - 2;
  const below = Math.floor(viewportHeight - Math.max(middle.bottom, 0)) - 2;
  const edge = above >= minRoom || above >= below ? 'top' : 'bottom';
  const room = Math.max(minRoom, edge === 'top' ? above : below);
  const size = viewportWidth < 520 || room < 96 ? 'tiny' : 'compact';
  return { size, edge, room };
}

export function sameLayout(a: PanelLayout, b: PanelLayout): boolean {
  return a.size === b.size && a.edge === b.edge && a.room === b.room;
}
