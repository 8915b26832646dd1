// Helpers for merging a snapshot into the store: structural equality, and section repair so
// that after records from two sources meet, every talk is listed exactly once, in its own post.
import { newId } from '../core/ids';
import type { Post, Talk, TalkId } from '../core/model';

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Returns the posts whose sections had to change: talks listed that aren't theirs (or twice)
 * are dropped, and their own talks missing from every section are appended to the last one.
 */
export function repairSections(posts: readonly Post[], talks: readonly Talk[]): Post[] {
  const own = new Map<string, TalkId[]>();
  for (const t of talks) own.set(t.postId, [...(own.get(t.postId) ?? []), t.id]);
  const changed: Post[] = [];
  for (const post of posts) {
    const mine = new Set(own.get(post.id) ?? []);
    const seen = new Set<TalkId>();
    let dirty = false;
    const sections = post.sections.map((s) => {
      const kept = s.talkIds.filter((id) => {
        const keep = mine.has(id) && !seen.has(id);
        seen.add(id);
        return keep;
      });
      if (kept.length !== s.talkIds.length) dirty = true;
      return { ...s, talkIds: kept };
    });
    const missing = [...mine].filter((id) => !seen.has(id));
    if (missing.length > 0) {
      dirty = true;
      if (sections.length === 0) sections.push({ id: newId('section'), title: 'Talks', talkIds: [] });
      const last = sections[sections.length - 1];
      if (last) last.talkIds.push(...missing);
    }
    if (dirty) changed.push({ ...post, sections });
  }
  return changed;
}
