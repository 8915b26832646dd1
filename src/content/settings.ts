// The settings the video page uses, typed from their defaults. Capture format, quality, width
// and auto-capture's sensitivity are the shared settings (src/ui/settings.ts, key "settings",
// edited in the library); the two that only the page uses live beside them under their own
// key, so a save of the shared settings (which keeps only the fields it knows) can't wipe them.
import { readSettings as readShared, defaultSettings as shared } from '../ui/settings';

export const defaultPageSettings = {
  /** Pause the video while a new note is typed, and play on when it is saved. */
  pauseWhileTyping: false,
  /** The single-letter keys n, s, q, h on the page (browser shortcuts work either way). */
  inPageKeys: true,
};

export const pageSettingsKey = 'pageSettings';
export { SETTINGS_KEY as sharedSettingsKey } from '../ui/settings';

export const defaultSettings = {
  captureFormat: shared.captureFormat,
  captureQuality: shared.captureQuality,
  captureMaxWidth: shared.captureMaxWidth,
  autoCaptureSensitivity: shared.autoCaptureSensitivity,
  ...defaultPageSettings,
};

export type Settings = typeof defaultSettings;

/** Both stored values as storage held them; each bad or missing field falls back to its default. */
export function readSettings(sharedRaw: unknown, pageRaw: unknown): Settings {
  const s = readShared(sharedRaw);
  const p = typeof pageRaw === 'object' && pageRaw !== null ? (pageRaw as Record<string, unknown>) : {};
  return {
    captureFormat: s.captureFormat,
    captureQuality: s.captureQuality,
    captureMaxWidth: s.captureMaxWidth,
    autoCaptureSensitivity: s.autoCaptureSensitivity,
    pauseWhileTyping:
      typeof p.pauseWhileTyping === 'boolean' ? p.pauseWhileTyping : defaultPageSettings.pauseWhileTyping,
    inPageKeys: typeof p.inPageKeys === 'boolean' ? p.inPageKeys : defaultPageSettings.inPageKeys,
  };
}
