// Vimeo's DOM, in one place; each list is tried in order. Example pages:
// https://vimeo.com/76979871 and the embed https://player.vimeo.com/video/76979871
// Both render the player into the document: .player > .vp-video-wrapper > .vp-video >
// .vp-telecine > video, with .vp-captions and a title bar (.vp-title-header) that owners
// often hide in embeds. A video page has og: tags and a JSON-LD VideoObject naming its author;
// the player page has neither, only its title "TITLE from OWNER on Vimeo".
export const selectors = {
  video: ['.vp-video-wrapper video', '.vp-video video', '[data-player] video', 'video'],
  title: ['meta[property="og:title"]', '.vp-title-header h1', 'h1'],
  /** After the JSON-LD author (see adapter.ts). */
  channel: ['a[rel="author"]', 'a[data-testid="owner-link"]', 'meta[name="author"]'],
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

/** The author's name in the page's JSON-LD VideoObject, '' when there is none (or it isn't JSON). */
export function jsonLdAuthor(root: ParentNode): string {
  for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const item of Array.isArray(data) ? data : [data]) {
      if (typeof item !== 'object' || item === null) continue;
      const { '@type': type, author } = item as { '@type'?: unknown; author?: unknown };
      if (type !== 'VideoObject') continue;
      const first: unknown = Array.isArray(author) ? author[0] : author;
      const name = typeof first === 'object' && first !== null ? (first as { name?: unknown }).name : first;
      if (typeof name === 'string' && name.trim()) return name.replace(/\s+/g, ' ').trim();
    }
  }
  return '';
}

/**
 * The document title without Vimeo's suffix: "TITLE on Vimeo" on a video page; the player's
 * "TITLE from OWNER on Vimeo" also names the owner (the last " from " splits, titles may have one).
 */
export function fromDocumentTitle(docTitle: string, isPlayer: boolean): { title: string; owner: string } {
  const t = docTitle.replace(/\s+/g, ' ').trim();
  const byOwner = isPlayer ? /^(.*\S)\s+from\s+(.+?)\s+on Vimeo$/.exec(t) : null;
  if (byOwner) return { title: byOwner[1] ?? '', owner: byOwner[2] ?? '' };
  return { title: t.replace(/\s+on Vimeo$/, ''), owner: '' };
}
