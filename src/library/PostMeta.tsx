// The post's own fields, saved as you type (write-through). While focus is in the form, edits
// arriving from elsewhere don't overwrite what is being typed.
import { useEffect, useRef, useState } from 'preact/hooks';
import { termProblems } from '../core/export/terms';
import type { ImageId, Post } from '../core/model';
import { formatTime } from '../core/time';
import type { PostView } from '../store';
import { useWriteThrough } from '../ui/useWriteThrough';
import { joinDate, splitDate, splitList, zones } from './post-date';
import type { Shell } from './shell';
import { Thumb } from './Thumb';

interface Draft {
  title: string;
  slug: string;
  local: string;
  zone: string;
  description: string;
  author: string;
  tags: string;
  categories: string;
}

const draftOf = (p: Post): Draft => ({
  title: p.title,
  slug: p.slug,
  ...splitDate(p.date),
  description: p.description,
  author: p.author,
  tags: p.tags.join(', '),
  categories: p.categories.join(', '),
});

/** What is wrong with the tags or categories as typed (they are kept as typed). */
function TermProblems({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <ul class="field wide term-problems" role="status" aria-live="polite">
      {problems.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}

export function PostMeta({ shell, view }: { shell: Shell; view: PostView }) {
  const { api, notify } = shell;
  const { post } = view;
  const [draft, setDraft] = useState(() => draftOf(post));
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!form.current?.contains(document.activeElement)) setDraft(draftOf(post));
  }, [post]);
  const saver = useWriteThrough((d: Draft) => {
    void api
      .updatePost(post.id, {
        title: d.title,
        slug: d.slug,
        date: joinDate(d.local, d.zone),
        description: d.description,
        author: d.author,
        tags: splitList(d.tags),
        categories: splitList(d.categories),
      })
      .then((r) => !r.ok && notify({ text: r.error, kind: 'error' }));
  });
  const edit = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    saver(next);
  };
  const text = (key: keyof Draft, label: string, cls = '') => (
    <label class={`field ${cls}`}>
      <span>{label}</span>
      <input name={key} value={draft[key]} onInput={(e) => edit({ [key]: e.currentTarget.value })} />
    </label>
  );
  const slides = view.talks.flatMap(({ talk, notes }) =>
    notes.flatMap((n) => (n.kind === 'slide' && n.imageId ? [{ talk, note: n, imageId: n.imageId }] : [])),
  );
  const cover = post.coverImageId ?? slides[0]?.imageId;

  return (
    <form ref={form} class="post-meta" onSubmit={(e) => e.preventDefault()} aria-label="Post details">
      {text('title', 'Title', 'wide')}
      {text('slug', 'Slug')}
      <label class="field">
        <span>Date</span>
        <input
          type="datetime-local"
          name="date"
          value={draft.local}
          onInput={(e) => edit({ local: e.currentTarget.value })}
        />
      </label>
      <label class="field">
        <span>Time zone (UTC offset)</span>
        <select name="zone" value={draft.zone} onChange={(e) => edit({ zone: e.currentTarget.value })}>
          {zones.map((z) => (
            <option key={z} value={z}>
              UTC{z}
            </option>
          ))}
        </select>
      </label>
      {text('author', 'Author')}
      {text('tags', 'Tags (comma separated)')}
      {text('categories', 'Categories (comma separated)')}
      <TermProblems
        problems={termProblems(splitList(draft.tags), 'tag').concat(
          termProblems(splitList(draft.categories), 'category'),
        )}
      />
      <label class="field wide">
        <span>Description</span>
        <textarea
          name="description"
          rows={2}
          value={draft.description}
          onInput={(e) => edit({ description: e.currentTarget.value })}
        />
      </label>
      <div class="field wide cover">
        <label>
          <span>Cover slide</span>{' '}
          <select
            name="cover"
            value={post.coverImageId ?? ''}
            onChange={(e) => {
              const id = e.currentTarget.value;
              void api.updatePost(post.id, { coverImageId: id ? (id as ImageId) : null });
            }}
          >
            <option value="">First slide (default)</option>
            {slides.map((s) => (
              <option key={s.imageId} value={s.imageId}>
                {s.talk.title || 'Talk'} at {formatTime(s.note.time)}
              </option>
            ))}
          </select>
        </label>
        {cover ? <Thumb api={api} id={cover} alt="Cover slide" /> : <span class="muted">No slides yet.</span>}
      </div>
    </form>
  );
}
