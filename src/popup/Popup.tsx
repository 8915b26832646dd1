// The toolbar popup: the active post and its notes, and quick actions. A pure view.
import type { Note, Post, Talk } from '../core/model';
import { formatTime } from '../core/time';
import { momentUrl } from '../core/video-url';

export interface PopupData {
  post: Post | null;
  talks: Array<{ talk: Talk; notes: Note[] }>;
  /** The current tab can take notes once the user enables Talkmark on it. */
  canEnableHere: boolean;
}

export interface PopupActions {
  exportMarkdown(): void;
  openLibrary(): void;
  enableHere(): void;
}

export interface PopupStatus {
  text: string;
  kind: 'info' | 'error';
}

function TalkNotes({ talk, notes }: { talk: Talk; notes: Note[] }) {
  const sorted = [...notes].sort((a, b) => a.time - b.time);
  return (
    <li class="talk">
      <a class="talk-title" href={talk.url} target="_blank" rel="noreferrer">
        {talk.title || talk.url}
      </a>
      <ol class="notes">
        {sorted.map((n) => (
          <li key={n.id} class={`note note-${n.kind}`} data-note-id={n.id}>
            <a class="time" href={momentUrl(talk, n.time)} target="_blank" rel="noreferrer">
              {formatTime(n.time)}
            </a>{' '}
            <span class="text">{n.kind === 'slide' ? n.text || '(slide)' : n.text}</span>
          </li>
        ))}
      </ol>
    </li>
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
  const count = data.talks.reduce((n, t) => n + t.notes.length, 0);
  return (
    <main>
      <header>
        <img src="icons/icon-32.png" alt="" width={20} height={20} />
        <h1>{data.post?.title ?? 'No post yet'}</h1>
      </header>
      {data.canEnableHere && (
        <button type="button" class="primary" onClick={actions.enableHere}>
          Take notes on this page
        </button>
      )}
      {data.post ? (
        <p class="summary">
          {data.talks.length} {data.talks.length === 1 ? 'talk' : 'talks'}, {count}{' '}
          {count === 1 ? 'note' : 'notes'}
        </p>
      ) : (
        <p class="summary">Open a talk video and press n to add your first note.</p>
      )}
      <ul class="talks">
        {data.talks.map((t) => (
          <TalkNotes key={t.talk.id} talk={t.talk} notes={t.notes} />
        ))}
      </ul>
      <footer>
        <button type="button" class="export" onClick={actions.exportMarkdown} disabled={!data.post}>
          Export Markdown
        </button>
        <button type="button" onClick={actions.openLibrary}>
          Open library
        </button>
      </footer>
      {status && (
        <p class={`status status-${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      {exported !== null && (
        <textarea class="exported" aria-label="Exported Markdown" readOnly value={exported} rows={8} />
      )}
    </main>
  );
}
