// Auto-capture's per-talk choices: on or off, and the slide area of a picture-in-picture
// recording. Kept in browser.storage.local (the content script can't reach the extension's
// IndexedDB) under one key per talk, so two tabs on two talks never overwrite each other.
import type { TalkId } from '../../core/model';
import type { CropRect } from '../../core/slides';

export interface TalkPrefs {
  on: boolean;
  /** Fractions 0..1 of the video picture; null = the whole frame. */
  crop: CropRect | null;
}

export const defaultTalkPrefs: TalkPrefs = { on: false, crop: null };

/** The part of storage.local used here (a Map in tests). */
export interface PrefsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const prefsKey = (talkId: TalkId) => `autoCapture:${talkId}`;

const fraction = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;

/** A crop that is inside the frame and not degenerate (a few pixels of a 160x90 sample at least). */
export function readCrop(raw: unknown): CropRect | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { x, y, width, height } = raw as Record<string, unknown>;
  if (!fraction(x) || !fraction(y) || !fraction(width) || !fraction(height)) return null;
  if (width < 0.05 || height < 0.05 || x + width > 1.0001 || y + height > 1.0001) return null;
  return { x, y, width, height };
}

/** Whatever storage held, as prefs: anything that doesn't fit is the default. */
export function readPrefs(raw: unknown): TalkPrefs {
  if (typeof raw !== 'object' || raw === null) return defaultTalkPrefs;
  const r = raw as Record<string, unknown>;
  return { on: r.on === true, crop: readCrop(r.crop) };
}

export async function loadPrefs(area: PrefsArea, talkId: TalkId): Promise<TalkPrefs> {
  try {
    const key = prefsKey(talkId);
    return readPrefs((await area.get(key))[key]);
  } catch {
    return defaultTalkPrefs;
  }
}

export async function savePrefs(area: PrefsArea, talkId: TalkId, prefs: TalkPrefs): Promise<boolean> {
  try {
    await area.set({ [prefsKey(talkId)]: prefs });
    return true;
  } catch {
    return false;
  }
}

/** For pages where storage isn't wired (unit tests of the session): remembered for the page's life. */
export function memoryArea(): PrefsArea {
  const map = new Map<string, unknown>();
  return {
    get: async (key) => (map.has(key) ? { [key]: map.get(key) } : {}),
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) map.set(k, v);
    },
  };
}
