// All posts: filter by text, sort, create, duplicate, delete with undo, make active.
import { useLayoutEffect, useState } from 'preact/hooks';
import type { PostId } from '../core/model';
import type { PostSummary } from '../store';
import { countsText } from '../ui/counts';
import { markPainted } from '../ui/painted';
import type { Shell } from './shell';

type Sort = 'date' | 'updated' | 'title';

const sorters: Record<Sort, (a: PostSummary, b: PostSummary) => number> = {
  date: (a, b) => b.post.date.localeCompare(a.post.date),
  updated: (a, b) => b.post.updatedAt.localeCompare(a.post.updatedAt),
  title: (a, b) => a.post.title.localeCompare(b.post.title),
};

/** Grey rows where the posts will be, drawn with the page before any data has arrived. */
function Skeleton() {
  return (
    <div class="skeleton" aria-busy="true">
      <p class="visually-hidden">Loading posts…</p>
      {[0, 1, 2, 3, 4].map((i) => (
        <div key={i} class="skeleton-row" aria-hidden="true" />
      ))}
    </div>
  );
}

export function PostList({ shell }: { shell: Shell }) {
  const { api, version, go, notify } = shell;
  const [posts, setPosts] = useState<PostSummary[] | null>(null);
  const [active, setActive] = useState<PostId | undefined>();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<Sort>('date');

  // Both reads at once, and one render once both are in: the rows never redraw for the badge.
  // Asked for as soon as the list is rendered (a layout effect), while the browser paints the
  // skeleton, rather than after that frame.
  useLayoutEffect(() => {
    void Promise.all([api.postSummaries(), api.activePost()]).then(([r, activeId]) => {
      setActive(activeId);
      if (r.ok) {
        setPosts(r.value);
        // The library's first complete view (the benchmark's "library open"), once drawn.
        markPainted();
      } else notify({ text: r.error, kind: 'error' });
    });
  }, [api, version, notify]);

  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (posts ?? [])
    .filter(({ post }) => {
      const hay = [post.title, post.description, ...post.tags, ...post.categories].join(' ').toLowerCase();
      return words.every((w) => hay.includes(w));
    })
    .sort(sorters[sort]);

  const create = async () => {
    const r = await api.createPost('Untitled post');
    if (r.ok) go({ view: 'post', id: r.value.id, exportOpen: false });
    else notify({ text: r.error, kind: 'error' });
  };
  const duplicate = async (id: PostId) => {
    const r = await api.duplicatePost(id);
    notify(r.ok ? { text: 'Post duplicated.' } : { text: r.error, kind: 'error' });
  };
  const remove = async ({ post }: PostSummary) => {
    const r = await api.deletePost(post.id);
    if (!r.ok) return notify({ text: r.error, kind: 'error' });
    const undo = r.value;
    notify({
      text: `Deleted “${post.title}”.`,
      action: {
        label: 'Undo',
        run: () => void undo().then((u) => !u.ok && notify({ text: u.error, kind: 'error' })),
      },
    });
  };

  return (
    <section aria-labelledby="posts-h">
      <div class="toolbar">
        <h1 id="posts-h">Posts</h1>
        <button type="button" class="primary new-post" onClick={create}>
          New post
        </button>
      </div>
      <div class="toolbar">
        <label>
          Filter posts{' '}
          <input
            type="search"
            class="post-filter"
            value={filter}
            onInput={(e) => setFilter(e.currentTarget.value)}
          />
        </label>
        <label>
          Sort by{' '}
          <select class="post-sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as Sort)}>
            <option value="date">Date</option>
            <option value="updated">Last edited</option>
            <option value="title">Title</option>
          </select>
        </label>
      </div>
      {posts === null && <Skeleton />}
      {posts?.length === 0 && <p>No posts yet. Open a talk video and press n to take your first note.</p>}
      <ul class="post-list">
        {shown.map((s) => (
          <li class="post-row" key={s.post.id} data-post-id={s.post.id}>
            <a class="post-title" href={`#post/${s.post.id}`}>
              {s.post.title}
            </a>
            {active === s.post.id && <span class="badge">active</span>}
            <span class="muted">
              {s.post.date.slice(0, 10)} ·{' '}
              <span class="counts">
                {countsText({ talks: s.talkCount, notes: s.noteCount, slides: s.slideCount })}
              </span>
            </span>
            <span class="row-actions">
              {active !== s.post.id && (
                <button type="button" class="make-active" onClick={() => void api.setActivePost(s.post.id)}>
                  Make active<span class="visually-hidden">: {s.post.title}</span>
                </button>
              )}
              <button type="button" class="duplicate" onClick={() => void duplicate(s.post.id)}>
                Duplicate<span class="visually-hidden">: {s.post.title}</span>
              </button>
              <button type="button" class="danger delete" onClick={() => void remove(s)}>
                Delete<span class="visually-hidden">: {s.post.title}</span>
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
