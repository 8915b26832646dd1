// The toolbar popup: the active post, the current tab's talk, quick actions and recent posts.
// A pure view over a PopupSummary (counts are the stored ones, never counted from all notes).
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PostId } from '../core/model';
import { formatTime } from '../core/time';
import { momentUrl } from '../core/video-url';
import type { PopupSummary } from '../store/popup-query';
import { countsText } from '../ui/counts';
import { describePlayer, type PlayerOffer, playerName } from './frames';

export interface PopupData {
  summary: PopupSummary;
  /** The current tab can take notes once the user enables Talkmark on it. */
  canEnableHere: boolean;
  /** The tab's site ("conf.example"), when Talkmark can be allowed on it for good. */
  site?: string;
  /** Talkmark already runs on `site` by itself (the user allowed it for good). */
  siteAlways?: boolean;
  /**
   * Embedded players of another origin in the tab (a Vimeo player in a blog post), with
   * whether their origin is granted already (Talkmark then runs in them by itself).
   */
  players?: Array<PlayerOffer & { always: boolean }>;
}

export interface PopupActions {
  /** Creates the post and makes it the active one; false when it was not created (and said why). */
  newPost(title: string): Promise<boolean>;
  switchPost(id: PostId): void;
  /** Opens the library, at `hash` when given (e.g. "post/ID/export"). */
  openLibrary(hash?: string): void;
  enableHere(): void;
  /** Asks the browser for the tab's site, so Talkmark runs there from now on. */
  enableSite(): void;
  /** Gives the tab's site back: Talkmark no longer runs there unless enabled on a page. */
  disableSite(): void;
  /** Asks the browser for the player's origin (from the click), then enables Talkmark in it. */
  enablePlayer(offer: PlayerOffer): void;
  /** Gives the player's origin back: Talkmark no longer runs in its players by itself. */
  disablePlayer(offer: PlayerOffer): void;
  /** Switches automatic slide capture for the talk in this tab. */
  toggleAutoCapture(): void;
  /** The active post as Markdown, shown in the popup to copy. */
  exportMarkdown(): void;
}

export interface PopupStatus {
  text: string;
  kind: 'info' | 'error';
}

function NewPost({ onCreate }: { onCreate(title: string): Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [creating, setCreating] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // Focused in the same commit that draws it (the autofocus attribute only works at page load,
  // and later, after a frame): keys typed right after the click go into the title.
  useLayoutEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  if (!open)
    return (
      <button type="button" class="new-post" onClick={() => setOpen(true)}>
        New post
      </button>
    );
  return (
    <form
      class="new-post-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (creating) return;
        setCreating(true);
        // The form stays, with the title typed, until the post exists: a post not created
        // (the status line says why) keeps the title for another try.
        void onCreate(title.trim() || 'Untitled post').then((created) => {
          setCreating(false);
          if (!created) return;
          setOpen(false);
          setTitle('');
        });
      }}
    >
      <label>
        Title{' '}
        <input name="title" ref={input} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>{' '}
      <button type="submit" class="primary" aria-disabled={creating}>
        Create
      </button>
    </form>
  );
}

/** "Always on conf.example", pressed while Talkmark runs there by itself; a second press ends it. */
function SiteAlways({ data, actions }: { data: PopupData; actions: PopupActions }) {
  if (!data.site) return null;
  return (
    <button
      type="button"
      class="site-always"
      aria-pressed={data.siteAlways ? 'true' : 'false'}
      onClick={data.siteAlways ? actions.disableSite : actions.enableSite}
    >
      Always on {data.site}
    </button>
  );
}

/** One offer per embedded player: enable Talkmark in it, saying which origin that asks for. */
function Players({ data, actions }: { data: PopupData; actions: PopupActions }) {
  const players = data.players ?? [];
  if (players.length === 0) return null;
  return (
    <section class="players" aria-labelledby="players-h">
      <h2 id="players-h">Embedded player</h2>
      {players.map((p) => (
        <div class="player" key={p.host} data-host={p.host}>
          <p>This page plays {describePlayer(p)} in an embedded player.</p>
          <p class="enable">
            <button type="button" class="primary enable-player" onClick={() => actions.enablePlayer(p)}>
              Enable Talkmark in {playerName(p)}
            </button>
            {p.always && (
              <button
                type="button"
                class="player-always"
                aria-pressed="true"
                onClick={() => actions.disablePlayer(p)}
              >
                Always in {p.host}
              </button>
            )}
          </p>
          <p class="muted small">
            {p.always
              ? `Allowed: Talkmark runs in players from ${p.host} on any page. Press “Always in ${p.host}” to stop.`
              : `Asks to read ${p.host}. Talkmark then also runs in its players on other pages, until you turn it off here.`}
          </p>
        </div>
      ))}
    </section>
  );
}

function Here({ data, actions }: { data: PopupData; actions: PopupActions }) {
  const here = data.summary.here;
  if (here) {
    const elsewhere = here.post && here.post.id !== data.summary.active?.id;
    return (
      <section class="here" aria-labelledby="here-h">
        <h2 id="here-h">On this tab</h2>
        <p class="here-talk">
          <strong>{here.talk.title || here.talk.url}</strong>{' '}
          <span class="here-count">{countsText({ notes: here.noteCount, slides: here.slideCount })}</span>
          {elsewhere && <span class="muted"> in “{here.post?.title}”</span>}
        </p>
        {data.site && (
          <p class="enable">
            <SiteAlways data={data} actions={actions} />
          </p>
        )}
      </section>
    );
  }
  return (
    <section class="here" aria-labelledby="here-h">
      <h2 id="here-h">On this tab</h2>
      <p class="muted">No talk from this tab yet.</p>
      {data.canEnableHere && (
        <p class="enable">
          <button type="button" class="primary" onClick={actions.enableHere}>
            Take notes on this page
          </button>
          <SiteAlways data={data} actions={actions} />
        </p>
      )}
    </section>
  );
}

export function Popup({
  data,
  actions,
  status,
  exported,
}: {
  data: PopupData | null;
  actions: PopupActions;
  status: PopupStatus | null;
  exported: string | null;
}) {
  if (!data) return <p class="loading">Loading…</p>;
  const { active, counts, recent, latest } = data.summary;
  return (
    <main>
      <header>
        <img src="icons/icon-32.png" alt="" width={20} height={20} />
        <h1>{active?.title ?? 'No post yet'}</h1>
      </header>
      {active ? (
        <p class="summary">{countsText(counts)}</p>
      ) : (
        <p class="summary">Open a talk video and press n to add your first note.</p>
      )}
      <Here data={data} actions={actions} />
      <Players data={data} actions={actions} />
      {data.summary.here && (
        <p class="auto-capture">
          <button type="button" onClick={actions.toggleAutoCapture}>
            Switch auto-capture for this talk
          </button>
        </p>
      )}
      {latest && latest.notes.length > 0 && (
        <section aria-labelledby="latest-h">
          <h2 id="latest-h">Latest in {latest.talk.title || 'this talk'}</h2>
          <ol class="notes">
            {latest.notes.map((n) => (
              <li key={n.id} class={`note note-${n.kind}`} data-note-id={n.id}>
                <a class="time" href={momentUrl(latest.talk, n.time)} target="_blank" rel="noreferrer">
                  {formatTime(n.time)}
                </a>{' '}
                <span class="text">{n.kind === 'slide' ? n.text || '(slide)' : n.text}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      <div class="actions">
        <NewPost onCreate={actions.newPost} />
        <button
          type="button"
          class="export-dialog"
          disabled={!active}
          onClick={() => active && actions.openLibrary(`post/${active.id}/export`)}
        >
          Export…
        </button>
        <button type="button" class="export" onClick={actions.exportMarkdown} disabled={!active}>
          Copy as Markdown
        </button>
        <button type="button" class="open-library" onClick={() => actions.openLibrary()}>
          Open library
        </button>
      </div>
      {recent.length > 0 && (
        <section class="recent" aria-labelledby="recent-h">
          <h2 id="recent-h">Switch post</h2>
          <ul>
            {recent.map((p) => (
              <li key={p.id}>
                <button type="button" class="link switch" onClick={() => actions.switchPost(p.id)}>
                  {p.title}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" class="link" onClick={() => actions.openLibrary()}>
            All posts…
          </button>
        </section>
      )}
      {status && (
        <p class={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      {exported !== null && (
        <textarea class="exported" aria-label="Exported Markdown" readOnly value={exported} rows={8} />
      )}
    </main>
  );
}
