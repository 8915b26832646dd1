// Full-text search over every note and talk (word prefixes, any case or accent); each result
// links to the note in its post. Results follow the typing: the query goes into the URL a
// moment after the last key (Enter at once), and only the newest query's answer is shown.
// The first page of notes (the last edited first) is drawn with the count of all matches;
// "Show more" adds the next page, moves focus to its first result and the status line says
// the new count.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { debounce } from '../core/debounce';
import { formatTime } from '../core/time';
import { grouped } from '../ui/counts';
import type { SearchHits } from './api';
import { HitText } from './HitText';
import type { Shell } from './shell';

/** How long after the last key the results follow the typing. */
export const TYPING_MS = 150;
/** Results drawn at first and added by each "Show more": a common query matches thousands. */
export const SEARCH_PAGE = 50;

const plural = (n: number, one: string, many: string) => `${grouped(n)} ${n === 1 ? one : many}`;

/** What the status line says (and screen readers hear) about the answer. */
function summary(hits: SearchHits): string {
  const notes =
    hits.noteCount === 0
      ? 'No notes match'
      : `${plural(hits.noteCount, 'note matches', 'notes match')}${
          hits.noteCount > hits.notes.length ? `, showing the ${grouped(hits.notes.length)} last edited` : ''
        }`;
  return `${notes}; ${plural(hits.talks.length, 'talk', 'talks')}.`;
}

export function SearchView({ shell, query }: { shell: Shell; query: string }) {
  const { api, version, go } = shell;
  const [text, setText] = useState(query);
  const [hits, setHits] = useState<SearchHits | null>(null);
  const [error, setError] = useState<string | null>(null);
  // How many results to show, for the query it was set for: a new query starts at one page.
  const [shown, setShown] = useState({ query, limit: SEARCH_PAGE });
  const limit = shown.query === query ? shown.limit : SEARCH_PAGE;
  // After "Show more": the index of the first new result, to move focus to it once drawn.
  const focusFrom = useRef<number | null>(null);
  const list = useRef<HTMLUListElement>(null);
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
    void api.search(query, limit).then((r) => {
      if (!current) return;
      performance.mark('talkmark:search-answered');
      setError(r.ok ? null : r.error);
      setHits(r.ok ? r.value : null);
    });
    return () => {
      current = false;
    };
  }, [api, query, version, limit]);
  // The first result "Show more" added takes the focus (the button may be gone: all shown).
  useLayoutEffect(() => {
    const from = focusFrom.current;
    if (from === null || !hits || hits.notes.length <= from) return;
    focusFrom.current = null;
    list.current?.querySelectorAll<HTMLElement>('.note-hit > :first-child')[from]?.focus();
  }, [hits]);

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
      {/* Always there, so screen readers announce each new count (after "Show more" too). */}
      <p class="muted search-count" role="status">
        {hits ? summary(hits) : ''}
      </p>
      {hits && (
        <div class="search-results">
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
          <ul class="note-hits" ref={list}>
            {hits.notes.map(({ note, talk, postId, postTitle }) => (
              <li key={note.id} class="note-hit">
                {postId ? (
                  <a href={`#post/${postId}/note/${note.id}`}>
                    {note.text ? <HitText text={note.text} query={query} /> : '(slide)'}
                  </a>
                ) : (
                  <span tabIndex={-1}>
                    <HitText text={note.text} query={query} />
                  </span>
                )}
                <span class="muted">
                  {' '}
                  · {talk?.title || 'talk'} at {formatTime(note.time)} · {postTitle}
                </span>
              </li>
            ))}
          </ul>
          {hits.noteCount > hits.notes.length && (
            <button
              type="button"
              class="show-more"
              onClick={() => {
                focusFrom.current = hits.notes.length;
                setShown({ query, limit: hits.notes.length + SEARCH_PAGE });
              }}
            >
              Show {grouped(Math.min(SEARCH_PAGE, hits.noteCount - hits.notes.length))} more
            </button>
          )}
        </div>
      )}
    </section>
  );
}
