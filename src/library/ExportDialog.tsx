// Export: format, options, a live preview (sandboxed: no scripts can run in it; images as
// blob: URLs), then a zip download or, where the browser can, straight into a
// folder of the user's site — asking before anything already there is overwritten.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExportFormat, ExportOptions } from '../core/export';
import { exportFormatLabels, exportFormats } from '../core/export/types';
import type { Post } from '../core/model';
import { exportImageFormatLabels, exportImageFormats, type Settings } from '../ui/settings';
import type { ExportRequest, ImageExport } from './api';
import { SelectField } from './SelectField';
import type { Shell } from './shell';

/** Slides fit the preview's width; the text reads like a blog post. */
const previewStyle =
  '<style>body{font:15px/1.55 system-ui,sans-serif;margin:12px;color:#16181b;background:#fff}img{max-width:100%;height:auto}</style>';

export const imagesFrom = (s: Settings): ImageExport => ({
  format: s.exportImageFormat,
  maxWidth: s.exportImageMaxWidth,
  quality: s.exportImageQuality,
});

export function optionsFrom(s: Settings): Partial<ExportOptions> {
  return {
    author: s.exportAuthor,
    figureWidth: s.exportFigureWidth,
    timestampLinks: s.exportTimestampLinks,
    toc: s.exportToc,
    headingTemplate: s.exportHeadingTemplate,
    recordingLinkText: s.exportRecordingLinkText,
    liveNotes: s.exportLiveNotes,
    figureTitleTemplate: s.exportFigureTitleTemplate,
    chapterHeadings: s.exportChapterHeadings,
  };
}

export function ExportDialog({ shell, post, onClose }: { shell: Shell; post: Post; onClose(): void }) {
  const { api, notify, version } = shell;
  const [format, setFormat] = useState<ExportFormat>('hugo');
  const [options, setOptions] = useState<Partial<ExportOptions>>({});
  const [images, setImages] = useState<ImageExport>({ format: 'keep', maxWidth: 0, quality: 0.85 });
  const [html, setHtml] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<string[] | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    void api.loadSettings().then((s) => {
      setFormat(s.exportFormat);
      setOptions(optionsFrom(s));
      setImages(imagesFrom(s));
    });
  }, [api]);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal?.();
  }, []);
  const request: ExportRequest = { postId: post.id, format, options, images };
  useEffect(() => {
    void api
      .exportPreview({ postId: post.id, format, options })
      .then((r) => setHtml(r.ok ? r.value : `<p>${r.error}</p>`));
  }, [api, post.id, format, options, version]);

  // Functional updates: two quick edits in one task must not undo each other.
  const set = (patch: Partial<ExportOptions>) => setOptions((cur) => ({ ...cur, ...patch }));
  const zip = async () => {
    setBusy(true);
    const r = await api.exportZip(request);
    setBusy(false);
    notify(
      r.ok
        ? { text: `Exported ${r.value.files} files as ${r.value.name}.` }
        : { text: r.error, kind: 'error' },
    );
  };
  const folder = async (overwrite: boolean) => {
    if (!api.exportToFolder) return;
    setBusy(true);
    const r = await api.exportToFolder(request, overwrite);
    setBusy(false);
    if (!r.ok) return notify({ text: r.error, kind: 'error' });
    if ('exists' in r.value) return setConflict(r.value.exists);
    setConflict(null);
    notify({ text: `Wrote ${r.value.written} files into “${r.value.folder}”.` });
  };

  return (
    <dialog ref={dialog} class="export-dialog" aria-labelledby="export-h" onCancel={onClose}>
      <h2 id="export-h">Export “{post.title}”</h2>
      <div class="export-grid">
        <form class="export-options" onSubmit={(e) => e.preventDefault()}>
          <SelectField
            label="Format"
            name="format"
            value={format}
            options={exportFormats}
            labels={exportFormatLabels}
            onChange={setFormat}
          />
          <label class="check">
            <input
              type="checkbox"
              name="timestampLinks"
              checked={options.timestampLinks ?? false}
              onChange={(e) => set({ timestampLinks: e.currentTarget.checked })}
            />{' '}
            Link every note to its moment
          </label>
          <label class="check">
            <input
              type="checkbox"
              name="toc"
              checked={options.toc ?? true}
              onChange={(e) => set({ toc: e.currentTarget.checked })}
            />{' '}
            Table of contents (Hugo)
          </label>
          <label class="check">
            <input
              type="checkbox"
              name="chapterHeadings"
              checked={options.chapterHeadings ?? true}
              onChange={(e) => set({ chapterHeadings: e.currentTarget.checked })}
            />{' '}
            Chapters as sub-headings (talks that have chapters)
          </label>
          <label class="field">
            <span>Figure title</span>
            <input
              name="figureTitleTemplate"
              value={options.figureTitleTemplate ?? ''}
              aria-describedby="figure-title-help"
              onInput={(e) => set({ figureTitleTemplate: e.currentTarget.value })}
            />
            <small id="figure-title-help" class="muted">
              {'{event} {label} {talk} {speaker} {slide} {time}; a [part] with an empty one is left out'}
            </small>
          </label>
          <label class="field">
            <span>Figure width</span>
            <input
              name="figureWidth"
              value={options.figureWidth ?? ''}
              onInput={(e) => set({ figureWidth: e.currentTarget.value })}
            />
          </label>
          <label class="field">
            <span>Author when the post has none</span>
            <input
              name="author"
              value={options.author ?? ''}
              onInput={(e) => set({ author: e.currentTarget.value })}
            />
          </label>
          <p class="notes-mode muted">
            {options.liveNotes
              ? 'Notes are live: shortcodes, Liquid and HTML in them run (change in Settings).'
              : 'Notes show as typed: shortcodes, Liquid and HTML in them appear as text (change in Settings).'}
          </p>
          <SelectField
            label="Slides"
            name="imageFormat"
            value={images.format}
            options={exportImageFormats}
            labels={exportImageFormatLabels}
            onChange={(format) => setImages((cur) => ({ ...cur, format }))}
          />
          <label class="field">
            <span>Slide width at most (px, 0 keeps it)</span>
            <input
              name="imageMaxWidth"
              type="number"
              min={0}
              max={7680}
              step={10}
              value={images.maxWidth}
              onInput={(e) => {
                const maxWidth = Math.max(0, Number(e.currentTarget.value) || 0);
                setImages((cur) => ({ ...cur, maxWidth }));
              }}
            />
          </label>
          <div class="export-actions">
            <button type="button" class="primary export-zip" disabled={busy} onClick={() => void zip()}>
              Download zip
            </button>
            {api.exportToFolder ? (
              <button type="button" class="export-folder" disabled={busy} onClick={() => void folder(false)}>
                Write into a folder…
              </button>
            ) : (
              <p class="muted">This browser can’t write into a folder: use the zip.</p>
            )}
            <button type="button" class="close-export" onClick={onClose}>
              Close
            </button>
          </div>
          {conflict && (
            <div class="conflict" role="alert">
              <p>These files are already in the folder and would be replaced:</p>
              <ul>
                {conflict.slice(0, 5).map((f) => (
                  <li key={f}>{f}</li>
                ))}
                {conflict.length > 5 && <li>… and {conflict.length - 5} more</li>}
              </ul>
              <button type="button" class="danger overwrite" onClick={() => void folder(true)}>
                Replace them
              </button>{' '}
              <button type="button" onClick={() => setConflict(null)}>
                Keep them
              </button>
            </div>
          )}
        </form>
        {/* No allow-scripts: nothing in the preview can run (the HTML is commonmark's safe
            output, and the page's CSP applies to srcdoc too). allow-same-origin only so the
            slides' blob: URLs load: Chromium refuses them to an opaque-origin frame. */}
        <iframe
          class="preview"
          title="Preview of the exported post"
          sandbox="allow-same-origin"
          srcdoc={previewStyle + (html ?? '<p>Rendering…</p>')}
        />
      </div>
    </dialog>
  );
}
