// Reads the settings from browser.storage.local and follows later changes (the library's
// settings page writes them).
import browser from 'webextension-polyfill';
import { pageSettingsKey, readSettings, type Settings, sharedSettingsKey } from './settings';

export async function loadSettings(): Promise<Settings> {
  try {
    const got = await browser.storage.local.get([sharedSettingsKey, pageSettingsKey]);
    return readSettings(got[sharedSettingsKey], got[pageSettingsKey]);
  } catch {
    return readSettings(undefined, undefined);
  }
}

export function watchSettings(onChange: (s: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !(sharedSettingsKey in changes || pageSettingsKey in changes)) return;
    void loadSettings().then((s) => {
      if (!signal.aborted) onChange(s);
    });
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
