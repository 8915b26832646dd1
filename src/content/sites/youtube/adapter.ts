import { chaptersFromDescription } from '../../../core/chapters';
import { guessSpeakers } from '../../../core/speakers';
import { youTubeVideoId } from '../../../core/video-url';
import type { SiteAdapter } from '../types';
import { first, selectors } from './selectors';

function text(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The `v` parameter of any /watch URL (embeds on other hosts, the e2e fixture page). */
function watchParam(location: Location): string | null {
  const v = new URLSearchParams(location.search).get('v');
  return location.pathname.endsWith('/watch') && v && /^[A-Za-z0-9_-]{11}$/.test(v) ? v : null;
}

export const youTubeAdapter: SiteAdapter = {
  name: 'youtube',
  findVideo(doc) {
    // Prefer the main player's video outside the miniplayer; hover previews live elsewhere.
    for (const s of selectors.video) {
      for (const v of doc.querySelectorAll<HTMLVideoElement>(s)) {
        if (!v.closest(selectors.miniplayer)) return v;
      }
    }
    return first<HTMLVideoElement>(doc, selectors.video);
  },
  readVideo(doc, video) {
    const id = youTubeVideoId(doc.location.href) ?? watchParam(doc.location) ?? '';
    const title = text(first(doc, selectors.title)) || doc.title.replace(/\s*-\s*YouTube$/, '').trim();
    const channel = text(first(doc, selectors.channel));
    const description = first(doc, selectors.description)?.textContent ?? '';
    const speakers = guessSpeakers(title);
    return {
      url: id ? `https://www.youtube.com/watch?v=${id}` : doc.location.href,
      site: 'youtube',
      videoId: id || doc.location.href,
      title,
      channel,
      speakers: speakers.length > 0 ? speakers : channel ? [{ name: channel }] : [],
      duration: Number.isFinite(video.duration) ? video.duration : 0,
      chapters: chaptersFromDescription(description),
    };
  },
  captionText(doc) {
    return Array.from(doc.querySelectorAll(selectors.caption), (el) => text(el))
      .filter(Boolean)
      .join(' ');
  },
  isAdPlaying: (doc) => doc.querySelector(selectors.adShowing) !== null,
  watchNavigation(doc, onChange, signal) {
    doc.addEventListener('yt-navigate-finish', onChange, { signal });
    doc.addEventListener('yt-player-updated', onChange, { signal });
    doc.defaultView?.addEventListener('popstate', onChange, { signal });
  },
};
