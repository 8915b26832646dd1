// One post: its details, its sections, talks and notes, the slide lightbox and the export
// dialog. Reloads whenever the store changes, so notes captured in another tab appear here.
import { useEffect, useState } from 'preact/hooks';
import type { NoteId, Post, PostId } from '../core/model';
import { formatTime } from '../core/time';
import type { PostView } from '../store';
import { countsText } from '../ui/counts';
import { ExportDialog } from './ExportDialog';
import { Lightbox, type Slide } from './Lightbox';
import { PostMeta } from './PostMeta';
import { Sections } from './Sections';
import type { Shell } from './shell';

export function PostEditor({
  shell,
  id,
  exportOpen,
  noteId,
}: {
  shell: Shell;
  id: PostId;
  exportOpen: boolean;
  noteId?: NoteId;
}) {
  const { api, version, go, notify } = shell;
  const [view, setView] = useState<PostView | null | undefined>(undefined);
  const [posts, setPosts] = useState<Post[]>([]);
  const [slideAt, setSlideAt] = useState<number | null>(null);

  useEffect(() => {
    void api
      .openPost(id)
      .then((r) => (r.ok ? setView(r.value ?? null) : notify({ text: r.error, kind: 'error' })));
    void api.postSummaries().then((r) => r.ok && setPosts(r.value.map((s) => s.post)));
  }, [api, id, version, notify]);

  if (view === undefined) return <p>Loading…</p>;
  if (view === null)
    return (
      <section>
        <h1>Post not found</h1>
        <p>
          It may have been deleted. <a href="#posts">All posts</a>
        </p>
      </section>
    );

  const slides: Array<Slide & { noteId: NoteId }> = view.talks.flatMap(({ talk, notes }) =>
    notes.flatMap((n) =>
      n.imageId
        ? [
            {
              imageId: n.imageId,
              noteId: n.id,
              caption: `${talk.title || 'Talk'} at ${formatTime(n.time)}${n.text ? ` — ${n.text}` : ''}`,
            },
          ]
        : [],
    ),
  );

  return (
    <article class="post-editor" aria-labelledby="post-h">
      <div class="toolbar">
        <h1 id="post-h">{view.post.title}</h1>
        <button
          type="button"
          class="primary open-export"
          onClick={() => go({ view: 'post', id, exportOpen: true })}
        >
          Export…
        </button>
        <button type="button" onClick={() => void api.setActivePost(id)}>
          Make active
        </button>
      </div>
      <p class="muted post-counts">
        {countsText({
          talks: view.talks.length,
          notes: view.talks.reduce((n, t) => n + t.notes.length, 0),
          slides: view.talks.reduce((n, t) => n + t.notes.filter((x) => x.kind === 'slide').length, 0),
        })}
      </p>
      <PostMeta shell={shell} view={view} />
      <h2>Talks</h2>
      {view.talks.length === 0 && (
        <p class="muted">No talks yet. Notes you take on a video land in the active post.</p>
      )}
      <Sections
        shell={shell}
        view={view}
        allPosts={posts}
        highlightNote={noteId}
        onOpenSlide={(note) =>
          setSlideAt(
            Math.max(
              0,
              slides.findIndex((s) => s.noteId === note.id),
            ),
          )
        }
      />
      {slideAt !== null && (
        <Lightbox
          api={api}
          slides={slides}
          index={slideAt}
          onIndex={setSlideAt}
          onClose={() => setSlideAt(null)}
        />
      )}
      {exportOpen && (
        <ExportDialog
          shell={shell}
          post={view.post}
          onClose={() => go({ view: 'post', id, exportOpen: false })}
        />
      )}
    </article>
  );
}
