// Embedded players of another origin (a Vimeo player in a blog post): the toolbar click's
// activeTab lets us script the tab's own origin only, so a player from elsewhere needs its
// origin's optional host permission. The popup lists the page's iframes (one small function
// run in the top frame), picks the ones that are video players, and offers to enable
// Talkmark in them, asking for exactly the player's origin.
// No "webNavigation" permission: the top frame can tell us its iframes' addresses itself.

/** An iframe of the page, as the top frame sees it (`listFrames`). */
export interface FrameInfo {
  src: string;
  width: number;
  height: number;
  /** The iframe's `allow` attribute ("autoplay; fullscreen; ..."). */
  allow: string;
  allowFullscreen: boolean;
}

/** A player the popup offers to enable Talkmark in. */
export interface PlayerOffer {
  /** The player's host, as the user reads it and the permission names it ("player.vimeo.com"). */
  host: string;
  /** The address of the (first) iframe of that host: which talk it plays. */
  src: string;
  /** The optional host permission asked for: that host only, any scheme. */
  pattern: string;
  /** The service, when known ("Vimeo"); otherwise undefined and the host is shown. */
  service?: string;
}

/** What the top frame tells the popup (`listFrames`). */
export interface PageFrames {
  /** The page itself has a <video> (else "Take notes on this page" would find nothing). */
  hasVideo: boolean;
  frames: FrameInfo[];
}

/**
 * Runs in the page's top frame (scripting.executeScript): its iframes, with their size on
 * screen, and whether the page has a video of its own. Self-contained (the browser serialises
 * it); reads attributes only, never a frame's content.
 */
export function listFrames(): PageFrames {
  const frames = Array.from(document.querySelectorAll('iframe'), (f) => {
    const r = f.getBoundingClientRect();
    return {
      src: f.src,
      width: Math.round(r.width),
      height: Math.round(r.height),
      allow: f.getAttribute('allow') ?? '',
      allowFullscreen: f.hasAttribute('allowfullscreen'),
    };
  });
  return { hasVideo: document.querySelector('video') !== null, frames };
}

/** Players known by host and path, named for the user. */
const knownPlayers: Array<{ host: RegExp; path: RegExp; service: string }> = [
  { host: /^player\.vimeo\.com$/, path: /^\/video\/\d+/, service: 'Vimeo' },
  { host: /^fast\.wistia\.(net|com)$/, path: /^\/embed\//, service: 'Wistia' },
  { host: /^(www\.)?dailymotion\.com$/, path: /^\/embed\//, service: 'Dailymotion' },
  { host: /^geo\.dailymotion\.com$/, path: /^\/player/, service: 'Dailymotion' },
  { host: /^embed\.ted\.com$/, path: /^\/talks\//, service: 'TED' },
  { host: /^players\.brightcove\.net$/, path: /^\//, service: 'Brightcove' },
  { host: /^(www\.)?loom\.com$/, path: /^\/embed\//, service: 'Loom' },
];

/** The manifest runs Talkmark in YouTube's players already (all frames): nothing to ask. */
const coveredHosts = /(^|\.)(youtube\.com|youtube-nocookie\.com)$/;

/** Smaller than this is an ad, a button or a tracker, not a talk. */
const minWidth = 200;
const minHeight = 112;

/**
 * An unknown host is offered only when its iframe looks like a player: a video-ish path, the
 * page lets it go fullscreen, and it is big enough to watch. Ads and widgets rarely are all three.
 */
function looksLikePlayer(url: URL, f: FrameInfo): boolean {
  const path = /\/(embed|player|video|videos|watch)(\/|$|\?|\.)/i.test(`${url.pathname}/`);
  const fullscreen = f.allowFullscreen || /(^|;)\s*fullscreen\b/i.test(f.allow);
  return path && fullscreen;
}

/**
 * The players of `pageUrl`'s iframes to offer, one per host, known services first. Only
 * http(s) iframes of another host than the page (the page's own frames come with its
 * activeTab), big enough to watch, and not YouTube (already covered).
 */
export function playerOffers(pageUrl: string | undefined, frames: readonly FrameInfo[]): PlayerOffer[] {
  let page: URL;
  try {
    page = new URL(pageUrl ?? '');
  } catch {
    return [];
  }
  const found = new Map<string, PlayerOffer>();
  for (const f of frames) {
    let url: URL;
    try {
      url = new URL(f.src);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    const host = url.hostname.toLowerCase();
    if (!host || host === page.hostname.toLowerCase() || coveredHosts.test(host) || found.has(host)) continue;
    if (f.width < minWidth || f.height < minHeight) continue;
    const known = knownPlayers.find((k) => k.host.test(host) && k.path.test(url.pathname));
    if (!known && !looksLikePlayer(url, f)) continue;
    found.set(host, {
      host,
      src: url.href,
      pattern: `*://${host}/*`,
      ...(known ? { service: known.service } : {}),
    });
  }
  return [...found.values()].sort((a, b) => Number(!a.service) - Number(!b.service));
}

/** What a frame tells the popup before Talkmark is injected into it (`probeFrame`). */
export interface FrameProbe {
  host: string;
  hasVideo: boolean;
}

/** Runs in each frame the extension may script: its host and whether it has a <video>. */
export function probeFrame(): FrameProbe {
  return { host: location.hostname.toLowerCase(), hasVideo: document.querySelector('video') !== null };
}

/** The frames (by id) of `host` to inject into, and whether any frame of it has a video. */
export function playerFrames(
  host: string,
  results: ReadonlyArray<{ frameId?: number; result?: unknown }>,
): { frameIds: number[]; found: boolean } {
  const ofHost = results.filter((r) => {
    const p = r.result as Partial<FrameProbe> | undefined;
    return typeof r.frameId === 'number' && r.frameId !== 0 && p?.host === host;
  });
  return {
    found: ofHost.length > 0,
    frameIds: ofHost.filter((r) => (r.result as FrameProbe).hasVideo).map((r) => r.frameId as number),
  };
}

/** "the Vimeo player" / "the player from media.example". */
export function playerName(p: PlayerOffer): string {
  return p.service ? `the ${p.service} player` : `the player from ${p.host}`;
}

/** "a Vimeo video" / "a video from media.example", for the popup's sentence. */
export function describePlayer(p: PlayerOffer): string {
  return p.service ? `a ${p.service} video` : `a video from ${p.host}`;
}

/** The part of the browser API enabling a player uses (the popup passes `browser`). */
export interface PlayerApi {
  permissions: { request(p: { origins: string[] }): Promise<boolean> };
  scripting: {
    executeScript(i: {
      target: { tabId: number; allFrames?: boolean; frameIds?: number[] };
      func?: () => unknown;
      files?: string[];
    }): Promise<Array<{ frameId?: number; result?: unknown }>>;
  };
}

/** How enabling a player went: injected, or a sentence for the user. */
export type PlayerOutcome = { ok: true } | { ok: false; text: string };

const capital = (s: string) => (s[0]?.toUpperCase() ?? '') + s.slice(1);
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Enables Talkmark in `offer`'s player in tab `tabId`. Must be called straight from the
 * click: the permission request is made synchronously, before anything is awaited (the
 * browser asks the user only during a user gesture). Exactly the player's origin is asked
 * for. Granted, a probe in every frame we may now script finds the player's frames and
 * whether they have a video, and content.js goes into those frames only. Refused, nothing
 * is injected. (Granting also makes the background register the content script for that
 * origin in all frames: see src/background/sites.ts.)
 */
export function enablePlayer(api: PlayerApi, tabId: number, offer: PlayerOffer): Promise<PlayerOutcome> {
  const name = playerName(offer);
  let asked: Promise<boolean>;
  try {
    asked = api.permissions.request({ origins: [offer.pattern] });
  } catch (e) {
    return Promise.resolve({ ok: false, text: `The browser refused: ${reason(e)}` });
  }
  return asked.then(
    async (granted): Promise<PlayerOutcome> => {
      if (!granted) {
        return {
          ok: false,
          text: `Talkmark was not allowed to read ${offer.host}: nothing changed, and it doesn’t run in ${name}.`,
        };
      }
      try {
        const probes = await api.scripting.executeScript({
          target: { tabId, allFrames: true },
          func: probeFrame,
        });
        const { frameIds, found } = playerFrames(offer.host, probes);
        if (!found) {
          return {
            ok: false,
            text: `${capital(name)} can’t be reached on this page any more. Reload the page, then try again.`,
          };
        }
        if (frameIds.length === 0) {
          return { ok: false, text: `${capital(name)} on this page has no video to take notes on.` };
        }
        await api.scripting.executeScript({ target: { tabId, frameIds }, files: ['content.js'] });
        return { ok: true };
      } catch (e) {
        return { ok: false, text: `Talkmark can’t run in ${name}: ${reason(e)}` };
      }
    },
    (e: unknown): PlayerOutcome => ({ ok: false, text: `The browser refused: ${reason(e)}` }),
  );
}
