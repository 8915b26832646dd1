// The safety copy in the library (store/copy.ts): an offer to bring back what the database lost
// (with how much), shown on every view until dealt with, and on the Back up page a line saying
// when the copy was last written.
import { useEffect, useState } from 'preact/hooks';
import type { CopyCounts, CopyState } from '../store';
import type { Shell } from './shell';

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
const counted = (c: CopyCounts) =>
  [plural(c.notes, 'note'), plural(c.talks, 'talk'), plural(c.posts, 'post')].join(', ');
const when = (iso: string) => (iso ? new Date(iso).toLocaleString() : 'not yet');

function useCopyState(shell: Shell, version: unknown) {
  const [state, setState] = useState<CopyState | null>(null);
  useEffect(() => {
    let live = true;
    void shell.api.copyState().then((r) => live && setState(r.ok ? r.value : null));
    return () => {
      live = false;
    };
  }, [shell.api, version]);
  return [state, setState] as const;
}

export function CopyNotice({ shell }: { shell: Shell }) {
  // Checked when the library opens: the comparison reads the whole copy when it finds a loss.
  const [state, setState] = useCopyState(shell, null);
  const [busy, setBusy] = useState(false);
  if (state?.state !== 'lost') return null;
  const restore = async () => {
    setBusy(true);
    const r = await shell.api.restoreCopy();
    setBusy(false);
    if (!r.ok) return shell.notify({ text: `Nothing was brought back: ${r.error}`, kind: 'error' });
    setState({ state: 'ok', writtenAt: new Date().toISOString() });
    shell.notify({
      text: `Brought back ${counted(r.value)} from the safety copy. Slides come back as their words and moment: their pictures are not in the copy.`,
    });
  };
  return (
    <section class="copy-notice" role="alert" aria-labelledby="copy-notice-h">
      <h2 id="copy-notice-h">Notes to bring back</h2>
      <p>
        {state.dbError
          ? `Talkmark’s database can’t be opened (${state.dbError}). `
          : 'Talkmark’s database came back without some of your notes, as can happen after the browser or the computer stopped suddenly. '}
        Its safety copy, last written {when(state.writtenAt)}, still holds {counted(state.missing)} that the
        database doesn’t have.
      </p>
      <p>
        <button type="button" class="primary restore-copy" disabled={busy} onClick={() => void restore()}>
          Bring back {plural(state.missing.notes, 'note')}
        </button>{' '}
        Nothing here is overwritten; slide pictures are not in the copy.
      </p>
    </section>
  );
}

/** On the Back up page: when the copy was last written. */
export function CopyWritten({ shell }: { shell: Shell }) {
  const [state] = useCopyState(shell, shell.version);
  if (!state) return null;
  return (
    <p class="copy-written">
      A safety copy of your posts, talks and notes (not the slide pictures) is kept outside the database, in
      case the browser loses it: last written {when(state.writtenAt)}.
      {state.state === 'lost' && ' It holds notes the database lost: bring them back from the notice above.'}
    </p>
  );
}
