// Write-through that never waits for the typist to pause. An edit is sent at once when no save
// is in flight; while one is, later edits are coalesced and only the latest is sent, as soon as
// the one in flight answers. So during fluent typing the store is one round trip (a few ms)
// behind the keyboard, in every browser, and no save depends on `pagehide` (Firefox drops the
// message sent from it as a tab closes; a crashed browser runs no pagehide at all).
// One save in flight at a time also keeps the writes in order: an older text can't land after
// a newer one, and an answer to an older text is flagged as stale so it isn't shown over it.
// A sender that may vanish mid-keystroke (a tab's content script) sends every edit at once
// instead (`concurrent`), and its receiver keeps the order.

export interface LatestSaver<T, R> {
  /** Saves `value`: now, or as soon as the save in flight answers (replacing any not yet sent). */
  (value: T): void;
  /**
   * Sends the edit not yet sent now, even with a save in flight (the page is going away and
   * may not live to see the answer). The receiver keeps the order (see handlers' saveNote).
   */
  flush(): void;
  /** Forgets the edit not yet sent (the note is being deleted). */
  cancel(): void;
  /** Resolves once everything given so far has been answered, with the last answer. */
  settled(): Promise<R | undefined>;
  /** Whether a save is in flight or waiting. */
  busy(): boolean;
}

export interface LatestSaverOptions<R> {
  /** Every answer; `latest` is false when a newer value was given since this one was sent. */
  onAnswer?(answer: R, latest: boolean): void;
  /**
   * When `send` returns no promise (fire and forget), how long a send counts as in flight:
   * a throttle that sends the first edit at once and the latest at most this long after.
   */
  throttleMs?: number;
  /**
   * Sends every value at once, without waiting for the save in flight. For a page that may be
   * closed at any moment (a tab's content script): an edit held back until an answer comes is
   * lost when the tab closes first, and Firefox drops what a closing page sends. The receiver
   * must keep a key's saves in the order sent (the background's saveNote does, and skips those
   * overtaken while waiting).
   */
  concurrent?: boolean;
}

export function latestSaver<T, R = unknown>(
  send: (value: T) => Promise<R> | R | undefined,
  options: LatestSaverOptions<R> = {},
): LatestSaver<T, R> {
  const throttleMs = options.throttleMs ?? 250;
  let inFlight = 0;
  let pending: { value: T } | undefined;
  /** Counts values given, so an answer knows whether it is for the newest one. */
  let given = 0;
  let lastAnswer: R | undefined;
  let waiters: Array<(r: R | undefined) => void> = [];

  const idle = () => inFlight === 0 && !pending;
  const wake = () => {
    if (!idle()) return;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve(lastAnswer);
  };

  const answered = (seq: number, answer: R | undefined, real: boolean) => {
    inFlight--;
    lastAnswer = answer;
    if (real) options.onAnswer?.(answer as R, seq === given);
    if (pending && inFlight === 0) fire();
    else wake();
  };

  const fire = () => {
    if (!pending) return;
    const { value } = pending;
    pending = undefined;
    const seq = given;
    inFlight++;
    let out: Promise<R> | R | undefined;
    try {
      out = send(value);
    } catch (e) {
      out = Promise.reject(e);
    }
    if (out instanceof Promise) {
      out.then(
        (answer) => answered(seq, answer, true),
        // A save that threw is the caller's to report; the queue must keep moving.
        () => answered(seq, undefined, false),
      );
    } else {
      const answer = out;
      setTimeout(() => answered(seq, answer, true), throttleMs);
    }
  };

  const saver = (value: T) => {
    given++;
    pending = { value };
    if (inFlight === 0 || options.concurrent) fire();
  };
  saver.flush = () => {
    if (pending) fire();
  };
  saver.cancel = () => {
    pending = undefined;
    wake();
  };
  saver.settled = () =>
    idle() ? Promise.resolve(lastAnswer) : new Promise<R | undefined>((resolve) => waiters.push(resolve));
  saver.busy = () => !idle();
  return saver;
}
