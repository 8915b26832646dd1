// Parts of a note's row in the library: its text shown rendered until edited, a quote's
// attribution, and what a slide's caption box says it is for.
import { useEffect, useState } from 'preact/hooks';
import type { ImageId, Note } from '../core/model';
import { NoteText } from '../ui/NoteText';
import type { LibraryApi } from './api';
import type { Shell } from './shell';

/** The caption box's hint: what a caption is for, and the slide's own title once it was read. */
export function placeholderOf(note: Note, slideTitle: string): string {
  if (note.kind === 'slide') {
    const base = 'Caption: printed under the slide in the post, and its alt text for screen readers';
    return slideTitle ? `${base}. The slide reads “${slideTitle}”.` : `${base}.`;
  }
  if (note.kind === 'quote') return 'The words quoted (Markdown)';
  if (note.kind === 'heading') return 'Heading text';
  return 'Note (Markdown)';
}

/** The slide's title as read on the device (ImageMeta.text.title), '' until then. */
export function useSlideTitle(api: Pick<LibraryApi, 'slideTitle'>, id: ImageId | undefined): string {
  const [title, setTitle] = useState('');
  useEffect(() => {
    if (!id) return;
    let live = true;
    void api.slideTitle(id).then((t) => live && setTitle(t));
    return () => {
      live = false;
    };
  }, [api, id]);
  return title;
}

/** The note rendered; a click on its words (not on a link) or the Edit button opens the box. */
export function RenderedNote({ text, label, onEdit }: { text: string; label: string; onEdit(): void }) {
  return (
    <div class="note-text note-rendered">
      {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: a mouse shortcut; the Edit button is the keyboard's way */}
      <div
        class="note-view"
        onClick={(e) => {
          if (!(e.target as Element).closest('a, button')) onEdit();
        }}
      >
        <NoteText text={text} label={label} />
      </div>
      <button type="button" class="edit-note" onClick={onEdit}>
        Edit<span class="visually-hidden"> {label}</span>
      </button>
    </div>
  );
}

/** Who said a quote: shown in the export after it; editable, saved when the field is left. */
export function Attribution({ shell, note, label }: { shell: Shell; note: Note; label: string }) {
  const [value, setValue] = useState(note.speaker ?? '');
  useEffect(() => setValue(note.speaker ?? ''), [note.speaker]);
  const save = async () => {
    const speaker = value.trim();
    if (speaker === (note.speaker ?? '')) return;
    const r = await shell.api.updateNote(note.id, { speaker: speaker || null });
    if (!r.ok) shell.notify({ text: r.error, kind: 'error' });
  };
  return (
    <label class="attribution">
      <span>Said by</span>
      <input
        class="speaker"
        value={value}
        placeholder="Who said it (the talk’s speaker when empty)"
        aria-label={`Who said the ${label.toLowerCase()}`}
        onInput={(e) => setValue(e.currentTarget.value)}
        onChange={() => void save()}
      />
    </label>
  );
}
