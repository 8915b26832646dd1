// The post's sections in order, each with its talks: add, rename, reorder and remove (empty)
// sections; talks move by drag, by keyboard, or to any section of any post.
import { useEffect, useRef, useState } from 'preact/hooks';
import { newId } from '../core/ids';
import type { Note, Post, PostId, Section, SectionId, TalkId } from '../core/model';
import type { PostView } from '../store';
import { useWriteThrough } from '../ui/useWriteThrough';
import type { Shell } from './shell';
import { type Place, TalkCard } from './TalkCard';

function SectionTitle({ title, onRename }: { title: string; onRename(t: string): void }) {
  const [value, setValue] = useState(title);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (document.activeElement !== input.current) setValue(title);
  }, [title]);
  const saver = useWriteThrough(onRename);
  return (
    <label class="section-title">
      <span class="visually-hidden">Section title</span>
      <input
        ref={input}
        value={value}
        onInput={(e) => {
          setValue(e.currentTarget.value);
          saver(e.currentTarget.value);
        }}
      />
    </label>
  );
}

export function Sections({
  shell,
  view,
  allPosts,
  highlightNote,
  onOpenSlide,
}: {
  shell: Shell;
  view: PostView;
  allPosts: Post[];
  highlightNote: string | undefined;
  onOpenSlide(note: Note): void;
}) {
  const { api, notify } = shell;
  const { post } = view;
  const dragging = useRef<TalkId | null>(null);
  const talkOf = new Map(view.talks.map((t) => [t.talk.id, t]));
  const report = (r: { ok: boolean; error?: string }) =>
    !r.ok && notify({ text: r.error ?? 'Failed.', kind: 'error' });
  const setSections = (sections: Section[]) => void api.updatePost(post.id, { sections }).then(report);
  const move = (id: TalkId, postId: PostId, sectionId: SectionId, index?: number) =>
    void api.moveTalk(id, { postId, sectionId, ...(index === undefined ? {} : { index }) }).then(report);

  const places: Place[] = [post, ...allPosts.filter((p) => p.id !== post.id)].flatMap((p) =>
    p.sections.map((s) => ({
      key: `${p.id}/${s.id}`,
      label: p.id === post.id ? `Section: ${s.title}` : `${p.title} › ${s.title}`,
    })),
  );

  /** One step up or down, crossing into the neighbouring section at its edge. */
  const step = (sectionIndex: number, talkIndex: number, delta: -1 | 1) => {
    const section = post.sections[sectionIndex] as Section;
    const id = section.talkIds[talkIndex] as TalkId;
    const to = talkIndex + delta;
    if (to >= 0 && to < section.talkIds.length) return move(id, post.id, section.id, to);
    const next = post.sections[sectionIndex + delta];
    if (next) move(id, post.id, next.id, delta < 0 ? next.talkIds.length : 0);
  };
  const shiftSection = (i: number, delta: -1 | 1) => {
    const list = [...post.sections];
    const [s] = list.splice(i, 1);
    if (s) list.splice(i + delta, 0, s);
    setSections(list);
  };

  return (
    <div class="sections">
      {post.sections.map((section, si) => (
        <section
          key={section.id}
          class="section"
          data-section-id={section.id}
          aria-label={`Section ${section.title}`}
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            // Dropped on the section itself (not on a talk): goes to its end.
            if (e.defaultPrevented || !dragging.current) return;
            e.preventDefault();
            move(dragging.current, post.id, section.id);
            dragging.current = null;
          }}
        >
          <div class="section-head">
            <SectionTitle
              title={section.title}
              onRename={(title) =>
                setSections(post.sections.map((s) => (s.id === section.id ? { ...s, title } : s)))
              }
            />
            <button type="button" class="section-up" disabled={si === 0} onClick={() => shiftSection(si, -1)}>
              ↑<span class="visually-hidden"> Move section “{section.title}” up</span>
            </button>
            <button
              type="button"
              class="section-down"
              disabled={si === post.sections.length - 1}
              onClick={() => shiftSection(si, 1)}
            >
              ↓<span class="visually-hidden"> Move section “{section.title}” down</span>
            </button>
            {section.talkIds.length === 0 && post.sections.length > 1 && (
              <button
                type="button"
                class="danger"
                onClick={() => setSections(post.sections.filter((s) => s.id !== section.id))}
              >
                Remove empty section
              </button>
            )}
          </div>
          <ol class="talk-list">
            {section.talkIds.map((tid, ti) => {
              const entry = talkOf.get(tid);
              if (!entry) return null;
              return (
                <TalkCard
                  key={tid}
                  shell={shell}
                  talk={entry.talk}
                  notes={entry.notes}
                  places={places}
                  here={`${post.id}/${section.id}`}
                  highlightNote={highlightNote}
                  onStep={(d) => step(si, ti, d)}
                  onMoveTo={(key) => {
                    const [pid, sid] = key.split('/') as [PostId, SectionId];
                    move(tid, pid, sid);
                  }}
                  onDragStart={() => {
                    dragging.current = tid;
                  }}
                  onDrop={() => {
                    const from = dragging.current;
                    dragging.current = null;
                    if (from && from !== tid) move(from, post.id, section.id, ti);
                  }}
                  onOpenSlide={onOpenSlide}
                />
              );
            })}
          </ol>
          {section.talkIds.length === 0 && (
            <p class="muted drop-here">No talks here: drag one in or use “Move to”.</p>
          )}
        </section>
      ))}
      <button
        type="button"
        class="add-section"
        onClick={() =>
          setSections([...post.sections, { id: newId('section'), title: 'New section', talkIds: [] }])
        }
      >
        Add section
      </button>
    </div>
  );
}
