// Reads the settings from browser.storage.local and follows later changes (the library's
// settings page writes them).
import browser from 'webextension-polyfill';
import { readSettings, type Settings, settingsKey } from './settings';

export async function loadSettings(): Promise<Settings> {
  try {
    const got = await browser.storage.local.get(settingsKey);
    return readSettings(got[settingsKey]);
  } catch {
    return readSettings(undefined);
  }
}

export function watchSettings(onChange: (s: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[settingsKey];
    if (area === 'local' && change) onChange(readSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
