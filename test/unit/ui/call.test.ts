// The call client: one resend when the background went away, only for calls that can run
// twice safely; never for anything else; and words the user can act on when it fails.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type CallName, resendable } from '../../../src/core/messages';

const sendMessage = vi.fn();
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage } } }));
const { answerTimeoutMs, call } = await import('../../../src/ui/call');

const notReceived = () => new Error('Could not establish connection. Receiving end does not exist.');
const portClosed = () => new Error('The message port closed before a response was received.');
const slide = { id: 'n_0123456789abcdef' } as never;

describe('call', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  it('sends addSlide once more, with the same input, when the worker went away before answering', async () => {
    for (const gone of [notReceived, portClosed]) {
      sendMessage.mockReset();
      sendMessage.mockRejectedValueOnce(gone()).mockResolvedValueOnce({ ok: true, value: 7 });
      expect(await call('addSlide', slide)).toEqual({ ok: true, value: 7 });
      expect(sendMessage).toHaveBeenCalledTimes(2);
      const [first, second] = sendMessage.mock.calls;
      expect(second).toEqual(first);
      expect(first?.[0]).toEqual({ talkmark: 1, call: 'addSlide', input: slide });
    }
  });

  it('an empty answer (how the polyfill reports a port closed before the reply) is resent too', async () => {
    sendMessage.mockResolvedValueOnce(undefined).mockResolvedValueOnce({ ok: true, value: 'n' });
    expect(await call('addSlide', slide)).toEqual({ ok: true, value: 'n' });
    expect(sendMessage).toHaveBeenCalledTimes(2);
    sendMessage.mockReset();
    sendMessage.mockResolvedValue(undefined);
    expect(await call('createPost', { title: 'x' })).toEqual({
      ok: false,
      error: 'Talkmark’s background gave no answer. Reload the page and try again.',
    });
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('sends no third time: the user is told it failed, without being sent to reload at once', async () => {
    sendMessage.mockRejectedValueOnce(portClosed()).mockRejectedValueOnce(notReceived());
    const r = await call('addSlide', slide);
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('stopped twice before it answered') });
  });

  it('never resends a call that would do something twice (a second post, a failed second delete)', async () => {
    const once = (Object.keys(resendable) as CallName[]).filter((k) => !resendable[k]);
    expect(once.sort()).toEqual(['createPost', 'deleteNote', 'replaceSlideImage']);
    for (const name of once) {
      sendMessage.mockReset();
      sendMessage.mockRejectedValue(portClosed());
      const r = await call(name, {} as never);
      expect(sendMessage, name).toHaveBeenCalledTimes(1);
      expect(r).toEqual({ ok: false, error: expect.stringContaining('could not be reached') });
    }
  });

  it('does not resend on other errors, and asks for a reload when the extension was updated', async () => {
    sendMessage.mockRejectedValue(new Error('Extension context invalidated.'));
    expect(await call('addSlide', slide)).toEqual({
      ok: false,
      error: expect.stringContaining('Reload this page'),
    });
    expect(sendMessage).toHaveBeenCalledTimes(1);
    sendMessage.mockReset();
    sendMessage.mockRejectedValue(new Error('Something else broke'));
    expect(await call('listPosts', {})).toEqual({
      ok: false,
      error: 'Talkmark’s background could not be reached: Something else broke',
    });
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('a background that takes the message and never answers fails the call after the timeout, without a resend', async () => {
    vi.useFakeTimers();
    try {
      for (const [name, words] of [
        ['addSlide', 'Try again'],
        ['createPost', 'It may still finish: check before you try again'],
      ] as const) {
        sendMessage.mockReset();
        sendMessage.mockReturnValue(new Promise(() => {}));
        let settled: unknown;
        const pending = call(name, (name === 'addSlide' ? slide : { title: 'x' }) as never).then((r) => {
          settled = r;
          return r;
        });
        await vi.advanceTimersByTimeAsync(answerTimeoutMs - 1);
        expect(settled, `${name} before the timeout`).toBeUndefined();
        await vi.advanceTimersByTimeAsync(1);
        expect(await pending).toEqual({
          ok: false,
          error: expect.stringMatching(new RegExp(`has not answered for 20 seconds.*${words}`)),
        });
        expect(sendMessage).toHaveBeenCalledTimes(1);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('an answer that comes before the timeout is passed on, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    try {
      sendMessage.mockResolvedValue({ ok: true, value: 3 });
      expect(await call('listPosts', {})).toEqual({ ok: true, value: 3 });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('an answer that is not a result is reported, not passed on', async () => {
    sendMessage.mockResolvedValue({ value: 'no ok field' });
    expect(await call('listPosts', {})).toEqual({
      ok: false,
      error: expect.stringContaining('an answer it does not understand'),
    });
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });
});
