// The post's own fields, saved as you type (write-through), each field on its own
// (useFieldSaves). Edits arriving from elsewhere redraw a field unless it is being typed in or
// holds text the store hasn't confirmed yet: nothing typed is replaced by an older copy.
import { useEffect, useRef, useState } from 'preact/hooks';
import { termProblems } from '../core/export/terms';
import type { ImageId } from '../core/model';
import { formatTime } from '../core/time';
import { limits } from '../core/validate-util';
import type { PostView } from '../store';
import { grouped } from '../ui/counts';
import { splitList, zones } from './post-date';
import { type Draft, type DraftKey, draftOf, type FieldKey, fieldKeys, fieldOf, pick } from './post-fields';
import type { Shell } from './shell';
import { Thumb } from './Thumb';
import { useFieldSaves } from './useFieldSaves';

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

/** The counter shown near the limit of an intro or closing, or nothing below it. */
function CharsLeft({ length }: { length: number }) {
  if (length < limits.longText * 0.9) return null;
  const left = limits.longText - length;
  return (
    <span class="chars-left" aria-live="polite">
      {left >= 0 ? `${grouped(left)} characters left` : `${grouped(-left)} characters over the limit`}
    </span>
  );
}

export function PostMeta({ shell, view }: { shell: Shell; view: PostView }) {
  const { api } = shell;
  const { post } = view;
  const [draft, setShown] = useState(() => draftOf(post));
  // What the boxes hold now, also between an input event and the render it causes.
  const current = useRef(draft);
  const setDraft = (d: Draft) => {
    current.current = d;
    setShown(d);
  };
  const form = useRef<HTMLFormElement>(null);
  const saves = useFieldSaves((patch) => api.updatePost(post.id, patch));
  useEffect(() => {
    // The field with the caret keeps its text; so does any field with an edit on its way.
    const active = document.activeElement as HTMLInputElement | null;
    const typing = active && form.current?.contains(active) ? fieldOf(active.name as DraftKey) : undefined;
    const stored = draftOf(post);
    let next = current.current;
    for (const field of fieldKeys) {
      if (field !== typing && saves.mayRedraw(field, post)) next = { ...next, ...pick(field, stored) };
    }
    if (next !== current.current) setDraft(next);
  }, [post]);
  const edit = (key: DraftKey, value: string) => {
    const next = { ...current.current, [key]: value };
    setDraft(next);
    saves.edit(fieldOf(key), next);
  };
  const problem = (field: FieldKey) =>
    saves.problems[field] ? (
      <span class="field-problem" role="alert">
        {saves.problems[field]}
      </span>
    ) : null;
  const text = (key: Exclude<FieldKey, 'date'>, label: string, cls = '') => (
    <label class={`field ${cls}`}>
      <span>{label}</span>
      <input name={key} value={draft[key]} onInput={(e) => edit(key, e.currentTarget.value)} />
      {problem(key)}
    </label>
  );
  const long = (key: 'description' | 'intro' | 'closing', label: string, rows: number) => (
    <label class="field wide">
      <span>{label}</span>
      <textarea name={key} rows={rows} value={draft[key]} onInput={(e) => edit(key, e.currentTarget.value)} />
      {key !== 'description' && <CharsLeft length={draft[key].length} />}
      {problem(key)}
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
          onInput={(e) => edit('local', e.currentTarget.value)}
        />
        {problem('date')}
      </label>
      <label class="field">
        <span>Time zone (UTC offset)</span>
        <select name="zone" value={draft.zone} onChange={(e) => edit('zone', e.currentTarget.value)}>
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
      {long('description', 'Description', 2)}
      {long('intro', 'Intro (Markdown, before the first section)', 3)}
      {long('closing', 'Closing (Markdown, after the last section)', 2)}
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
