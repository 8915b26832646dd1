// The call client: one retry when no listener took the message, never for anything else.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage } } }));
const { call } = await import('../../../src/ui/call');

describe('call', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  it('sends again once when the worker was still starting', async () => {
    sendMessage
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValueOnce({ ok: true, value: 7 });
    expect(await call('listPosts', {} as never)).toEqual({ ok: true, value: 7 });
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('does not send a write twice when the reply was lost, and says what happened', async () => {
    sendMessage.mockImplementation(async () => {
      throw new Error('The message port closed before a response was received.');
    });
    const r = await call('deleteNote', { id: 'n_0123456789abcdef' } as never);
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('could not be reached') });
  });

  it('asks for a reload when the extension was updated under the page', async () => {
    sendMessage.mockImplementation(async () => {
      throw new Error('Extension context invalidated.');
    });
    const r = await call('listPosts', {} as never);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('Reload this page') });
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });
});
