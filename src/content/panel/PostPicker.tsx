// The active post: switch to another or create one, without leaving the video.
import { useState } from 'preact/hooks';
import type { PostSummary } from '../../core/messages';
import type { Post, PostId } from '../../core/model';
import type { PanelActions } from './types';

const NEW = '__new';

export function PostPicker({
  active,
  posts,
  actions,
}: {
  active: Post;
  posts: PostSummary[];
  actions: PanelActions;
}) {
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState('');
  const listed = posts.some((p) => p.id === active.id)
    ? posts
    : [{ id: active.id, title: active.title }, ...posts];
  if (creating) {
    const submit = () => {
      if (title.trim()) actions.createPost(title.trim());
      setCreating(false);
      setTitle('');
    };
    return (
      <form
        class="new-post"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <input
          aria-label="Title of the new post"
          placeholder="e.g. KubeCon EU — Day 2"
          value={title}
          ref={(el) => el?.focus()}
          onInput={(e) => setTitle(e.currentTarget.value)}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape') setCreating(false);
          }}
        />
        <button type="submit">Create</button>
      </form>
    );
  }
  return (
    <select
      class="post"
      aria-label="Active post: new notes go here"
      value={active.id}
      onFocus={actions.loadPosts}
      onKeyDown={(e) => e.stopPropagation()}
      onChange={(e) => {
        const value = e.currentTarget.value;
        if (value === NEW) {
          e.currentTarget.value = active.id;
          setCreating(true);
        } else actions.choosePost(value as PostId);
      }}
    >
      {listed.map((p) => (
        <option key={p.id} value={p.id}>
          {p.title}
        </option>
      ))}
      <option value={NEW}>New post…</option>
    </select>
  );
}
