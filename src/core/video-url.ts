// Video ids and links to a moment, for YouTube, Vimeo and any other page.
import type { Site } from './model';

const youTubeId = /^[A-Za-z0-9_-]{11}$/;

/** YouTube's 11-character id from watch, embed, shorts, live and youtu.be URLs. */
export function youTubeVideoId(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^(www\.|m\.|music\.)/, '');
  let id: string | null = null;
  if (host === 'youtu.be') {
    id = url.pathname.split('/')[1] ?? null;
  } else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    if (url.pathname === '/watch') id = url.searchParams.get('v');
    else {
      const m = /^\/(?:embed|shorts|live|v)\/([^/?#]+)/.exec(url.pathname);
      id = m?.[1] ?? null;
    }
  }
  return id && youTubeId.test(id) ? id : null;
}

/** Vimeo's numeric id from vimeo.com/ID and player.vimeo.com/video/ID. */
export function vimeoVideoId(href: string): string | null {
  try {
    const url = new URL(href);
    if (!/(^|\.)vimeo\.com$/.test(url.hostname)) return null;
    const m = /^\/(?:video\/)?(\d{5,12})(?:\/|$)/.exec(url.pathname);
    return m?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * A link that opens the video at `seconds`: `https://youtu.be/ID?t=123` for YouTube,
 * `https://vimeo.com/ID#t=123s` for Vimeo, and the page URL with a media fragment
 * `#t=123` for anything else.
 */
export function momentUrl(talk: { site: Site; videoId: string; url: string }, seconds: number): string {
  const t = Math.max(0, Math.floor(seconds));
  if (talk.site === 'youtube' && youTubeId.test(talk.videoId)) {
    return `https://youtu.be/${talk.videoId}?t=${t}`;
  }
  if (talk.site === 'vimeo' && /^\d+$/.test(talk.videoId)) {
    return `https://vimeo.com/${talk.videoId}#t=${t}s`;
  }
  try {
    const url = new URL(talk.url);
    url.hash = `t=${t}`;
    return url.href;
  } catch {
    return talk.url;
  }
}
