// The library page: every post with its talks and notes, export and backup. A pure view.
import { useState } from 'preact/hooks';
import type { ExportFormat } from '../core/export';
import type { Note, Post, Talk } from '../core/model';
import { formatTime } from '../core/time';
import { momentUrl } from '../core/video-url';

export interface LibraryPost {
  post: Post;
  talks: Array<{ talk: Talk; notes: Note[] }>;
}

export interface LibraryActions {
  exportPost(post: Post, format: ExportFormat): void;
  backUp(): void;
  restore(file: File): void;
}

export function Library({
  posts,
  actions,
  message,
}: {
  posts: LibraryPost[] | null;
  actions: LibraryActions;
  message: { text: string; kind: 'info' | 'error' } | null;
}) {
  const [format, setFormat] = useState<ExportFormat>('hugo');
  return (
    <main>
      <h1>Talkmark library</h1>
      <p class="warning">
        Your notes live in this browser. Uninstalling Talkmark deletes them: use Back up to keep a copy.
      </p>
      <p>
        <button type="button" onClick={actions.backUp}>
          Back up
        </button>{' '}
        <label>
          Restore from a backup{' '}
          <input
            type="file"
            accept=".zip,application/zip"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) actions.restore(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </p>
      {message && (
        <p class={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <p>
        <label>
          Export format{' '}
          <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
            <option value="hugo">Hugo page bundle</option>
            <option value="jekyll">Jekyll post</option>
            <option value="obsidian">Obsidian note</option>
            <option value="markdown">Markdown</option>
          </select>
        </label>
      </p>
      {posts === null && <p>Loading…</p>}
      {posts?.length === 0 && <p>No posts yet. Open a talk video and press n to take your first note.</p>}
      {posts?.map(({ post, talks }) => (
        <section class="post" key={post.id} data-post-id={post.id}>
          <h2>{post.title}</h2>
          <button type="button" class="export" onClick={() => actions.exportPost(post, format)}>
            Export as zip
          </button>
          {talks.map(({ talk, notes }) => (
            <div class="talk" key={talk.id}>
              <h3>{talk.title || talk.url}</h3>
              <ul>
                {notes.map((n) => (
                  <li key={n.id}>
                    <a class="time" href={momentUrl(talk, n.time)} target="_blank" rel="noreferrer">
                      {formatTime(n.time)}
                    </a>{' '}
                    {n.text}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </main>
  );
}
