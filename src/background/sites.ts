// "Always take notes on this site": the user grants an origin (optional host permission,
// asked from the popup), and the content script is registered for it. Registrations follow
// the granted origins, so revoking the permission in the browser's settings also removes them.
// Registered for all frames: an origin the user allowed gets Talkmark wherever it is shown,
// also inside another site's page. That is what makes enabling an embedded player from the
// popup (which grants its origin, e.g. player.vimeo.com; a browser grant is always lasting)
// consistent: later pages embedding that player get the panel in it by themselves, and the
// popup shows the grant as "Always in player.vimeo.com", where a press gives it back.
import browser from 'webextension-polyfill';

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

export function watchSitePermissions(): void {
  const sync = () => void syncSiteScripts().catch((e: unknown) => console.error('Talkmark: site scripts', e));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
}
