import type { PageVideo } from '../../core/messages';

/** One per site: everything the content script needs to know about a page. */
export interface SiteAdapter {
  name: PageVideo['site'];
  /** Whether this page shows a talk at all (a watch page, not a home page with previews). */
  hasTalk(doc: Document): boolean;
  /** The main talk video on the page now, or null (no video, a hover preview, the miniplayer). */
  findVideo(doc: Document): HTMLVideoElement | null;
  /** Metadata of the video now playing. */
  readVideo(doc: Document, video: HTMLVideoElement): PageVideo;
  /** The caption text on screen, '' when none. */
  captionText(doc: Document): string;
  /** True while an ad plays: nothing is captured or noted then. */
  isAdPlaying(doc: Document): boolean;
  /** Where the panel docks beside the player (it goes first in it), or null for an overlay. */
  dockTarget(doc: Document): Element | null;
  /** Calls `onChange` when the page switches to another video without reloading. */
  watchNavigation(doc: Document, onChange: () => void, signal: AbortSignal): void;
}
