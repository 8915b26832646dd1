// User settings, typed from their defaults and kept in browser.storage.local under one key,
// so every context (the content script included, which can't read the extension's
// IndexedDB) reads the same values. Anything stored that doesn't fit falls back to its
// default field by field: a bad value never breaks a page.
import { defaultExportOptions, type ExportFormat, exportFormats } from '../core/export/types';

export type CaptureMime = 'image/jpeg' | 'image/webp' | 'image/png';
export type Sensitivity = 'low' | 'normal' | 'high';

export const captureMimes: readonly CaptureMime[] = ['image/jpeg', 'image/webp', 'image/png'];
/** Slides in an export: as captured, or re-encoded to one format. */
export type ExportImageFormat = 'keep' | CaptureMime;
export const exportImageFormats: readonly ExportImageFormat[] = ['keep', ...captureMimes];
/** How the export's slide formats are named in the export dialog and the settings. */
export const exportImageFormatLabels: Record<ExportImageFormat, string> = {
  keep: 'As captured',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/png': 'PNG',
};
export const sensitivities: readonly Sensitivity[] = ['low', 'normal', 'high'];

export const defaultSettings = {
  captureFormat: 'image/jpeg' as CaptureMime,
  /** 0.5–1, for JPEG and WebP. */
  captureQuality: 0.9,
  /** Slides wider than this are scaled down (px). */
  captureMaxWidth: 1920,
  autoCaptureSensitivity: 'normal' as Sensitivity,
  exportFormat: 'hugo' as ExportFormat,
  exportAuthor: defaultExportOptions.author,
  exportFigureWidth: defaultExportOptions.figureWidth,
  exportTimestampLinks: defaultExportOptions.timestampLinks,
  exportToc: defaultExportOptions.toc,
  exportHeadingTemplate: defaultExportOptions.headingTemplate,
  exportRecordingLinkText: defaultExportOptions.recordingLinkText,
  /** Off: notes export as typed; on: shortcodes, Liquid and HTML in notes run (power users). */
  exportLiveNotes: defaultExportOptions.liveNotes,
  exportFigureTitleTemplate: defaultExportOptions.figureTitleTemplate,
  exportChapterHeadings: defaultExportOptions.chapterHeadings,
  exportImageFormat: 'keep' as ExportImageFormat,
  /** Slides wider than this are scaled down in the export (px); 0 keeps their size. */
  exportImageMaxWidth: 0,
  /** 0.5–1, when slides are re-encoded as JPEG or WebP. */
  exportImageQuality: 0.85,
};

export type Settings = typeof defaultSettings;

export const SETTINGS_KEY = 'settings';
/** Bumped with each entry of `migrations`; stored beside the settings. */
export const SETTINGS_VERSION = 1;

/**
 * Steps from stored version i to i+1, run once in order when settings are read. Empty while
 * version 1 is the only one; a renamed field gets its step here.
 */
const migrations: Array<(raw: Record<string, unknown>) => Record<string, unknown>> = [];

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function pick<K extends keyof Settings>(
  raw: Record<string, unknown>,
  key: K,
  ok: (v: unknown) => boolean,
): Settings[K] {
  const v = raw[key];
  return ok(v) ? (v as Settings[K]) : defaultSettings[key];
}

const num = (min: number, max: number) => (v: unknown) => typeof v === 'number' && v >= min && v <= max;
const str = (max: number) => (v: unknown) => typeof v === 'string' && v.length <= max;
const bool = (v: unknown) => typeof v === 'boolean';
const oneOf = (list: readonly string[]) => (v: unknown) => typeof v === 'string' && list.includes(v);

/** The settings in `raw` (whatever storage held), each bad or missing field at its default. */
export function readSettings(stored: unknown): Settings {
  let raw = isObject(stored) ? stored : {};
  const from = typeof raw.version === 'number' ? raw.version : SETTINGS_VERSION;
  for (let v = from; v < SETTINGS_VERSION; v++) raw = migrations[v - 1]?.(raw) ?? raw;
  return {
    captureFormat: pick(raw, 'captureFormat', oneOf(captureMimes)),
    captureQuality: pick(raw, 'captureQuality', num(0.5, 1)),
    captureMaxWidth: pick(raw, 'captureMaxWidth', num(320, 7680)),
    autoCaptureSensitivity: pick(raw, 'autoCaptureSensitivity', oneOf(sensitivities)),
    exportFormat: pick(raw, 'exportFormat', oneOf(exportFormats)),
    exportAuthor: pick(raw, 'exportAuthor', str(200)),
    exportFigureWidth: pick(raw, 'exportFigureWidth', str(20)),
    exportTimestampLinks: pick(raw, 'exportTimestampLinks', bool),
    exportToc: pick(raw, 'exportToc', bool),
    exportHeadingTemplate: pick(raw, 'exportHeadingTemplate', str(200)),
    exportRecordingLinkText: pick(raw, 'exportRecordingLinkText', str(200)),
    exportLiveNotes: pick(raw, 'exportLiveNotes', bool),
    exportFigureTitleTemplate: pick(raw, 'exportFigureTitleTemplate', str(200)),
    exportChapterHeadings: pick(raw, 'exportChapterHeadings', bool),
    exportImageFormat: pick(raw, 'exportImageFormat', oneOf(exportImageFormats)),
    exportImageMaxWidth: pick(raw, 'exportImageMaxWidth', (v) => v === 0 || num(160, 7680)(v)),
    exportImageQuality: pick(raw, 'exportImageQuality', num(0.5, 1)),
  };
}

/** The part of browser.storage.local that settings use (a fake in tests). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadSettings(area: KeyValueArea): Promise<Settings> {
  const got = await area.get(SETTINGS_KEY);
  return readSettings(got[SETTINGS_KEY]);
}

export async function saveSettings(area: KeyValueArea, settings: Settings): Promise<Settings> {
  const clean = readSettings(settings);
  await area.set({ [SETTINGS_KEY]: { ...clean, version: SETTINGS_VERSION } });
  return clean;
}
