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
  // The title named no one (a channel is not a speaker): ask, rather than guess.
  const ask = speakers.length === 0;
  return (
    <label class={ask ? 'speakers speakers-ask' : 'speakers'}>
      <span>Speakers</span>
      <input
        value={text}
        placeholder={ask ? 'Who speaks? Name (Company), Name' : 'Name (Company), Name'}
        title={
          ask ? 'The title names no speaker: add who speaks, for quotes and the export’s heading.' : undefined
        }
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
