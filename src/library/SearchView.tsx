// Full-text search over every note and talk (word prefixes, any case or accent); each result
// links to the note in its post. Results follow the typing: the query goes into the URL a
// moment after the last key (Enter at once), and only the newest query's answer is shown.
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { debounce } from '../core/debounce';
import { formatTime } from '../core/time';
import type { SearchHits } from './api';
import type { Shell } from './shell';

/** How long after the last key the results follow the typing. */
const TYPING_MS = 150;

export function SearchView({ shell, query }: { shell: Shell; query: string }) {
  const { api, version, go } = shell;
  const [text, setText] = useState(query);
  const [hits, setHits] = useState<SearchHits | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(query), [query]);
  useEffect(() => api.prepareSearch(), [api]);
  const follow = useMemo(
    () => debounce((q: string) => go({ view: 'search', query: q }, { replace: true }), TYPING_MS),
    [go],
  );
  useEffect(() => () => follow.cancel(), [follow]);
  // A layout effect: the search starts in the same task as the render that asked for it, and
  // an answer from memory is drawn before the next frame, not one frame later.
  useLayoutEffect(() => {
    if (!query.trim()) {
      setHits(null);
      setError(null);
      return;
    }
    // A newer query (or a change) replaces this effect: its answer, when it comes, is dropped.
    let current = true;
    void api.search(query).then((r) => {
      if (!current) return;
      setError(r.ok ? null : r.error);
      setHits(r.ok ? r.value : null);
    });
    return () => {
      current = false;
    };
  }, [api, query, version]);

  return (
    <section aria-labelledby="search-h">
      <h1 id="search-h">Search</h1>
      <search>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            follow.cancel();
            go({ view: 'search', query: text });
          }}
        >
          <label>
            Search notes and talks{' '}
            <input
              type="search"
              class="search-input"
              value={text}
              onInput={(e) => {
                setText(e.currentTarget.value);
                follow(e.currentTarget.value);
              }}
            />
          </label>{' '}
          <button type="submit">Search</button>
        </form>
      </search>
      {error && <p class="error">{error}</p>}
      {hits && (
        <div class="search-results" aria-live="polite">
          <p class="muted">
            {hits.noteCount} {hits.noteCount === 1 ? 'note' : 'notes'}
            {hits.noteCount > hits.notes.length ? ` (showing the ${hits.notes.length} last edited)` : ''},{' '}
            {hits.talks.length} {hits.talks.length === 1 ? 'talk' : 'talks'}
          </p>
          {hits.talks.length > 0 && (
            <ul class="talk-hits">
              {hits.talks.map(({ talk, postTitle }) => (
                <li key={talk.id}>
                  <a href={`#post/${talk.postId}`}>{talk.title || talk.url}</a>{' '}
                  <span class="muted">in {postTitle}</span>
                </li>
              ))}
            </ul>
          )}
          <ul class="note-hits">
            {hits.notes.map(({ note, talk, postId, postTitle }) => (
              <li key={note.id} class="note-hit">
                {postId ? (
                  <a href={`#post/${postId}/note/${note.id}`}>{note.text || '(slide)'}</a>
                ) : (
                  <span>{note.text}</span>
                )}
                <span class="muted">
                  {' '}
                  · {talk?.title || 'talk'} at {formatTime(note.time)} · {postTitle}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
