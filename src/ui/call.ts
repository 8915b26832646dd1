// The one way a content script (or any extension page) calls the background.
import browser from 'webextension-polyfill';
import { type CallInput, type CallName, type CallReply, resendable } from '../core/messages';
import { isResult } from '../core/messages-guard';
import { err, type Result } from '../core/result';

/**
 * The background went away around this message: Chromium stopped its service worker before
 * the message was taken, or while it was handled. The call may or may not have run (Chromium
 * can say "Receiving end does not exist" for a message the worker did take), so it is sent
 * again only when running it twice leaves the same result (`resendable`).
 */
const workerGone =
  /Receiving end does not exist|message port closed before a response|message channel closed/i;

/** Time for a stopped worker to start again before the one resend. */
export const resendDelayMs = 200;

/**
 * Every call answers in milliseconds; a background that is alive but stuck (a hung store
 * transaction, a busy loop) would otherwise leave the page waiting for good, the slide marked
 * "saving…" forever. After this long the caller gets a failure it can show and retry.
 */
export const answerTimeoutMs = 20_000;

/** No answer came back: the background always answers with a Result, so it went away. */
class Gone extends Error {}

/** The background took the message but gave no answer in time. */
class Silent extends Error {}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function sendOnce<K extends CallName>(name: K, input: CallInput<K>): Promise<CallReply<K>> {
  let reply: unknown;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Silent()), answerTimeoutMs);
  });
  try {
    reply = await Promise.race([browser.runtime.sendMessage({ talkmark: 1, call: name, input }), silence]);
  } catch (e) {
    throw workerGone.test(reason(e)) ? new Gone(reason(e)) : e;
  } finally {
    clearTimeout(timer);
  }
  // The polyfill turns "the message port closed before a response" into an empty answer.
  if (reply === undefined) throw new Gone('');
  if (isResult(reply)) return reply as CallReply<K>;
  return err('Talkmark’s background gave an answer it does not understand. Reload the page and try again.');
}

function unreachable(name: CallName, e: unknown): Result<never, string> {
  const why = reason(e);
  if (e instanceof Silent) {
    const seconds = Math.round(answerTimeoutMs / 1000);
    // Not resent: a stuck background would only get a second message to be stuck on.
    return err(
      resendable[name]
        ? `Talkmark’s background has not answered for ${seconds} seconds. Try again; if it keeps happening, reload this page.`
        : `Talkmark’s background has not answered for ${seconds} seconds. It may still finish: check before you try again.`,
    );
  }
  if (e instanceof Gone && !why)
    return err('Talkmark’s background gave no answer. Reload the page and try again.');
  // Updated or reloaded under the page: only a reload gives the page a working script again.
  if (/context invalidated|Receiving end does not exist/i.test(why)) {
    return err('Talkmark was updated or restarted. Reload this page to keep taking notes.');
  }
  return err(`Talkmark’s background could not be reached: ${why}`);
}

export async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallReply<K>> {
  try {
    return await sendOnce(name, input);
  } catch (e) {
    if (!(e instanceof Gone) || !resendable[name]) return unreachable(name, e);
  }
  // The browser starts the worker again for the next message.
  await new Promise((resolve) => setTimeout(resolve, resendDelayMs));
  try {
    return await sendOnce(name, input);
  } catch (e) {
    if (!(e instanceof Gone)) return unreachable(name, e);
    return err(
      'Talkmark’s background stopped twice before it answered. Try again; if it keeps happening, reload this page.',
    );
  }
}
