// Change announcements: after every committed write the store posts what changed on one
// BroadcastChannel, so every view in the extension origin (popup, library, background, which
// forwards to the tabs' panels) stays current without polling.
import type { ImageId, NoteId, PostId, TalkId } from '../core/model';

export const CHANGES_CHANNEL = 'talkmark-changes';

export type Op = 'put' | 'delete';

export type Change =
  | { type: 'post'; op: Op; id: PostId }
  | { type: 'talk'; op: Op; id: TalkId; postId: PostId }
  | { type: 'note'; op: Op; id: NoteId; talkId: TalkId }
  | { type: 'image'; op: Op; id: ImageId }
  | { type: 'kv'; key: string }
  /** Many records changed at once (an import): reload everything. */
  | { type: 'reset' };

/** One message per committed transaction. */
export interface ChangeMessage {
  changes: Change[];
}

const types = new Set(['post', 'talk', 'note', 'image', 'kv', 'reset']);

function isChangeMessage(data: unknown): data is ChangeMessage {
  if (typeof data !== 'object' || data === null) return false;
  const changes = (data as { changes?: unknown }).changes;
  return (
    Array.isArray(changes) &&
    changes.every(
      (c) => typeof c === 'object' && c !== null && types.has((c as { type?: unknown }).type as string),
    )
  );
}

/** Posts change batches for one store instance; the channel is opened on first use. */
export class Announcer {
  private channel: BroadcastChannel | undefined;

  announce(changes: Change[]): void {
    if (changes.length === 0) return;
    this.channel ??= new BroadcastChannel(CHANGES_CHANNEL);
    this.channel.postMessage({ changes } satisfies ChangeMessage);
  }

  close(): void {
    this.channel?.close();
    this.channel = undefined;
  }
}

/**
 * Calls `listener` with every batch of changes written by any store in the extension origin
 * (this page's own writes included). Returns the function that unsubscribes.
 */
export function onChange(listener: (changes: readonly Change[]) => void): () => void {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isChangeMessage(event.data)) listener(event.data.changes);
  };
  return () => channel.close();
}
