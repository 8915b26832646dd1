// The write-through queue: an edit goes at once, edits made while a save is in flight are
// coalesced into one (the latest), and an answer to an older text is marked stale.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { latestSaver } from '../../../src/core/latest-saver';

/** A save whose answers the test gives, in any order. */
function controlled() {
  const sent: Array<{ value: string; answer(r: string): void; fail(): void }> = [];
  const send = (value: string) =>
    new Promise<string>((resolve, reject) => {
      sent.push({ value, answer: resolve, fail: () => reject(new Error('gone')) });
    });
  return { sent, send };
}

const tick = () => new Promise<void>((r) => queueMicrotask(r)).then(() => undefined);

afterEach(() => {
  vi.useRealTimers();
});

describe('latestSaver', () => {
  it('sends an edit at once and only the latest of the edits made while one was in flight', async () => {
    const { sent, send } = controlled();
    const answers: Array<[string, boolean]> = [];
    const save = latestSaver(send, { onAnswer: (r, latest) => answers.push([r, latest]) });
    save('a');
    expect(sent.map((s) => s.value)).toEqual(['a']);
    save('ab');
    save('abc');
    expect(sent.map((s) => s.value)).toEqual(['a']);
    sent[0]?.answer('stored a');
    await tick();
    expect(sent.map((s) => s.value)).toEqual(['a', 'abc']);
    // The answer to 'a' came while 'abc' was waiting: it is not the latest text.
    expect(answers).toEqual([['stored a', false]]);
    sent[1]?.answer('stored abc');
    await tick();
    expect(answers.at(-1)).toEqual(['stored abc', true]);
    expect(save.busy()).toBe(false);
  });

  it('keeps the store within one round trip of the keyboard while someone types without a pause', async () => {
    vi.useFakeTimers();
    const stored: Array<{ at: number; text: string }> = [];
    const roundTripMs = 90;
    const save = latestSaver(
      (text: string) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            stored.push({ at: Date.now(), text });
            resolve();
          }, roundTripMs),
        ),
    );
    const start = Date.now();
    const typed = 'A minute of fluent typing, one key every forty ms';
    const typedAt: number[] = [];
    for (let i = 1; i <= typed.length; i++) {
      typedAt.push(Date.now() - start);
      save(typed.slice(0, i));
      await vi.advanceTimersByTimeAsync(40);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(stored.at(-1)?.text).toBe(typed);
    // Every key is stored within 250 ms of being typed (a trailing debounce stored nothing
    // until the typing stopped).
    for (let i = 0; i < typed.length; i++) {
      const first = stored.find((s) => s.text.length > i);
      expect(first && first.at - start - (typedAt[i] ?? 0)).toBeLessThanOrEqual(250);
    }
    // Coalesced: fewer saves than keys.
    expect(stored.length).toBeLessThan(typed.length);
  });

  it('throttles a save that returns no promise: at once, then the latest at most every 250 ms', () => {
    vi.useFakeTimers();
    const got: string[] = [];
    const save = latestSaver((v: string) => void got.push(v));
    save('1');
    expect(got).toEqual(['1']);
    save('12');
    vi.advanceTimersByTime(100);
    save('123');
    expect(got).toEqual(['1']);
    vi.advanceTimersByTime(150);
    expect(got).toEqual(['1', '123']);
    vi.advanceTimersByTime(1000);
    expect(got).toEqual(['1', '123']);
  });

  it('sends the waiting edit at once on flush, and settles with the last answer', async () => {
    const { sent, send } = controlled();
    const save = latestSaver(send);
    save('x');
    save('xy');
    save.flush();
    expect(sent.map((s) => s.value)).toEqual(['x', 'xy']);
    const settled = save.settled();
    // Out of order: the newer save answers first, then the older one.
    sent[1]?.answer('xy stored');
    sent[0]?.answer('x stored');
    expect(await settled).toBe('x stored');
    expect(save.busy()).toBe(false);
  });

  it('sends every edit at once when concurrent, and only the newest answer is the latest', async () => {
    const { sent, send } = controlled();
    const answers: Array<[string, boolean]> = [];
    const save = latestSaver(send, { concurrent: true, onAnswer: (r, latest) => answers.push([r, latest]) });
    save('a');
    save('ab');
    save('abc');
    // Nothing waits in the sender for an answer: a page closed now has sent everything.
    expect(sent.map((s) => s.value)).toEqual(['a', 'ab', 'abc']);
    const settled = save.settled();
    sent[0]?.answer('stored a');
    sent[1]?.answer('stored abc');
    await tick();
    expect(save.busy()).toBe(true);
    sent[2]?.answer('stored abc');
    expect(await settled).toBe('stored abc');
    expect(answers).toEqual([
      ['stored a', false],
      ['stored abc', false],
      ['stored abc', true],
    ]);
    expect(save.busy()).toBe(false);
  });

  it('keeps going after a save that threw, and forgets a cancelled edit', async () => {
    const { sent, send } = controlled();
    const save = latestSaver(send);
    save('one');
    save('two');
    sent[0]?.fail();
    await tick();
    await tick();
    expect(sent.map((s) => s.value)).toEqual(['one', 'two']);
    save('three');
    save.cancel();
    sent[1]?.answer('two stored');
    expect(await save.settled()).toBe('two stored');
    expect(sent.map((s) => s.value)).toEqual(['one', 'two']);
  });
});
