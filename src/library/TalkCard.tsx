// One talk in a section: drag it (by its handle) or press Alt+↑/↓ on the handle to reorder,
// "Move to" sends it to any section of any post; title, URL and speakers save as you type.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Note, Speaker, Talk } from '../core/model';
import { useWriteThrough } from '../ui/useWriteThrough';
import { NoteRow } from './NoteRow';
import type { Shell } from './shell';

export interface Place {
  /** Value for the Move-to list: "postId/sectionId". */
  key: string;
  label: string;
}

export interface TalkCardProps {
  shell: Shell;
  talk: Talk;
  notes: Note[];
  places: Place[];
  here: string;
  highlightNote: string | undefined;
  onStep(delta: -1 | 1): void;
  onMoveTo(key: string): void;
  onDragStart(): void;
  onDrop(): void;
  onOpenSlide(note: Note): void;
}

export const speakersText = (s: Speaker[]) =>
  s.map((p) => [p.name, p.role, p.org].filter(Boolean).join(', ')).join('; ');

export function parseSpeakers(text: string): Speaker[] {
  return text
    .split(';')
    .map((part) => part.split(',').map((x) => x.trim()))
    .filter(([name]) => name)
    .map(([name, role, org]) => ({
      name: name as string,
      ...(role ? { role } : {}),
      ...(org ? { org } : {}),
    }));
}

export function TalkCard(props: TalkCardProps) {
  const { shell, talk, notes } = props;
  const [draft, setDraft] = useState({
    title: talk.title,
    url: talk.url,
    speakers: speakersText(talk.speakers),
  });
  const [over, setOver] = useState(false);
  const box = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (!box.current?.contains(document.activeElement))
      setDraft({ title: talk.title, url: talk.url, speakers: speakersText(talk.speakers) });
  }, [talk]);
  const saver = useWriteThrough((d: typeof draft) => {
    void shell.api
      .updateTalk(talk.id, { title: d.title, url: d.url, speakers: parseSpeakers(d.speakers) })
      .then((r) => !r.ok && shell.notify({ text: r.error, kind: 'error' }));
  });
  const edit = (patch: Partial<typeof draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    saver(next);
  };
  const name = talk.title || talk.url;

  return (
    <li
      class={`talk-card${over ? ' drop-over' : ''}`}
      data-talk-id={talk.id}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        props.onDrop();
      }}
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dragging is the mouse way; the handle's Alt+arrows and the buttons are the keyboard way */}
      <div
        class="talk-head"
        draggable
        onDragStart={(e) => {
          e.dataTransfer?.setData('text/plain', talk.id);
          props.onDragStart();
        }}
      >
        <button
          type="button"
          class="handle"
          aria-label={`Reorder “${name}”: Alt+Up or Alt+Down moves it`}
          onKeyDown={(e) => {
            if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
            e.preventDefault();
            props.onStep(e.key === 'ArrowUp' ? -1 : 1);
          }}
        >
          ⠿
        </button>
        <h3 class="talk-name">{name}</h3>
        <button type="button" class="step-up" onClick={() => props.onStep(-1)}>
          ↑<span class="visually-hidden"> Move “{name}” up</span>
        </button>
        <button type="button" class="step-down" onClick={() => props.onStep(1)}>
          ↓<span class="visually-hidden"> Move “{name}” down</span>
        </button>
        <label>
          <span class="visually-hidden">Move “{name}” to</span>
          <select class="move-to" value={props.here} onChange={(e) => props.onMoveTo(e.currentTarget.value)}>
            {props.places.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset ref={box} class="talk-fields">
        <legend class="visually-hidden">Details of “{name}”</legend>
        <label class="field">
          <span>Title</span>
          <input
            class="talk-title-input"
            value={draft.title}
            onInput={(e) => edit({ title: e.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span>Speakers (name, role, org; …)</span>
          <input
            class="talk-speakers"
            value={draft.speakers}
            onInput={(e) => edit({ speakers: e.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span>Video URL</span>
          <input
            class="talk-url"
            type="url"
            value={draft.url}
            onInput={(e) => edit({ url: e.currentTarget.value })}
          />
        </label>
      </fieldset>
      <ol class="note-list">
        {notes.map((n) => (
          <NoteRow
            key={n.id}
            shell={shell}
            talk={talk}
            note={n}
            highlighted={props.highlightNote === n.id}
            onOpenSlide={() => props.onOpenSlide(n)}
          />
        ))}
      </ol>
      {notes.length === 0 && <p class="muted">No notes in this talk yet.</p>}
    </li>
  );
}
