import { type CallMessage, type CallName, resendable } from './messages';
import type { Result } from './result';

// Every call, from the map that must name each one (a new call can't be left out here).
const callNames: ReadonlySet<string> = new Set(Object.keys(resendable));

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
