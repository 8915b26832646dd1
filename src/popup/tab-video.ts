// Which talk video a tab's URL is, keyed the way the site adapters key talks: YouTube and
// Vimeo by their ids, any other page by its URL without the fragment (see sites/generic.ts).
import { vimeoVideoId, youTubeVideoId } from '../core/video-url';
import type { Tab } from '../store/popup-query';

export function tabVideo(url: string | undefined): Tab | undefined {
  if (!url || !/^https?:/.test(url)) return undefined;
  const yt = youTubeVideoId(url);
  if (yt) return { site: 'youtube', videoId: yt };
  const vimeo = vimeoVideoId(url);
  if (vimeo) return { site: 'vimeo', videoId: vimeo };
  const u = new URL(url);
  u.hash = '';
  return { site: 'generic', videoId: u.href };
}

/** Pages our content script doesn't run on by itself: the user can enable it (activeTab). */
export function canEnable(url: string | undefined): boolean {
  return /^https?:/.test(url ?? '') && !/^https?:\/\/(www\.|m\.)?youtube(-nocookie)?\.com\//.test(url ?? '');
}
