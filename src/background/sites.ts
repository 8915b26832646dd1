// "Always take notes on this site": the user grants an origin (optional host permission,
// asked from the popup), and the content script is registered for it. Registrations follow
// the granted origins, so revoking the permission in the browser's settings also removes them.
// Registered for all frames: an origin the user allowed gets Talkmark wherever it is shown,
// also inside another site's page. That is what makes enabling an embedded player from the
// popup (which grants its origin, e.g. player.vimeo.com; a browser grant is always lasting)
// consistent: later pages embedding that player get the panel in it by themselves, and the
// popup shows the grant as "Always in player.vimeo.com", where a press gives it back.
import browser from 'webextension-polyfill';
import { type FrameProbe, probeFrame } from '../popup/frames';

const prefix = 'site:';

/** Origins the manifest already covers (YouTube) need no registration. */
function isOptional(origin: string, required: readonly string[]): boolean {
  return !required.includes(origin);
}

export async function syncSiteScripts(): Promise<void> {
  const required = browser.runtime.getManifest().host_permissions ?? [];
  const granted = ((await browser.permissions.getAll()).origins ?? []).filter((o) => isOptional(o, required));
  const registered = await browser.scripting.getRegisteredContentScripts();
  const ours = registered.filter((s) => s.id.startsWith(prefix));
  // Stale: the origin was given back, or registered before we ran in all frames.
  const stale = ours
    .filter((s) => !granted.includes(s.id.slice(prefix.length)) || s.allFrames !== true)
    .map((s) => s.id);
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  const have = new Set(ours.filter((s) => !stale.includes(s.id)).map((s) => s.id));
  const fresh = granted
    .filter((o) => !have.has(prefix + o))
    .map((origin) => ({
      id: prefix + origin,
      matches: [origin],
      js: ['content.js'],
      allFrames: true,
      runAt: 'document_idle' as const,
    }));
  if (fresh.length > 0) await browser.scripting.registerContentScripts(fresh);
}

/** The host an origin pattern names: "*://player.vimeo.com/*" → "player.vimeo.com" ("*." kept). */
export function patternHost(pattern: string): string | undefined {
  return /^[a-z*]+:\/\/([^/]+)\//i.exec(pattern)?.[1]?.toLowerCase();
}

function hostMatches(host: string, patternHostName: string): boolean {
  if (patternHostName === '*') return false; // never "every site" from here: only what was asked
  if (patternHostName.startsWith('*.')) {
    const base = patternHostName.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === patternHostName;
}

/** The frames to start Talkmark in: of a newly granted host, with a video. */
export function framesToEnable(
  origins: readonly string[],
  probes: ReadonlyArray<{ frameId?: number; result?: unknown }>,
): number[] {
  const hosts = origins.map(patternHost).filter((h): h is string => h !== undefined);
  return probes
    .filter((p) => {
      const r = p.result as Partial<FrameProbe> | undefined;
      return (
        typeof p.frameId === 'number' &&
        typeof r?.host === 'string' &&
        r.hasVideo === true &&
        hosts.some((h) => hostMatches(r.host as string, h))
      );
    })
    .map((p) => p.frameId as number);
}

/**
 * A grant made from the popup also starts Talkmark at once where that site's video is open now,
 * without a reload. The popup does this itself when it is still open after the browser's
 * question; a browser may close the popup while it asks, and then this is what spares the user
 * a reload. Every open tab is probed, because the tab the grant was made for need not be the
 * active one by then; a tab we may not script answers with an error and is left alone. The
 * content script runs once per frame (it checks), so the popup and this both starting it is
 * harmless.
 */
export async function enableGrantedInOpenTabs(origins: readonly string[]): Promise<void> {
  if (origins.length === 0) return;
  const tabs = await browser.tabs.query({});
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    try {
      const probes = await browser.scripting.executeScript({
        target: { tabId: tab.id, allFrames: true },
        func: probeFrame,
      });
      const frameIds = framesToEnable(origins, probes);
      if (frameIds.length > 0) {
        await browser.scripting.executeScript({ target: { tabId: tab.id, frameIds }, files: ['content.js'] });
      }
    } catch {
      // A tab we may not script (another site, a browser page): nothing to start there.
    }
  }
}

export function watchSitePermissions(): void {
  const sync = () => void syncSiteScripts().catch((e: unknown) => console.error('Talkmark: site scripts', e));
  browser.permissions.onAdded.addListener((added) => {
    sync();
    void enableGrantedInOpenTabs(added.origins ?? []).catch((e: unknown) =>
      console.error('Talkmark: starting in the granted site', e),
    );
  });
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
}
