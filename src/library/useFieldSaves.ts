// Write-through for the post's fields, one queue per field (core/latest-saver): an edit is
// sent at once when that field has no save in flight, and while one is, only its latest
// text follows, as soon as the store answers. No save waits for a pause, and each carries
// only its own field, so fields typed one after the other never overwrite each other.
// It also says which fields must not be redrawn from the store: those with text not yet
// confirmed stored, and those whose last save is newer than the post being shown (a reload
// read before that save committed can answer after it).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { latestSaver } from '../core/latest-saver';
import type { Post } from '../core/model';
import type { PostPatch } from '../core/validate-patch';
import type { Outcome } from './api';
import { type Draft, type FieldKey, fieldKeys, patchOf } from './post-fields';

export interface FieldSaves {
  /** Saves `field` as `draft` shows it. */
  edit(field: FieldKey, draft: Draft): void;
  /** Whether `post` may replace what the editor shows for `field`. */
  mayRedraw(field: FieldKey, post: Post): boolean;
  /** Why a field isn't stored as shown (refused, or not saveable yet), by field. */
  problems: Partial<Record<FieldKey, string>>;
}

export function useFieldSaves(save: (patch: PostPatch) => Promise<Outcome<Post>>): FieldSaves {
  const latest = useRef(save);
  latest.current = save;
  const [problems, setProblems] = useState<Partial<Record<FieldKey, string>>>({});

  const saves = useMemo(() => {
    const problem = (field: FieldKey, text: string | undefined) =>
      setProblems((p) => (p[field] === text ? p : { ...p, [field]: text }));
    /** Edits given per field; an answer counts only when it is for the latest one. */
    const given = new Map<FieldKey, number>();
    /** Fields whose latest text is not confirmed stored yet. */
    const unconfirmed = new Set<FieldKey>();
    /** The post's updatedAt after each field's last confirmed save. */
    const savedAt = new Map<FieldKey, string>();

    const queues = new Map(
      fieldKeys.map((field) => [
        field,
        latestSaver(async ({ patch, seq }: { patch: PostPatch; seq: number }) => {
          const r = await latest.current(patch);
          if (seq !== given.get(field)) return r;
          if (r.ok) {
            unconfirmed.delete(field);
            savedAt.set(field, r.value.updatedAt);
            problem(field, undefined);
          } else {
            problem(field, r.error);
          }
          return r;
        }),
      ]),
    );

    return {
      edit(field: FieldKey, draft: Draft) {
        const seq = (given.get(field) ?? 0) + 1;
        given.set(field, seq);
        unconfirmed.add(field);
        const queue = queues.get(field);
        const next = patchOf(field, draft);
        if (!next.ok) {
          // Not saveable as it stands (a date typed in part): nothing is sent, and an older
          // text still waiting is not sent either; the box keeps what was typed.
          queue?.cancel();
          problem(field, next.problem);
          return;
        }
        queue?.({ patch: next.patch, seq });
      },
      mayRedraw(field: FieldKey, post: Post) {
        if (unconfirmed.has(field)) return false;
        const at = savedAt.get(field);
        return !at || post.updatedAt >= at;
      },
      flush() {
        for (const queue of queues.values()) queue.flush();
      },
    };
  }, []);

  useEffect(() => {
    const flush = () => saves.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      saves.flush();
    };
  }, [saves]);

  return { edit: saves.edit, mayRedraw: saves.mayRedraw, problems };
}
