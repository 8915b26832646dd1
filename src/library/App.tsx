// The library's shell: navigation, the view the URL names, and one toast at a time.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { debounce } from '../core/debounce';
import { Toast } from '../ui/Toast';
import type { LibraryApi } from './api';
import { BackupView } from './BackupView';
import { CopyNotice } from './CopyNotice';
import { PostEditor } from './PostEditor';
import { PostList } from './PostList';
import type { Route } from './route';
import { SearchView, TYPING_MS } from './SearchView';
import { SettingsView } from './SettingsView';
import { SlideTextNotice } from './SlideTextNotice';
import type { Notice, Shell } from './shell';
import { unsavedNotes } from './unsaved-notes';

export function App({
  api,
  route,
  version,
  go,
}: {
  api: LibraryApi;
  route: Route;
  version: number;
  go: Shell['go'];
}) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [query, setQuery] = useState('');
  const notify = useCallback((n: Notice) => setNotice(n), []);
  const dismiss = useCallback(() => setNotice(null), []);
  const shell: Shell = useMemo(() => ({ api, version, go, notify }), [api, version, go, notify]);
  const current = (view: Route['view']) => (route.view === view ? 'page' : undefined);
  // The top bar searches as you type too: a moment after the last key the search view opens
  // (or follows, replacing its history entry) with the words so far; Enter goes at once.
  const onSearchPage = route.view === 'search';
  const follow = useMemo(
    () =>
      debounce((q: string) => {
        if (q.trim()) go({ view: 'search', query: q }, { replace: onSearchPage });
      }, TYPING_MS),
    [go, onSearchPage],
  );
  useEffect(() => () => follow.cancel(), [follow]);
  // Note edits a closed library tab typed but never stored: put back, and said so.
  useEffect(() => {
    const edits = unsavedNotes.all();
    if (edits.length === 0) return;
    void api.recoverNoteEdits(edits, unsavedNotes.current).then((r) => {
      if (!r.ok)
        return notify({ text: `Unsaved note edits could not be put back yet: ${r.error}`, kind: 'error' });
      for (const id of r.value.done) unsavedNotes.forget(id);
      const { restored, beside } = r.value;
      const parts = [
        restored > 0 &&
          `${restored === 1 ? 'a note edit' : `${restored} note edits`} that a closed tab hadn’t saved`,
        beside > 0 &&
          `${beside === 1 ? 'an edit' : `${beside} edits`} of a note changed since, as a new note beside it`,
      ].filter(Boolean);
      if (parts.length > 0) notify({ text: `Saved ${parts.join(', and ')}.`, kind: 'info' });
    });
  }, [api, notify]);

  return (
    <>
      <header class="top">
        <a class="brand" href="#posts">
          <img src="icons/icon-32.png" alt="" width={24} height={24} /> Talkmark
        </a>
        <nav aria-label="Library">
          <a href="#posts" aria-current={current('posts')}>
            Posts
          </a>
          <a href="#backup" aria-current={current('backup')}>
            Back up
          </a>
          <a href="#settings" aria-current={current('settings')}>
            Settings
          </a>
        </nav>
        <search>
          <form
            class="top-search"
            onSubmit={(e) => {
              e.preventDefault();
              follow.cancel();
              go({ view: 'search', query });
            }}
          >
            <label>
              <span class="visually-hidden">Search all notes</span>
              <input
                type="search"
                placeholder="Search all notes"
                value={query}
                onInput={(e) => {
                  setQuery(e.currentTarget.value);
                  follow(e.currentTarget.value);
                }}
                onFocus={api.prepareSearch}
              />
            </label>
          </form>
        </search>
      </header>
      <main>
        <CopyNotice shell={shell} />
        <SlideTextNotice shell={shell} />
        {route.view === 'posts' && <PostList shell={shell} />}
        {route.view === 'post' && (
          <PostEditor
            shell={shell}
            id={route.id}
            exportOpen={route.exportOpen}
            {...(route.noteId ? { noteId: route.noteId } : {})}
          />
        )}
        {route.view === 'search' && <SearchView shell={shell} query={route.query} />}
        {route.view === 'backup' && <BackupView shell={shell} />}
        {route.view === 'settings' && <SettingsView shell={shell} />}
      </main>
      {notice && <Toast {...notice} onDismiss={dismiss} />}
    </>
  );
}
