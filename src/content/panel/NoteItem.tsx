// One note in the list: its time (click to seek), kind, picture, text, and edit/delete.
import type { Note } from '../../core/model';
import { formatTime } from '../../core/time';
import { NoteText } from '../../ui/NoteText';
import { TextEditor } from './TextEditor';
import type { PanelActions } from './types';

export const kindLabel: Record<Note['kind'], string> = {
  text: 'Note',
  quote: 'Quote',
  slide: 'Slide',
  heading: 'Heading',
};

export function NoteItem({
  note,
  thumb,
  editing,
  actions,
}: {
  note: Note;
  thumb: string | undefined;
  /** The text being typed when this note is edited in place. */
  editing: string | null;
  actions: PanelActions;
}) {
  const at = formatTime(note.time);
  const what = kindLabel[note.kind].toLowerCase();
  return (
    <li class={`note note-${note.kind}`} data-note-id={note.id}>
      <button type="button" class="time" title={`Play from ${at}`} onClick={() => actions.seek(note.time)}>
        {at}
      </button>
      <span class="kind">
        {kindLabel[note.kind]}
        {note.auto && (
          <span class="auto-label" title="Captured automatically">
            auto
          </span>
        )}
      </span>
      <span class="row-actions">
        <button
          type="button"
          class="edit"
          aria-label={`Edit the ${what} at ${at}`}
          onClick={() => actions.startEdit(note.id)}
        >
          ✎
        </button>
        <button
          type="button"
          class="delete"
          aria-label={`Delete the ${what} at ${at}`}
          onClick={() => actions.deleteNote(note.id)}
        >
          ×
        </button>
      </span>
      {note.kind === 'slide' &&
        (thumb ? (
          <img class="thumb" src={thumb} alt={`Slide at ${at}`} />
        ) : (
          <span class="thumb thumb-missing">{note.imageId ? 'Loading the picture…' : 'No picture'}</span>
        ))}
      {editing !== null ? (
        <TextEditor
          id={note.id}
          label={`Edit the ${what} at ${at}`}
          placeholder="Enter saves, Esc cancels."
          text={editing}
          onInput={actions.editText}
          onDone={actions.finishEdit}
        />
      ) : (
        note.text && (
          <div class="text-box">
            <NoteText text={note.text} class="text" label={`the ${what} at ${at}`} />
          </div>
        )
      )}
      {note.speaker && <span class="speaker">— {note.speaker}</span>}
    </li>
  );
}
