// YouTube's DOM, in one place. YouTube changes it often: each list is tried in order, so
// a fix is a one-line change here. Example page: https://www.youtube.com/watch?v=dQw4w9WgXcQ
export const selectors = {
  player: ['#movie_player', '.html5-video-player'],
  video: [
    '#movie_player .html5-video-container video.html5-main-video',
    '#movie_player video',
    'video.html5-main-video',
  ],
  /** The small player that keeps playing while the user browses; its video is not the page's talk. */
  miniplayer: '.miniplayer, ytd-miniplayer',
  adShowing: '#movie_player.ad-showing, .html5-video-player.ad-showing, .html5-video-player.ad-interrupting',
  title: [
    'ytd-watch-metadata h1 yt-formatted-string',
    'ytd-watch-metadata h1',
    '#title h1',
    '.ytd-video-primary-info-renderer.title',
    // Embeds: the player's own title bar (on watch pages the metadata above comes first).
    '#movie_player .ytp-title-link',
  ],
  channel: [
    'ytd-watch-metadata ytd-channel-name a',
    'ytd-channel-name a',
    'a.ytd-video-owner-renderer',
    // Embeds: the channel in the player's title bar, in its newer and older place.
    '#movie_player .ytp-title-expanded-title a',
    '#movie_player a.ytp-title-channel-name',
  ],
  description: ['ytd-watch-metadata #description', '#description'],
  caption: '.ytp-caption-segment',
  chapterTitle: '.ytp-chapter-title-content',
  /** The column right of the player (recommendations); the panel goes on top of it. */
  dock: ['#secondary-inner', '#secondary'],
} as const;

/** Pages that show one talk: watch pages, live streams, embeds (not shorts, not the home page). */
export const talkPaths = /\/(watch|live\/[^/]+|embed\/[^/]+)\/?$/;

export function first<T extends Element>(root: ParentNode, list: readonly string[]): T | null {
  for (const s of list) {
    const el = root.querySelector<T>(s);
    if (el) return el;
  }
  return null;
}
