// One note, edited in place: Markdown text saved as you type, kind, time, delete with undo,
// and a link that opens the video at that moment.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Note, NoteKind, Talk } from '../core/model';
import { charactersLeft, continuationOf, noteLimit, splitMessage, splitNoteText } from '../core/note-limit';
import { formatTime, parseTime } from '../core/time';
import { momentUrl } from '../core/video-url';
import { grouped } from '../ui/counts';
import { useWriteThrough } from '../ui/useWriteThrough';
import { Attribution, placeholderOf, RenderedNote, useSlideTitle } from './NoteParts';
import type { Shell } from './shell';
import { Thumb } from './Thumb';
import { unsavedNotes } from './unsaved-notes';

const kinds: Array<[NoteKind, string]> = [
  ['text', 'Note'],
  ['quote', 'Quote'],
  ['slide', 'Slide'],
  ['heading', 'Heading'],
];

export function NoteRow({
  shell,
  talk,
  note,
  highlighted,
  onOpenSlide,
}: {
  shell: Shell;
  talk: Talk;
  note: Note;
  highlighted: boolean;
  onOpenSlide(): void;
}) {
  const { api, notify } = shell;
  const [text, setText] = useState(note.text);
  const [time, setTime] = useState(formatTime(note.time));
  // Shown rendered; the Markdown box while it is being edited (or empty, to be filled).
  const [editing, setEditing] = useState(highlighted);
  const slideTitle = useSlideTitle(api, note.imageId);
  const area = useRef<HTMLTextAreaElement>(null);
  const row = useRef<HTMLLIElement>(null);
  // Text in the box that no note holds yet (a continuation that failed to save).
  const unsavedInBox = useRef(false);
  // A change from elsewhere shows up unless this note is being typed in right now, or the box
  // holds text that is not stored anywhere else.
  useEffect(() => {
    if (document.activeElement !== area.current && !unsavedInBox.current) setText(note.text);
    setTime(formatTime(note.time));
  }, [note.text, note.time]);
  useEffect(() => {
    if (highlighted) {
      setEditing(true);
      row.current?.scrollIntoView({ block: 'center' });
    }
  }, [highlighted]);
  // Opening the box for editing puts the caret in it.
  useEffect(() => {
    if (editing || highlighted) area.current?.focus();
  }, [editing, highlighted]);
  const fail = (r: { ok: boolean; error?: string }) =>
    !r.ok && notify({ text: r.error ?? 'Not saved.', kind: 'error' });
  // The promise tells the write-through when this save is done, so the next text goes then.
  // Each text is also journaled as typed (unsaved-notes.ts) until the store has it: a tab closed
  // before then loses nothing, the next library page puts it back.
  const sending = useRef<string | undefined>(undefined);
  const saveText = useWriteThrough((value: string) => {
    sending.current = value;
    return api.updateNote(note.id, { text: value }).then((r) => {
      if (r.ok) unsavedNotes.stored(note.id, value);
      if (sending.current === value) sending.current = undefined;
      return fail(r);
    });
  });
  const typed = (value: string) => {
    unsavedNotes.typed(note.id, value, sending.current);
    saveText(value);
  };

  // A text longer than a note holds: what fits stays here, the rest goes on in new notes at
  // the same moment. Should one fail to save, the part not yet saved goes back into the box
  // after what is there (never a piece already saved: typing on must not store it twice).
  const spill = async (value: string) => {
    const pieces = splitNoteText(value);
    const first = pieces[0] ?? '';
    unsavedInBox.current = false;
    setText(first);
    typed(first);
    const base = continuationOf(note);
    for (const [i, piece] of pieces.slice(1).entries()) {
      const r = await api.addNote({ ...base, text: piece });
      if (!r.ok) {
        const unsaved = pieces.slice(i + 1).join('');
        unsavedInBox.current = true;
        setText((now) => now + unsaved);
        const size = `${grouped(unsaved.length)} characters`;
        return notify({
          text:
            i === 0
              ? `The rest of your text (${size}) was not saved: ${r.error} It stays in the box.`
              : `${i} new ${i === 1 ? 'note was' : 'notes were'} saved, but not the last ${size}: ${r.error} They stay in the box.`,
          kind: 'error',
        });
      }
    }
    notify({ text: splitMessage(pieces) });
  };
  const left = charactersLeft(text.length);

  const retime = () => {
    const seconds = parseTime(time);
    if (seconds === null) {
      notify({ text: `“${time}” is not a time; use m:ss or h:mm:ss.`, kind: 'error' });
      setTime(formatTime(note.time));
    } else if (seconds !== Math.floor(note.time)) void api.updateNote(note.id, { time: seconds }).then(fail);
  };
  const remove = async () => {
    saveText.cancel();
    // A save still on its way would write to the note after the delete.
    await saveText.settled();
    const r = await api.deleteNote(note.id);
    if (!r.ok) return notify({ text: r.error, kind: 'error' });
    unsavedNotes.forget(note.id);
    const deleted = r.value;
    notify({
      text: 'Note deleted.',
      action: { label: 'Undo', run: () => void api.restoreNote(deleted).then(fail) },
    });
  };
  const label = `${kinds.find(([k]) => k === note.kind)?.[1] ?? 'Note'} at ${formatTime(note.time)}`;

  return (
    <li
      ref={row}
      id={`note-${note.id}`}
      class={`note note-${note.kind}${highlighted ? ' highlighted' : ''}`}
      data-note-id={note.id}
    >
      <div class="note-head">
        <a class="time jump" href={momentUrl(talk, note.time)} target="_blank" rel="noreferrer">
          {formatTime(note.time)}
          <span class="visually-hidden"> (open the video here)</span>
        </a>
        <label>
          <span class="visually-hidden">Time of {label}</span>
          <input
            class="retime"
            size={7}
            value={time}
            onInput={(e) => setTime(e.currentTarget.value)}
            onChange={retime}
          />
        </label>
        <label>
          <span class="visually-hidden">Kind of {label}</span>
          <select
            class="kind"
            value={note.kind}
            onChange={(e) =>
              void api.updateNote(note.id, { kind: e.currentTarget.value as NoteKind }).then(fail)
            }
          >
            {kinds.map(([k, name]) => (
              <option key={k} value={k} disabled={k === 'slide' && !note.imageId}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="danger delete-note" onClick={() => void remove()}>
          Delete<span class="visually-hidden"> {label}</span>
        </button>
      </div>
      {note.imageId && (
        <Thumb
          api={api}
          id={note.imageId}
          alt={note.text || `Slide at ${formatTime(note.time)}`}
          onOpen={onOpenSlide}
        />
      )}
      {editing || !text ? (
        <label class="note-text">
          <span class="visually-hidden">Markdown of {label}</span>
          <textarea
            ref={area}
            rows={Math.min(8, Math.max(1, text.split('\n').length))}
            value={text}
            placeholder={placeholderOf(note, slideTitle)}
            onInput={(e) => {
              const value = e.currentTarget.value;
              if (value.length > noteLimit) return void spill(value);
              unsavedInBox.current = false;
              setText(value);
              typed(value);
            }}
            // An empty note's box is there to be typed in: once it holds text it must stay a box
            // until the caret leaves it, not turn into the rendered note under the typist.
            onFocus={() => setEditing(true)}
            onBlur={() => setEditing(false)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') area.current?.blur();
            }}
          />
          {left && (
            <span class="chars-left" role="status">
              {left}
            </span>
          )}
        </label>
      ) : (
        <RenderedNote text={text} label={label} onEdit={() => setEditing(true)} />
      )}
      {note.kind === 'quote' && <Attribution shell={shell} note={note} label={label} />}
    </li>
  );
}
