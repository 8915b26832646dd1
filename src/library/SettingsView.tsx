// Settings, saved as they change, in browser.storage.local under "settings": the video page
// reads the capture and auto-capture ones, the export dialog starts from the export ones.
import { useEffect, useState } from 'preact/hooks';
import { exportFormatLabels, exportFormats } from '../core/export/types';
import {
  type CaptureMime,
  captureMimes,
  exportImageFormatLabels,
  exportImageFormats,
  type Sensitivity,
  type Settings,
  sensitivities,
} from '../ui/settings';
import { useWriteThrough } from '../ui/useWriteThrough';
import { SelectField } from './SelectField';
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

const sensitivityNames: Record<Sensitivity, string> = {
  low: 'Low (only clear slide changes)',
  normal: 'Normal',
  high: 'High (small builds too)',
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
        <SelectField
          label="Slide format"
          name="captureFormat"
          value={s.captureFormat}
          options={captureMimes}
          labels={mimeNames}
          onChange={(v) => set('captureFormat', v)}
        />
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
        <SelectField
          label="Auto-capture sensitivity"
          name="autoCaptureSensitivity"
          value={s.autoCaptureSensitivity}
          options={sensitivities}
          labels={sensitivityNames}
          onChange={(v) => set('autoCaptureSensitivity', v)}
        />
        <h2>Export defaults</h2>
        <SelectField
          label="Format"
          name="exportFormat"
          value={s.exportFormat}
          options={exportFormats}
          labels={exportFormatLabels}
          onChange={(v) => set('exportFormat', v)}
        />
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
        <label class="field">
          <span>Figure title template</span>
          <input
            name="exportFigureTitleTemplate"
            value={s.exportFigureTitleTemplate}
            aria-describedby="figure-title-template-help"
            onInput={(e) => set('exportFigureTitleTemplate', e.currentTarget.value)}
          />
          <small id="figure-title-template-help" class="muted">
            {
              '{event} (the channel) {label} {talk} {speaker} {slide} (the caption, else the slide’s title) {time}'
            }
          </small>
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
        <label class="check">
          <input
            type="checkbox"
            name="exportLiveNotes"
            checked={s.exportLiveNotes}
            onChange={(e) => set('exportLiveNotes', e.currentTarget.checked)}
          />{' '}
          Live notes: Hugo shortcodes, Liquid and HTML in notes run (off: they show as typed)
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="exportChapterHeadings"
            checked={s.exportChapterHeadings}
            onChange={(e) => set('exportChapterHeadings', e.currentTarget.checked)}
          />{' '}
          A talk’s chapters as sub-headings (when it has chapters)
        </label>
        <SelectField
          label="Slides in exports"
          name="exportImageFormat"
          value={s.exportImageFormat}
          options={exportImageFormats}
          labels={exportImageFormatLabels}
          onChange={(v) => set('exportImageFormat', v)}
        />
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
