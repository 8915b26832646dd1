// Settings, saved as they change, in browser.storage.local under "settings": the video page
// reads the capture and auto-capture ones, the export dialog starts from the export ones.
import { useEffect, useState } from 'preact/hooks';
import type { ExportFormat } from '../core/export';
import { exportFormats } from '../core/export/types';
import {
  type CaptureMime,
  captureMimes,
  type ExportImageFormat,
  exportImageFormatLabels,
  exportImageFormats,
  type Sensitivity,
  type Settings,
  sensitivities,
} from '../ui/settings';
import { useWriteThrough } from '../ui/useWriteThrough';
import type { Shell } from './shell';

/** The in-page keys (src/content/keys.ts) and what they do. */
export const keyHelp: Array<[string, string]> = [
  ['n', 'a note at the current moment'],
  ['s', 'capture the slide on screen'],
  ['q', 'quote the caption on screen'],
  ['h', 'hide or show the panel'],
];

const mimeNames: Record<CaptureMime, string> = {
  'image/jpeg': 'JPEG (fastest)',
  'image/webp': 'WebP (smallest)',
  'image/png': 'PNG (lossless)',
};

export function SettingsView({ shell }: { shell: Shell }) {
  const { api, notify } = shell;
  const [s, setS] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => void api.loadSettings().then(setS), [api]);
  const saver = useWriteThrough((next: Settings) => {
    void api
      .saveSettings(next)
      .then((r) => (r.ok ? setSaved(true) : notify({ text: r.error, kind: 'error' })));
  });
  if (!s) return <p>Loading…</p>;
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    const next = { ...s, [key]: value };
    setS(next);
    setSaved(false);
    saver(next);
  };

  return (
    <section aria-labelledby="settings-h" class="settings">
      <h1 id="settings-h">Settings</h1>
      <h2>Keys</h2>
      <p>On a video page, when you are not typing in the page:</p>
      <table class="keys">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {keyHelp.map(([k, what]) => (
            <tr key={k}>
              <td>
                <kbd>{k}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        The same actions are browser shortcuts (Alt+Shift+N, Alt+Shift+S, Alt+Shift+Q). Change them in Chrome
        at chrome://extensions/shortcuts, in Firefox under Manage Extension Shortcuts.
      </p>
      <form onSubmit={(e) => e.preventDefault()}>
        <h2>Capture</h2>
        <label class="field">
          <span>Slide format</span>
          <select
            name="captureFormat"
            value={s.captureFormat}
            onChange={(e) => set('captureFormat', e.currentTarget.value as CaptureMime)}
          >
            {captureMimes.map((m) => (
              <option key={m} value={m}>
                {mimeNames[m]}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>Quality ({Math.round(s.captureQuality * 100)}%)</span>
          <input
            type="range"
            name="captureQuality"
            min={50}
            max={100}
            value={Math.round(s.captureQuality * 100)}
            onInput={(e) => set('captureQuality', Number(e.currentTarget.value) / 100)}
          />
        </label>
        <label class="field">
          <span>Largest slide width (px)</span>
          <input
            type="number"
            name="captureMaxWidth"
            min={320}
            max={7680}
            step={10}
            value={s.captureMaxWidth}
            onChange={(e) => set('captureMaxWidth', Number(e.currentTarget.value))}
          />
        </label>
        <label class="field">
          <span>Auto-capture sensitivity</span>
          <select
            name="autoCaptureSensitivity"
            value={s.autoCaptureSensitivity}
            onChange={(e) => set('autoCaptureSensitivity', e.currentTarget.value as Sensitivity)}
          >
            {sensitivities.map((v) => (
              <option key={v} value={v}>
                {v === 'low'
                  ? 'Low (only clear slide changes)'
                  : v === 'high'
                    ? 'High (small builds too)'
                    : 'Normal'}
              </option>
            ))}
          </select>
        </label>
        <h2>Export defaults</h2>
        <label class="field">
          <span>Format</span>
          <select
            name="exportFormat"
            value={s.exportFormat}
            onChange={(e) => set('exportFormat', e.currentTarget.value as ExportFormat)}
          >
            {exportFormats.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>Author</span>
          <input
            name="exportAuthor"
            value={s.exportAuthor}
            onInput={(e) => set('exportAuthor', e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>Figure width</span>
          <input
            name="exportFigureWidth"
            value={s.exportFigureWidth}
            onInput={(e) => set('exportFigureWidth', e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>Talk heading template</span>
          <input
            name="exportHeadingTemplate"
            value={s.exportHeadingTemplate}
            onInput={(e) => set('exportHeadingTemplate', e.currentTarget.value)}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="exportTimestampLinks"
            checked={s.exportTimestampLinks}
            onChange={(e) => set('exportTimestampLinks', e.currentTarget.checked)}
          />{' '}
          Link every note to its moment
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="exportToc"
            checked={s.exportToc}
            onChange={(e) => set('exportToc', e.currentTarget.checked)}
          />{' '}
          Table of contents (Hugo)
        </label>
        <label class="field">
          <span>Slides in exports</span>
          <select
            name="exportImageFormat"
            value={s.exportImageFormat}
            onChange={(e) => set('exportImageFormat', e.currentTarget.value as ExportImageFormat)}
          >
            {exportImageFormats.map((f) => (
              <option key={f} value={f}>
                {exportImageFormatLabels[f]}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>Slide width in exports at most (px, 0 keeps it)</span>
          <input
            name="exportImageMaxWidth"
            type="number"
            min={0}
            max={7680}
            step={10}
            value={s.exportImageMaxWidth}
            onInput={(e) => set('exportImageMaxWidth', Math.max(0, Number(e.currentTarget.value) || 0))}
          />
        </label>
      </form>
      <p role="status" class="ok">
        {saved ? 'Saved.' : ''}
      </p>
    </section>
  );
}
