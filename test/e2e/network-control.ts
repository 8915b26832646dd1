// The control for network.e2e.ts: what the browser sends by itself, with our extension
// absent. Chromium asks Google for component updates, sign-in and autofill hints; Firefox
// polls Mozilla's remote settings; both on their own timers, whatever extension is loaded.
// The same browser, flags and proxy run a stub extension (an empty background) over the
// same kind of pages (the video page, typing into its search box, extension-less blanks) for
// as long as the session took. A host the session contacted must show up here too.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserName, launch } from './browsers';
import { type ProxiedRequest, startProxy } from './proxy';
import { fixtureVideo } from './scenario';
import type { FixtureServer } from './server';
import { seek } from './video-page';

/** The host a refused request was for ("host:443" for a CONNECT tunnel). */
export function hostOf(r: ProxiedRequest): string {
  if (r.method === 'CONNECT') return r.url.replace(/:\d+$/, '');
  try {
    return new URL(r.url).hostname;
  } catch {
    return r.url;
  }
}

async function stubExtension(name: BrowserName): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'talkmark-control-ext-'));
  const manifest = {
    manifest_version: 3,
    name: 'Control (no Talkmark)',
    version: '1.0',
    background: name === 'chromium' ? { service_worker: 'bg.js' } : { scripts: ['bg.js'] },
    ...(name === 'firefox' ? { browser_specific_settings: { gecko: { id: 'control@talkmark.test' } } } : {}),
  };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(path.join(dir, 'bg.js'), '// nothing: the control makes no requests of its own\n');
  return dir;
}

/** Hosts the browser contacted by itself during `durationMs` of similar browsing. */
export async function browserOwnHosts(
  name: BrowserName,
  server: FixtureServer,
  durationMs: number,
): Promise<Set<string>> {
  const extension = await stubExtension(name);
  const proxy = await startProxy(server.origin);
  const browser = await launch(name, extension, server.origin, { proxy: proxy.address });
  const start = Date.now();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/pages/generic.html?src=${await fixtureVideo('sample-talk')}`);
    await page.waitFor(() => (document.querySelector('video')?.readyState ?? 0) >= 2, null, 20000);
    await seek(page, 12);
    await page.click('#page-search');
    await page.type('what the browser sends by itself');
    for (let i = 0; i < 2; i++) {
      const other = await browser.newPage();
      await other.goto(`${server.origin}/pages/blank.html`);
      await other.close();
    }
    const left = durationMs - (Date.now() - start);
    if (left > 0) await new Promise((r) => setTimeout(r, left));
    await page.close();
    return new Set(proxy.refused().map(hostOf));
  } finally {
    await browser.close();
    await proxy.close();
    await rm(extension, { recursive: true, force: true });
  }
}
