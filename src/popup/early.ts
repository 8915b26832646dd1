// The popup's first moves, from a classic script at the top of popup.html's <head>: it runs as
// soon as the page starts parsing, while the browser still loads the page and the popup's view
// (popup.js, index.tsx), so asking the browser for the tab, opening the database and reading
// what the first screen shows all overlap that wait instead of following it. The view picks
// up the answers from `earlyPopup()`.
import type { Browser, Tabs } from 'webextension-polyfill';
import type { Result } from '../core/result';
import { onChange } from '../store/changes';
import type { StoreError } from '../store/errors';
import {
  asPopupHint,
  openPopupQueries,
  type PopupHint,
  type PopupQueries,
  type PopupSummary,
} from '../store/popup-query';
import { tabVideo } from './tab-video';

export interface EarlyPopup {
  queries: PopupQueries;
  /** The tab the popup is over (undefined when the browser won't say). */
  tab: Promise<Tabs.Tab | undefined>;
  /** The first screen's read, for that tab's video. */
  first: Promise<Result<PopupSummary, StoreError>>;
  /** How many store changes were announced since the first read started (it may be stale). */
  changes(): number;
  /** Calls `listener` on every store change from now on. */
  onChange(listener: () => void): void;
  /** Keeps a read's hint for the next popup's first read (see hint below). */
  remember(hint: PopupHint | undefined): void;
}

const KEY = 'talkmarkPopup';

/**
 * The last popup's hint (PopupHint: which post, talks and recent posts it showed), kept in the
 * extension's localStorage: read synchronously, so the first read asks for all it guesses in
 * one round. Only a guess, checked against the database: a missing or spoiled one (storage
 * turned off, cleared, written by hand) costs the rounds it would have saved, nothing else.
 */
const HINT = 'talkmark.popupHint';
const hint = {
  read(): PopupHint | undefined {
    try {
      const raw = localStorage.getItem(HINT);
      return raw ? asPopupHint(JSON.parse(raw)) : undefined;
    } catch {
      return undefined;
    }
  },
  write(value: PopupHint | undefined): void {
    try {
      if (value) localStorage.setItem(HINT, JSON.stringify(value));
      else localStorage.removeItem(HINT);
    } catch {
      // Storage turned off or full: the next popup reads the long way.
    }
  },
};

/**
 * The tab the popup is over: the active tab of the popup's window. Firefox (`browser`) builds
 * an API namespace on its first use in a page, on this thread, and `tabs` is one of the largest:
 * 1–5 ms before the first paint, where `windows` took under 1 ms (probes of the first paint,
 * same run). So Firefox gets the window with its tabs, and picks the active one; the answer
 * grows with the window's tabs (with 100 tabs it came 4 ms later, the first paint no later).
 * Chrome (`chrome`, promises in Manifest V3) pays no such cost and asks for the one tab.
 */
function activeTab(g: { browser?: Browser; chrome?: Browser }): Promise<Tabs.Tab | undefined> {
  if (g.browser)
    return g.browser.windows.getCurrent({ populate: true }).then((w) => w.tabs?.find((t) => t.active));
  return (g.chrome as Browser).tabs.query({ active: true, currentWindow: true }).then(([t]) => t);
}

/** Starts the popup's reads; the same ones when called again. */
export function earlyPopup(): EarlyPopup {
  const g = globalThis as { [KEY]?: EarlyPopup; browser?: Browser; chrome?: Browser };
  if (g[KEY]) return g[KEY];
  performance.mark('talkmark:early');
  // The database first: Firefox sets up the extension API on the page's first touch of
  // `browser`, some milliseconds of this thread that the database's opening can overlap.
  const queries = openPopupQueries();
  void queries.ready().then(() => performance.mark('talkmark:db'));
  const tab = activeTab(g).then(
    (t) => {
      performance.mark('talkmark:early-tab');
      return t;
    },
    () => undefined,
  );
  // Listening from the start: a change that lands before the module listens isn't missed.
  let changes = 0;
  const listeners = new Set<() => void>();
  onChange(() => {
    changes++;
    for (const listener of listeners) listener();
  });
  // What needs no tab is read while the browser answers for it.
  const first = queries.popup(
    tab.then((t) => tabVideo(t?.url)),
    undefined,
    undefined,
    hint.read(),
  );
  void first.then(() => performance.mark('talkmark:first'));
  g[KEY] = {
    queries,
    tab,
    first,
    changes: () => changes,
    onChange: (l) => void listeners.add(l),
    remember: hint.write,
  };
  return g[KEY];
}
