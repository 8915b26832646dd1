// Back up everything to one zip; restore from one, merged into what is here or replacing it.
// A bad file is refused with the reason and changes nothing; a good one says what it did.
import { useState } from 'preact/hooks';
import type { ImportMode, ImportReport, Tally } from '../store';
import { CopyWritten } from './CopyNotice';
import type { Shell } from './shell';

const line = (what: string, t: Tally) =>
  `${what}: ${t.added} added, ${t.updated} updated, ${t.unchanged} unchanged${t.keptLocal ? `, ${t.keptLocal} kept (yours were newer)` : ''}`;

export function describeReport(r: ImportReport): string[] {
  const lines = [
    line('Posts', r.posts),
    line('Talks', r.talks),
    line('Notes', r.notes),
    line('Images', r.images),
  ];
  if (r.mode === 'replace')
    lines.push(
      `Replaced ${r.removed.posts} posts, ${r.removed.talks} talks, ${r.removed.notes} notes that were here.`,
    );
  if (r.repairedPosts) lines.push(`${r.repairedPosts} posts had their sections tidied up.`);
  return lines;
}

export function BackupView({ shell }: { shell: Shell }) {
  const { api, notify } = shell;
  const [mode, setMode] = useState<ImportMode>('merge');
  const [result, setResult] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const backUp = async () => {
    const r = await api.backUp();
    notify(
      r.ok
        ? { text: `Backed up ${r.value.notes} notes and ${r.value.images} images as ${r.value.name}.` }
        : { text: r.error, kind: 'error' },
    );
  };
  const restore = async (file: File) => {
    if (mode === 'replace' && !window.confirm('Replace everything in Talkmark with this backup?')) return;
    setBusy(true);
    const r = await api.restore(file, mode);
    setBusy(false);
    setResult(
      r.ok
        ? { ok: true, lines: describeReport(r.value) }
        : { ok: false, lines: [r.error, 'Nothing was changed.'] },
    );
  };

  return (
    <section aria-labelledby="backup-h">
      <h1 id="backup-h">Back up and restore</h1>
      <p>Your notes live in this browser. Uninstalling Talkmark deletes them: back up to keep a copy.</p>
      <CopyWritten shell={shell} />
      <p>
        <button type="button" class="primary back-up" onClick={() => void backUp()}>
          Back up everything
        </button>
      </p>
      <h2>Restore</h2>
      <fieldset class="restore-mode">
        <legend>What to do with what is already here</legend>
        <label class="check">
          <input
            type="radio"
            name="mode"
            value="merge"
            checked={mode === 'merge'}
            onChange={() => setMode('merge')}
          />{' '}
          Merge (keep both; the newer edit of a note wins)
        </label>
        <label class="check">
          <input
            type="radio"
            name="mode"
            value="replace"
            checked={mode === 'replace'}
            onChange={() => setMode('replace')}
          />{' '}
          Replace everything with the backup
        </label>
      </fieldset>
      <label class="field">
        <span>Backup file</span>
        <input
          type="file"
          class="restore-file"
          accept=".zip,application/zip"
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void restore(file);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {busy && <p role="status">Restoring…</p>}
      {result && (
        <div class={`restore-result ${result.ok ? 'ok' : 'error'}`} role={result.ok ? 'status' : 'alert'}>
          <p>{result.ok ? 'Restored.' : 'Not restored.'}</p>
          <ul>
            {result.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
