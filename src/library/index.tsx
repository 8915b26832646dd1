// Library entry: builds the API over the store and the browser, follows the URL fragment,
// and re-renders on every store change (from this page, the popup, the background, other tabs).
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { openLibraryQueries, openStore } from '../store';
import { onChange } from '../store/changes';
import { noteTextCss } from '../ui/NoteText';
import { applyTheme } from '../ui/theme';
import { App } from './App';
import type { DirHandle } from './folder';
import { parseRoute, type Route, routeHash } from './route';
import { storeApi } from './store-api';
import { libraryCss } from './styles';

applyTheme(document, libraryCss + noteTextCss);

function download(data: Blob | Uint8Array, name: string): void {
  const blob =
    data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// The File System Access API exists in Chromium only; Firefox gets the zip.
const picker = (window as { showDirectoryPicker?: (o: object) => Promise<DirHandle> }).showDirectoryPicker;

// Ask the browser never to evict the notes under storage pressure (a page API: workers lack it).
void navigator.storage?.persist?.();
// Edits made here are kept in the safety copy too (store/copy.ts).
const store = openStore({ copy: browser.storage.local });
// Open the database (shared by store and queries) while the first view renders.
void store.ready();
const queries = openLibraryQueries();
const searchIndex = queries.searchIndex();
const api = storeApi({
  store,
  queries,
  searchIndex,
  onSearchReady: () => {
    document.documentElement.dataset.searchIndex = 'ready';
  },
  settings: browser.storage.local,
  download,
  pickFolder: picker ? () => picker.call(window, { id: 'talkmark-export', mode: 'readwrite' }) : null,
  objectUrl: (blob) => URL.createObjectURL(blob),
  revokeUrl: (url) => URL.revokeObjectURL(url),
  copyResolved: () => void browser.action.setBadgeText({ text: '' }).catch(() => undefined),
});

const app = document.getElementById('app') as HTMLElement;
let version = 0;
const go = (route: Route, options?: { replace?: boolean }) => {
  if (!options?.replace) {
    location.hash = routeHash(route);
    return;
  }
  // replaceState fires no hashchange: draw the new route here.
  history.replaceState(null, '', routeHash(route));
  draw();
};
const draw = () => render(<App api={api} route={parseRoute(location.hash)} version={version} go={go} />, app);

// Changes arrive in bursts (typing, imports): one re-render per 16 ms is plenty (a timer, not
// requestAnimationFrame, which stops in background tabs).
let queued = false;
onChange((changes) => {
  void searchIndex.apply(changes);
  if (queued) return;
  queued = true;
  setTimeout(() => {
    queued = false;
    version++;
    draw();
  }, 16);
});
window.addEventListener('hashchange', draw);
draw();

// Searching reads from memory once every note is in the index: built as soon as the user goes
// to search (the search box focused, the search view open), or else when the page has had a
// second for its first view and has nothing better to do. Reading 10,000 notes while the
// first view loads would slow that view down.
const idle =
  (window as { requestIdleCallback?: (f: () => void, o: object) => void }).requestIdleCallback ??
  ((f: () => void) => setTimeout(f, 200));
setTimeout(() => idle(() => api.prepareSearch(), { timeout: 3000 }), 1000);
