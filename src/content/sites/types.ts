import type { PageVideo } from '../../core/messages';

/** One per site: everything the content script needs to know about a page. */
export interface SiteAdapter {
  name: PageVideo['site'];
  /** The main talk video on the page now, or null (no video, an ad, a hover preview). */
  findVideo(doc: Document): HTMLVideoElement | null;
  /** Metadata of the video now playing. */
  readVideo(doc: Document, video: HTMLVideoElement): PageVideo;
  /** The caption text on screen, '' when none. */
  captionText(doc: Document): string;
  /** True while an ad plays: nothing is captured or noted then. */
  isAdPlaying(doc: Document): boolean;
  /** Calls `onChange` when the page switches to another video without reloading. */
  watchNavigation(doc: Document, onChange: () => void, signal: AbortSignal): void;
}
