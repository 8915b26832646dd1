// The one way a content script (or any extension page) calls the background.
import browser from 'webextension-polyfill';
import type { CallInput, CallName, CallReply } from '../core/messages';
import { isResult } from '../core/messages-guard';
import { err } from '../core/result';

const send = (name: CallName, input: unknown): Promise<unknown> =>
  browser.runtime.sendMessage({ talkmark: 1, call: name, input });

// No listener took the message (the worker was stopped and is still starting): nothing ran,
// so sending once more is safe, also for calls that write.
const notReceived = /Receiving end does not exist/i;

export async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallReply<K>> {
  try {
    let reply: unknown;
    try {
      reply = await send(name, input);
    } catch (e) {
      if (!notReceived.test(e instanceof Error ? e.message : String(e))) throw e;
      await new Promise((resolve) => setTimeout(resolve, 150));
      reply = await send(name, input);
    }
    if (isResult(reply)) return reply as CallReply<K>;
    return err('Talkmark’s background gave no answer. Reload the page and try again.');
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (/context invalidated/i.test(why) || notReceived.test(why)) {
      return err('Talkmark was updated or restarted. Reload this page to keep taking notes.');
    }
    return err(`Talkmark’s background could not be reached: ${why}`);
  }
}
