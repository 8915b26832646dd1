import type { CallMessage, CallName } from './messages';
import type { Result } from './result';

const callNames: ReadonlySet<string> = new Set<CallName>([
  'openTalk',
  'joinTalk',
  'saveNote',
  'addSlide',
  'deleteNote',
  'restoreNote',
  'captureTab',
  'getImage',
  'listNotes',
  'updateTalk',
  'listPosts',
  'setActivePost',
  'createPost',
  'replaceSlideImage',
  'slideHashes',
]);

export function isCallName(value: unknown): value is CallName {
  return typeof value === 'string' && callNames.has(value);
}

/** The envelope only; each handler validates its own input. */
export function isCallMessage(value: unknown): value is CallMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return m.talkmark === 1 && isCallName(m.call) && 'input' in m;
}

export function isResult(value: unknown): value is Result<unknown, string> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (r.ok === true && 'value' in r) || (r.ok === false && typeof r.error === 'string');
}
