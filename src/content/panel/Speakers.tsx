// The talk's speakers, guessed from the title and always editable: quotes are attributed to
// the first one.
import { useEffect, useState } from 'preact/hooks';
import type { Speaker } from '../../core/model';
import { formatSpeakers } from '../../core/speakers';

export function Speakers({ speakers, onChange }: { speakers: Speaker[]; onChange(text: string): void }) {
  const shown = formatSpeakers(speakers);
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const commit = () => {
    if (text.trim() !== shown) onChange(text);
  };
  return (
    <label class="speakers">
      <span>Speakers</span>
      <input
        value={text}
        placeholder="Name (Company), Name"
        onInput={(e) => setText(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape') setText(shown);
        }}
      />
    </label>
  );
}
