// The one way a content script (or any extension page) calls the background.
import browser from 'webextension-polyfill';
import type { CallInput, CallName, CallReply } from '../core/messages';
import { isResult } from '../core/messages-guard';
import { err } from '../core/result';

export async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallReply<K>> {
  try {
    const reply: unknown = await browser.runtime.sendMessage({ talkmark: 1, call: name, input });
    if (isResult(reply)) return reply as CallReply<K>;
    return err('Talkmark’s background gave no answer. Reload the page and try again.');
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (/context invalidated|Receiving end does not exist/i.test(why)) {
      return err('Talkmark was updated or restarted. Reload this page to keep taking notes.');
    }
    return err(`Talkmark’s background could not be reached: ${why}`);
  }
}
