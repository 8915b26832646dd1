// Store failures as values the UI can show as they are. Every message says what happened and
// what the user can do; `code` lets the caller pick a behaviour (e.g. retry after "blocked").
export type StoreErrorCode =
  | 'quota'
  | 'blocked'
  | 'outdated'
  | 'not-found'
  | 'invalid'
  | 'conflict'
  | 'failed';

export interface StoreError {
  code: StoreErrorCode;
  message: string;
}

export const storeError = (code: StoreErrorCode, message: string): StoreError => ({ code, message });

export const messages = {
  quota:
    "Talkmark couldn't save: the browser's storage for it is full. Free some disk space, " +
    'or back up and delete old posts, then try again.',
  blocked:
    "Talkmark can't open its data because an older Talkmark page is still open. " +
    'Close or reload the other Talkmark tabs and windows, then try again.',
  outdated: 'Talkmark was updated while this page was open. Reload the page to keep working.',
  closed: 'Talkmark closed its data store. Reload the page to keep working.',
  pictureLost: 'it could not be stored when this slide was first sent',
} as const;

function isQuota(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, inner } = e as { name?: unknown; inner?: unknown };
  // Firefox reports quota as NS_ERROR_DOM_QUOTA_REACHED inside a generic error in some paths.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || isQuota(inner);
}

/** Maps whatever IndexedDB threw to a StoreError with a user-readable message. */
export function toStoreError(e: unknown): StoreError {
  if (isQuota(e)) return storeError('quota', messages.quota);
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  if (name === 'VersionError') return storeError('outdated', messages.outdated);
  if (name === 'InvalidStateError') return storeError('outdated', messages.closed);
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return storeError('failed', `Talkmark couldn't read or save its data (${detail}).`);
}
