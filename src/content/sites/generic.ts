// Any page with a <video>: the largest playing or visible one is the talk.
import { splitTalkTitle } from '../../core/speakers';
import type { SiteAdapter } from './types';

function area(v: HTMLVideoElement): number {
  const r = v.getBoundingClientRect();
  return r.width * r.height;
}

export function largestVideo(videos: Iterable<HTMLVideoElement>): HTMLVideoElement | null {
  let best: HTMLVideoElement | null = null;
  for (const v of videos) {
    // Tiny or hidden videos are previews and decorations, not talks.
    if (area(v) < 160 * 90) continue;
    if (!best || area(v) > area(best)) best = v;
  }
  return best;
}

export function pageUrl(doc: Document): string {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  const url = new URL(canonical || doc.location.href);
  url.hash = '';
  return url.href;
}

export const genericAdapter: SiteAdapter = {
  name: 'generic',
  hasTalk: (doc) => genericAdapter.findVideo(doc) !== null,
  findVideo: (doc) => largestVideo(doc.querySelectorAll('video')),
  readVideo(doc, video) {
    const url = pageUrl(doc);
    const { title, speakers } = splitTalkTitle(
      doc.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content?.trim() ||
        doc.title.trim() ||
        url,
    );
    return {
      url,
      site: 'generic',
      videoId: url,
      title,
      channel: doc.querySelector<HTMLMetaElement>('meta[name="author"]')?.content?.trim() ?? '',
      speakers,
      duration: Number.isFinite(video.duration) ? video.duration : 0,
      chapters: [],
    };
  },
  captionText(doc) {
    const video = genericAdapter.findVideo(doc);
    const track = video ? Array.from(video.textTracks).find((t) => t.mode === 'showing') : undefined;
    const cues = track?.activeCues;
    if (!cues) return '';
    return Array.from(cues)
      .map((c) => (c as VTTCue).text ?? '')
      .join(' ')
      .replace(/<[^>]*>/g, '')
      .trim();
  },
  isAdPlaying: () => false,
  dockTarget: () => null,
  watchNavigation(doc, onChange, signal) {
    // Single-page apps change the URL with history.pushState; a content script can't
    // hook the page's pushState, so watch for the URL changing on common signals.
    let last = doc.location.href;
    const check = () => {
      if (doc.location.href !== last) {
        last = doc.location.href;
        onChange();
      }
    };
    const win = doc.defaultView;
    win?.addEventListener('popstate', check, { signal });
    doc.addEventListener('loadedmetadata', check, { capture: true, signal });
    (win as { navigation?: EventTarget } | null)?.navigation?.addEventListener('navigatesuccess', check, {
      signal,
    });
  },
};
