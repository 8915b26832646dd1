// Vimeo's DOM, in one place; each list is tried in order. Example pages:
// https://vimeo.com/76979871 and the embed https://player.vimeo.com/video/76979871
export const selectors = {
  video: ['.vp-video-wrapper video', '.vp-video video', '[data-player] video', 'video'],
  title: ['meta[property="og:title"]', 'h1'],
  channel: ['meta[name="author"]', 'a[data-testid="owner-link"]', '.vp-title-header a[href*="vimeo.com/"]'],
  description: ['meta[property="og:description"]', 'meta[name="description"]'],
  caption: ['.vp-captions', '.vp-captions-window'],
} as const;

/** The text of the first match: a meta tag's content, else an element's text. */
export function firstText(root: ParentNode, list: readonly string[]): string {
  for (const s of list) {
    const el = root.querySelector(s);
    const value = el instanceof HTMLMetaElement ? el.content : el?.textContent;
    const t = (value ?? '').replace(/\s+/g, ' ').trim();
    if (t) return t;
  }
  return '';
}
