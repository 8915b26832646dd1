// The export module's public API: exporters, zip, preview.
export { exportPost, exportPosts } from './export-post';
export { renderPreviewHtml } from './preview';
export {
  defaultExportOptions,
  type ExportFile,
  type ExportFormat,
  type ExportOptions,
  exportFormats,
} from './types';
export { type ZipOptions, zipChunks, zipFiles, zipToBytes } from './zip';
