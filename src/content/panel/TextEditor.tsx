// A textarea that saves on Enter and gives up on Esc; used for new notes and in-place edits.
import { useLayoutEffect, useRef } from 'preact/hooks';

export function TextEditor({
  id,
  label,
  placeholder,
  text,
  onInput,
  onDone,
}: {
  /** Focus moves here whenever this changes (a new note, another note to edit). */
  id: string;
  label: string;
  placeholder: string;
  text: string;
  onInput(text: string): void;
  /** true: keep (Enter); false: Esc. */
  onDone(keep: boolean): void;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  // Focus within the same task as the key press that opened the editor, so the next key
  // typed (even a fast typist's) lands here and not on the page.
  useLayoutEffect(() => ref.current?.focus(), [id]);
  return (
    <textarea
      ref={ref}
      aria-label={label}
      placeholder={placeholder}
      value={text}
      onInput={(e) => onInput(e.currentTarget.value)}
      onKeyDown={(e) => {
        // Keys typed here belong to us, never to the page's shortcuts.
        e.stopPropagation();
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          onDone(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onDone(false);
        }
      }}
    />
  );
}
