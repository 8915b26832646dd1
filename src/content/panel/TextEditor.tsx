// A textarea that saves on Enter and gives up on Esc; used for new notes and in-place edits.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { charactersLeft } from '../../core/note-limit';

export function TextEditor({
  id,
  label,
  placeholder,
  text,
  onInput,
  onDone,
  oneLine = false,
}: {
  /** Focus moves here whenever this changes (a new note, another note to edit). */
  id: string;
  label: string;
  placeholder: string;
  text: string;
  onInput(text: string): void;
  /** true: keep (Enter); false: Esc. */
  onDone(keep: boolean): void;
  /** One line high (the compact bar in a small embed): longer text scrolls inside. */
  oneLine?: boolean;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  // Focus within the same task as the key press that opened the editor, so the next key
  // typed (even a fast typist's) lands here and not on the page. When the editor closes with
  // the focus still in it, the focus goes back where it was before (the player, or the panel's
  // button that opened it), so the next key works at once.
  useLayoutEffect(() => {
    const area = ref.current;
    if (!area) return;
    const root = area.getRootNode() as Document | ShadowRoot;
    const before = root.activeElement ?? area.ownerDocument.activeElement;
    area.focus();
    return () => {
      if (root.activeElement !== area) return;
      area.blur();
      if (before instanceof HTMLElement && before !== area && before.isConnected)
        before.focus({ preventScroll: true });
    };
  }, [id]);
  const left = charactersLeft(text.length);
  return (
    <>
      <textarea
        ref={ref}
        class={oneLine ? 'one-line' : undefined}
        rows={oneLine ? 1 : undefined}
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
      {left && (
        <p class="chars-left" role="status">
          {left}
        </p>
      )}
    </>
  );
}
