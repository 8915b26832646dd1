// The user's settings for the video page, typed from their defaults. They live in
// browser.storage.local under one key; anything missing or of the wrong type falls back to
// its default, so an old or hand-edited value can never break the page.
import type { ImageMime } from '../core/model';

export const defaultSettings = {
  /** How slide captures are encoded: JPEG is several times faster to encode than WebP. */
  captureFormat: 'image/jpeg' as ImageMime,
  /** 0..1, for JPEG and WebP. */
  captureQuality: 0.9,
  /** Wider frames are scaled down to this many pixels (1080p slides stay sharp at 1920). */
  captureMaxWidth: 1920,
  /** Pause the video while a note is being typed, and play on when it is saved. */
  pauseWhileTyping: false,
  /** The single-letter keys n, s, q, h on the page (browser shortcuts work either way). */
  inPageKeys: true,
};

export type Settings = typeof defaultSettings;
export const settingsKey = 'settings';

const formats: readonly ImageMime[] = ['image/jpeg', 'image/webp', 'image/png'];

export function readSettings(raw: unknown): Settings {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const s: Settings = { ...defaultSettings };
  if (formats.includes(o.captureFormat as ImageMime)) s.captureFormat = o.captureFormat as ImageMime;
  const q = o.captureQuality;
  if (typeof q === 'number' && q >= 0.1 && q <= 1) s.captureQuality = q;
  const w = o.captureMaxWidth;
  if (typeof w === 'number' && Number.isInteger(w) && w >= 160 && w <= 7680) s.captureMaxWidth = w;
  if (typeof o.pauseWhileTyping === 'boolean') s.pauseWhileTyping = o.pauseWhileTyping;
  if (typeof o.inPageKeys === 'boolean') s.inPageKeys = o.inPageKeys;
  return s;
}
