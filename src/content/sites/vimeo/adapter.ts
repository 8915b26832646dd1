// Vimeo video pages and its player embeds. Enabled by the toolbar button (activeTab) or the
// user's opt-in for the site; the manifest doesn't inject us there.
import { chaptersFromDescription } from '../../../core/chapters';
import { splitTalkTitle } from '../../../core/speakers';
import { vimeoVideoId } from '../../../core/video-url';
import { largestVideo } from '../generic';
import type { SiteAdapter } from '../types';
import { firstText, fromDocumentTitle, jsonLdAuthor, selectors } from './selectors';

export const vimeoAdapter: SiteAdapter = {
  name: 'vimeo',
  hasTalk: (doc) => vimeoVideoId(doc.location.href) !== null && vimeoAdapter.findVideo(doc) !== null,
  findVideo(doc) {
    for (const s of selectors.video) {
      const v = largestVideo(doc.querySelectorAll<HTMLVideoElement>(s));
      if (v) return v;
    }
    return null;
  },
  readVideo(doc, video) {
    const id = vimeoVideoId(doc.location.href);
    const fallback = fromDocumentTitle(doc.title, doc.location.hostname === 'player.vimeo.com');
    const { title, speakers } = splitTalkTitle(
      firstText(doc, selectors.title).replace(/\s+on Vimeo$/, '') || fallback.title,
    );
    const channel = jsonLdAuthor(doc) || firstText(doc, selectors.channel) || fallback.owner;
    return {
      url: id ? `https://vimeo.com/${id}` : doc.location.href,
      site: 'vimeo',
      videoId: id ?? doc.location.href,
      title,
      channel,
      // A channel is not a speaker ("CNCF [Cloud Native Computing Foundation]"): with no name in
      // the title the speakers stay empty and the panel asks for them.
      speakers,
      duration: Number.isFinite(video.duration) ? video.duration : 0,
      chapters: chaptersFromDescription(firstText(doc, selectors.description)),
    };
  },
  captionText: (doc) => firstText(doc, selectors.caption),
  isAdPlaying: () => false,
  dockTarget: () => null,
  watchNavigation(doc, onChange, signal) {
    doc.defaultView?.addEventListener('popstate', onChange, { signal });
  },
};
