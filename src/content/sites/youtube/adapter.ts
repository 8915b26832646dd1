// YouTube watch pages, live streams and embeds (youtube.com and youtube-nocookie.com).
import { chaptersFromDescription } from '../../../core/chapters';
import { splitTalkTitle } from '../../../core/speakers';
import { youTubeVideoId } from '../../../core/video-url';
import type { SiteAdapter } from '../types';
import { first, selectors, talkPaths } from './selectors';

function text(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The `v` parameter of any /watch URL (embeds on other hosts, the e2e fixture page). */
function watchParam(location: Location): string | null {
  const v = new URLSearchParams(location.search).get('v');
  return location.pathname.endsWith('/watch') && v && /^[A-Za-z0-9_-]{11}$/.test(v) ? v : null;
}

function videoIdOf(doc: Document): string | null {
  const inPath = /\/(?:embed|live)\/([A-Za-z0-9_-]{11})\/?$/.exec(doc.location.pathname)?.[1];
  return youTubeVideoId(doc.location.href) ?? watchParam(doc.location) ?? inPath ?? null;
}

export const youTubeAdapter: SiteAdapter = {
  name: 'youtube',
  hasTalk: (doc) => talkPaths.test(doc.location.pathname) && videoIdOf(doc) !== null,
  findVideo(doc) {
    // The main player's video, never the miniplayer's; hover previews live elsewhere.
    for (const s of selectors.video) {
      for (const v of doc.querySelectorAll<HTMLVideoElement>(s)) {
        if (!v.closest(selectors.miniplayer)) return v;
      }
    }
    return null;
  },
  readVideo(doc, video) {
    const id = videoIdOf(doc) ?? '';
    const { title, speakers } = splitTalkTitle(
      text(first(doc, selectors.title)) || doc.title.replace(/\s*-\s*YouTube$/, '').trim(),
    );
    const channel = text(first(doc, selectors.channel));
    const description = first(doc, selectors.description)?.textContent ?? '';
    return {
      url: id ? `https://www.youtube.com/watch?v=${id}` : doc.location.href,
      site: 'youtube',
      videoId: id || doc.location.href,
      title,
      channel,
      // A channel is not a speaker ("CNCF [Cloud Native Computing Foundation]"): with no name in
      // the title the speakers stay empty and the panel asks for them.
      speakers,
      // Live streams report Infinity; their DVR window has no fixed length.
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
  dockTarget: (doc) => first(doc, selectors.dock),
  watchNavigation(doc, onChange, signal) {
    doc.addEventListener('yt-navigate-finish', onChange, { signal });
    doc.addEventListener('yt-page-data-updated', onChange, { signal });
    doc.defaultView?.addEventListener('popstate', onChange, { signal });
    // The Navigation API, where the browser has it, also sees history.pushState.
    const nav = (doc.defaultView as { navigation?: EventTarget } | null)?.navigation;
    nav?.addEventListener('navigatesuccess', onChange, { signal });
  },
};
