// Launches the built extension in real browsers: Chromium through playwright-core and
// Firefox ESR through puppeteer-core (WebDriver BiDi). Both are wrapped in one small
// interface so every scenario runs unchanged in both. A missing browser fails loudly.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

export interface TestPage {
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page's main world and returns its (serialisable) result. */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Waits until `fn` returns a truthy value in the page. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  /**
   * Like `waitFor`, but each check runs without the user activation the driver's evaluate
   * grants (playwright runs every evaluate as a user gesture, which keeps a Chromium page
   * "activated" for 5 s after each one). For tests of what a page without activation does.
   * Chromium only.
   */
  waitWithoutActivation<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** A real mouse click at a point of the viewport (a user gesture, whichever frame is there). */
  clickAt(x: number, y: number): Promise<void>;
  /** Like `evaluate`, in the first frame whose URL starts with `urlPrefix` (an iframe of the page). */
  frameEvaluate<R, A>(urlPrefix: string, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  screenshot(file: string): Promise<void>;
  /** Makes this tab the active one (browser commands go to the active tab). */
  bringToFront(): Promise<void>;
  /** Clicks `selector` and returns the bytes of the file the click downloads (Chromium only). */
  download(selector: string): Promise<Buffer>;
  close(): Promise<void>;
}

export interface TestBrowser {
  name: BrowserName;
  /** A URL inside the extension, e.g. extensionUrl('popup.html'). */
  extensionUrl(file: string): string;
  newPage(): Promise<TestPage>;
  /** Stops the background (Chromium's service worker); the next message restarts it. */
  stopBackground(): Promise<void>;
  /**
   * Runs a keyboard command as if its shortcut was pressed (the background's
   * talkmarkRunCommand). Chromium only: Firefox's background page can't be evaluated from BiDi.
   */
  runCommand(command: string): Promise<void>;
  /**
   * Runs `fn` in the background (Chromium's service worker, started if it was stopped), to
   * produce faults a test can't cause from outside. Chromium only, as runCommand.
   */
  evaluateBackground<A>(fn: (arg: A) => unknown, arg: A): Promise<void>;
  close(): Promise<void>;
}

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const geckoId = 'talkmark@talkmark.dev';
// Firefox gives each add-on a random origin per profile; the pref pins it for the tests.
const firefoxUuid = '7a1c3e55-2f1d-4c1e-9d51-6c5b3a0e7f10';

function need(file: string, what: string): void {
  if (!existsSync(file)) {
    throw new Error(
      `${what} is missing at ${file}. Install it (bash .ci/run does: apt-get install chromium firefox-esr) or set the path in the environment.`,
    );
  }
}

export interface LaunchOptions {
  /** Reuse this profile folder (a browser restart); it is then left on disk at close. */
  profileDir?: string;
  /** host:port of an HTTP proxy that every request goes through, loopback included. */
  proxy?: string;
  /** Accept the test certificate (test/fixtures/tls) of the fake hosts the proxy tunnels. */
  insecureCerts?: boolean;
  /** Firefox only: preferences of the profile, beside the tests' own. */
  firefoxPrefs?: Record<string, string | number | boolean>;
  /** Chromium only: more command-line switches (e.g. `--js-flags=--noexpose_wasm`). */
  chromiumArgs?: string[];
}

/** `origin`: the fixture server, from which Firefox tabs step into extension pages. */
export async function launch(
  name: BrowserName,
  extensionDir: string,
  origin: string,
  options: LaunchOptions = {},
): Promise<TestBrowser> {
  need(path.join(extensionDir, 'manifest.json'), `The built extension (${extensionDir})`);
  const profile = options.profileDir ?? (await mkdtemp(path.join(tmpdir(), `talkmark-${name}-`)));
  const browser =
    name === 'chromium'
      ? await launchChromium(extensionDir, profile, options)
      : await launchFirefox(extensionDir, origin, profile, options);
  return {
    ...browser,
    async close() {
      await browser.close();
      if (!options.profileDir) await rm(profile, { recursive: true, force: true });
    },
  };
}

async function launchChromium(
  extensionDir: string,
  profile: string,
  { proxy, insecureCerts, chromiumArgs }: LaunchOptions,
): Promise<TestBrowser> {
  need(chromiumPath, 'Chromium');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: false,
    ignoreHTTPSErrors: insecureCerts ?? false,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
      `--disable-extensions-except=${path.resolve(extensionDir)}`,
      `--load-extension=${path.resolve(extensionDir)}`,
      // <-loopback> removes the implicit bypass, so requests to 127.0.0.1 are proxied too.
      ...(proxy ? [`--proxy-server=http://${proxy}`, '--proxy-bypass-list=<-loopback>'] : []),
      ...(chromiumArgs ?? []),
    ],
  });
  // A browser start on a loaded machine can take far longer than on an idle one: give it room.
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 45_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    name: 'chromium',
    extensionUrl: (file) => `chrome-extension://${extensionId}/${file}`,
    async newPage() {
      const page = await context.newPage();
      return {
        goto: async (url) => void (await page.goto(url)),
        // playwright's typings want a serialisable-argument type; ours are plain values.
        evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
          (page.evaluate as (f: unknown, a: unknown) => Promise<R>)(fn, arg),
        // Not page.waitForFunction: it takes the promise an async predicate returns (a read of
        // the store) as a truthy value, so it would pass at once, before the state it waits for.
        // evaluate awaits it; a page between two documents is asked again.
        async waitFor<A>(fn: (arg: A) => unknown, arg: A, timeout = 10000) {
          const end = Date.now() + timeout;
          for (;;) {
            const value = await (page.evaluate as (f: unknown, a: unknown) => Promise<unknown>)(
              fn,
              arg,
            ).catch((e: Error) => {
              if (/context was destroyed|navigat/i.test(e.message)) return false;
              throw e;
            });
            if (value) return;
            if (Date.now() > end) throw new Error(`waitFor: not met in ${timeout} ms: ${fn.toString()}`);
            await new Promise((r) => setTimeout(r, 20));
          }
        },
        async waitWithoutActivation<A>(fn: (arg: A) => unknown, arg: A, timeout = 10000) {
          // CDP's own Runtime.evaluate, in the top frame's main world, with userGesture off.
          const cdp = await context.newCDPSession(page);
          try {
            const end = Date.now() + timeout;
            for (;;) {
              const r = await cdp
                .send('Runtime.evaluate', {
                  expression: `(${fn.toString()})(${JSON.stringify(arg)})`,
                  awaitPromise: true,
                  returnByValue: true,
                  userGesture: false,
                })
                .catch(() => undefined);
              if (r?.result.value) return;
              if (Date.now() > end) throw new Error(`waitWithoutActivation: not met in ${timeout} ms: ${fn}`);
              await new Promise((resolve) => setTimeout(resolve, 20));
            }
          } finally {
            await cdp.detach().catch(() => undefined);
          }
        },
        press: (key) => page.keyboard.press(key),
        type: (text) => page.keyboard.type(text),
        click: (selector) => page.locator(selector).click(),
        clickAt: (x, y) => page.mouse.click(x, y),
        async frameEvaluate<R, A>(prefix: string, fn: (arg: A) => R | Promise<R>, arg: A) {
          const frame = page.frames().find((f) => f.url().startsWith(prefix));
          if (!frame) throw new Error(`no frame at ${prefix}`);
          return (frame.evaluate as (f: unknown, a: unknown) => Promise<R>)(fn, arg);
        },
        screenshot: async (file) => void (await page.screenshot({ path: file })),
        bringToFront: () => page.bringToFront(),
        async download(selector) {
          // If the click fails, the wait for the download would reject later with no one
          // listening (an unhandled rejection fails the whole run): it is handled here, and
          // the click's error is the one reported.
          const waiting = page.waitForEvent('download');
          waiting.catch(() => undefined);
          await page.locator(selector).click();
          const file = await waiting;
          return readFile(await file.path());
        },
        close: () => page.close(),
      };
    },
    async stopBackground() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      const versions = new Promise<string[]>((resolve) => {
        cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
          resolve(e.versions.filter((v) => v.scriptURL.includes(extensionId)).map((v) => v.versionId));
        });
      });
      await cdp.send('ServiceWorker.enable');
      for (const versionId of await versions) await cdp.send('ServiceWorker.stopWorker', { versionId });
      await cdp.detach();
    },
    async runCommand(command) {
      // The worker may have been stopped since launch: take the one running now (or wake it).
      const sw =
        context.serviceWorkers().find((w) => w.url().includes(extensionId)) ??
        (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
      await sw.evaluate(
        (c) => (globalThis as { talkmarkRunCommand?: (n: string) => Promise<void> }).talkmarkRunCommand?.(c),
        command,
      );
    },
    async evaluateBackground(fn, arg) {
      const sw =
        context.serviceWorkers().find((w) => w.url().includes(extensionId)) ??
        (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
      await (sw.evaluate as (f: unknown, a: unknown) => Promise<unknown>)(fn, arg);
    },
    close: () => context.close(),
  };
}

/** Manual proxy for http and https, loopback included (Firefox never proxies it by default). */
function firefoxProxyPrefs(proxy: string): Record<string, string | number | boolean> {
  const [host = '', port = '0'] = proxy.split(':');
  return {
    'network.proxy.type': 1,
    'network.proxy.http': host,
    'network.proxy.http_port': Number(port),
    'network.proxy.ssl': host,
    'network.proxy.ssl_port': Number(port),
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.no_proxies_on': '',
  };
}

async function launchFirefox(
  extensionDir: string,
  origin: string,
  profile: string,
  { proxy, insecureCerts, firefoxPrefs }: LaunchOptions,
): Promise<TestBrowser> {
  need(firefoxPath, 'Firefox ESR');
  // A profile reused after a kill still lists the temporary add-on of the dead session. At
  // start Firefox uninstalls it, which drops its pinned UUID from the prefs, and the add-on
  // installed below then gets a random origin (seen once in ~10 restarts: the store looked
  // empty). Forgetting the add-on registry stands in for an add-on installed from AMO, which
  // stays installed and keeps its UUID; Firefox rebuilds the registry at start.
  await rm(path.join(profile, 'addonStartup.json.lz4'), { force: true });
  await rm(path.join(profile, 'extensions.json'), { force: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    acceptInsecureCerts: insecureCerts ?? false,
    executablePath: firefoxPath,
    userDataDir: profile,
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: firefoxUuid }),
      'media.autoplay.default': 0,
      'media.autoplay.blocking_policy': 0,
      ...(proxy ? firefoxProxyPrefs(proxy) : {}),
      ...firefoxPrefs,
    },
  });
  await browser.installExtension(path.resolve(extensionDir));
  return {
    name: 'firefox',
    extensionUrl: (file) => `moz-extension://${firefoxUuid}/${file}`,
    async newPage() {
      const page = await browser.newPage();
      const goto = async (url: string) => {
        if (!url.startsWith('moz-extension:')) return void (await page.goto(url));
        // BiDi refuses to navigate to extension pages; a web page may link to them.
        await page.goto(`${origin}/pages/blank.html`);
        // The call may not come back: the page it ran in is leaving (Firefox's driver then
        // answers "unknown error … got null" now and then). Whether it went is checked below.
        await page.evaluate((u) => location.assign(u), url).catch(() => undefined);
        // puppeteer doesn't report this navigation as one: wait until the page is there (up to
        // a time: a hundred polls were ten seconds idle, and an extension page on a loaded
        // machine can take longer to load).
        const end = Date.now() + 30_000;
        while (Date.now() < end) {
          const ready = await page
            .evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete')
            .catch(() => false);
          if (ready) return;
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`Firefox did not open ${url}`);
      };
      return {
        goto,
        evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
          page.evaluate(fn as (a: unknown) => Promise<R>, arg as unknown) as Promise<R>,
        waitFor: async <A>(fn: (arg: A) => unknown, arg: A, timeout = 10000) =>
          void (await page.waitForFunction(fn as (a: unknown) => unknown, { timeout }, arg as unknown)),
        waitWithoutActivation: () =>
          Promise.reject(new Error('waiting without user activation is only written for Chromium')),
        press: (key) => page.keyboard.press(key as never),
        type: (text) => page.keyboard.type(text),
        click: (selector) => page.locator(selector).click(),
        clickAt: (x, y) => page.mouse.click(x, y),
        async frameEvaluate<R, A>(prefix: string, fn: (arg: A) => R | Promise<R>, arg: A) {
          const frame = page.frames().find((f) => f.url().startsWith(prefix));
          if (!frame) throw new Error(`no frame at ${prefix}`);
          return frame.evaluate(fn as (a: unknown) => Promise<R>, arg as unknown) as Promise<R>;
        },
        screenshot: async (file) => void (await page.screenshot({ path: file as `${string}.png` })),
        bringToFront: () => page.bringToFront(),
        download: () => Promise.reject(new Error('downloads are only read back in Chromium')),
        close: () => page.close(),
      };
    },
    async stopBackground() {
      // Firefox's event page has no test hook to stop it; scenarios that need it say so.
      throw new Error('stopping the background is only possible in Chromium');
    },
    async runCommand() {
      throw new Error('Firefox’s background page cannot be evaluated over WebDriver BiDi');
    },
    async evaluateBackground() {
      throw new Error('Firefox’s background page cannot be evaluated over WebDriver BiDi');
    },
    close: () => browser.close(),
  };
}
