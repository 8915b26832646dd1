// Routes typed calls to their handlers. Only our own extension's contexts are heard (a web
// page can't reach runtime.onMessage without externally_connectable, which we don't set);
// every input is validated before a handler sees it, and every failure is a value.
import type { Runtime } from 'webextension-polyfill';
import type { BackgroundCalls, CallInput, CallName, CallReply } from '../core/messages';
import { isCallMessage } from '../core/messages-guard';
import { err, ok } from '../core/result';
import { validateInput } from './inputs';

type Awaitable<T> = T | Promise<T>;
export type Handlers = {
  [K in CallName]: (
    input: CallInput<K>,
    sender: Runtime.MessageSender,
  ) => Awaitable<ReturnType<BackgroundCalls[K]>>;
};

export async function route(
  handlers: Handlers,
  ownId: string,
  message: unknown,
  sender: Runtime.MessageSender,
): Promise<CallReply<CallName>> {
  if (sender.id !== ownId) return err('Talkmark only answers its own pages and scripts.');
  if (!isCallMessage(message))
    return err('Talkmark did not understand this request (unknown call or bad envelope).');
  const input = validateInput(message.call, message.input);
  if (!input.ok) return err(`Talkmark refused a malformed ${message.call} request: ${input.error}`);
  try {
    const handler = handlers[message.call] as (i: unknown, s: Runtime.MessageSender) => Awaitable<unknown>;
    return ok(await handler(input.value, sender)) as CallReply<CallName>;
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e));
  }
}
