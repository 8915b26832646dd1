// Runs a suite once per browser: each gets a fresh profile with the built extension and a
// fixture server. `describe.each` keeps the scenarios identical in both browsers.
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { type BrowserName, type LaunchOptions, launch, type TestBrowser } from './browsers';
import { type LoggingProxy, startProxy } from './proxy';
import { type FixtureServer, fakeHosts, startServer } from './server';

export const browsers: BrowserName[] = ['chromium', 'firefox'];
const root = path.resolve(import.meta.dirname, '../..');

export function extensionDir(name: BrowserName): string {
  return path.join(inject('distDir'), name === 'chromium' ? 'chrome' : 'firefox');
}

export interface Env {
  browser: TestBrowser;
  server: FixtureServer;
}

/** Call inside a describe block: launches before its tests and closes after. */
export function useBrowser(name: BrowserName, options: LaunchOptions = {}): Env {
  const env = {} as Env;
  beforeAll(async () => {
    env.server = await startServer();
    env.browser = await launch(name, extensionDir(name), env.server.origin, options);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

export interface SitesEnv extends Env {
  /** Every request of the browser, and where it went. */
  proxy: LoggingProxy;
}

/**
 * Like useBrowser, with the real host names of YouTube, Vimeo and a blog (server.ts fakeHosts)
 * served by the fixtures over HTTPS: the browser sends everything through the test proxy,
 * which tunnels those hosts to a local TLS server with the test certificate (accepted by the
 * browser) and refuses anything else. URLs are the real ones, so the production manifest's
 * content-script matches and the adapters' host checks are what decide.
 */
export function useBrowserWithSites(name: BrowserName): SitesEnv {
  const env = {} as SitesEnv;
  let tls: FixtureServer | undefined;
  beforeAll(async () => {
    env.server = await startServer();
    tls = await startServer({ tls: true });
    env.proxy = await startProxy(env.server.origin, {
      hosts: fakeHosts,
      port: Number(new URL(tls.origin).port),
    });
    env.browser = await launch(name, extensionDir(name), env.server.origin, {
      proxy: env.proxy.address,
      insecureCerts: true,
    });
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.proxy?.close();
    await tls?.close();
    await env.server?.close();
  });
  return env;
}

/** Reads every record of an object store of the extension's database, from an extension page. */
export function readStore(storeName: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('talkmark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction(storeName).objectStore(storeName).getAll();
      req.onsuccess = () => {
        db.close();
        resolve(req.result);
      };
      req.onerror = () => reject(req.error);
    };
  });
}

/** The served file name (under /videos/) of a fixture video, made if missing. */
export async function fixtureVideo(name: 'sample-talk' | 'short-clip'): Promise<string> {
  const { ensureVideos } = (await import(path.join(root, 'test/fixtures/make-videos.mjs'))) as {
    ensureVideos: () => Promise<Record<string, string>>;
  };
  const file = (await ensureVideos())[name];
  if (!file) throw new Error(`no fixture video named ${name}`);
  return path.basename(file);
}
