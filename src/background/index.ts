// Background entry: a service worker in Chrome, an event page in Firefox. It routes calls
// from content scripts, runs keyboard commands, and forwards store changes to open tabs.
import browser from 'webextension-polyfill';
import type { TabEvent } from '../core/messages';
import { openStore } from '../store';
import { onChange } from '../store/changes';
import { makeHandlers } from './handlers';
import { startOcr } from './ocr';
import { route } from './router';
import { watchCopy } from './safety-copy';
import { watchSitePermissions } from './sites';
import { slideTextChanged } from './slide-text';

// Every write is also kept in storage.local, outside IndexedDB (store/copy.ts).
const store = openStore({ copy: browser.storage.local });
let handlers = makeHandlers(store);
// Test builds: the capture benchmark times saves with each IndexedDB durability, and with
// and without the safety copy, in one run.
if (__TEST__) {
  type Setup = { durability: IDBTransactionDurability; copy: boolean };
  (globalThis as { talkmarkStoreSetup?: (s: Setup) => void }).talkmarkStoreSetup = (s) => {
    handlers = makeHandlers(
      openStore({ durability: s.durability, ...(s.copy ? { copy: browser.storage.local } : {}) }),
    );
  };
}
watchCopy(store);

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  route(handlers, browser.runtime.id, message, sender),
);

type Command = Extract<TabEvent, { type: 'command' }>['command'];
const commands: readonly Command[] = [
  'add-note',
  'capture-slide',
  'quote-caption',
  'toggle-panel',
  'toggle-auto-capture',
];

/** Runs a keyboard command in the active tab; exported on globalThis for the e2e tests. */
async function runCommand(command: string): Promise<void> {
  if (!(commands as readonly string[]).includes(command)) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const event: TabEvent = { type: 'command', command: command as Command };
  await browser.tabs.sendMessage(tab.id, event).catch(() => undefined);
}
browser.commands.onCommand.addListener((command: string) => void runCommand(command));
(globalThis as { talkmarkRunCommand?: typeof runCommand }).talkmarkRunCommand = runCommand;

// Tabs learn about notes added elsewhere (the library, another tab) so their panels stay
// current. tabs.sendMessage instead of long-lived Ports: a Port would keep the worker awake.
// The same for what the panel says about slide text (OCR blocked here, or that notice dismissed).
onChange((changes) => {
  const events: TabEvent[] = [...new Set(changes.flatMap((c) => (c.type === 'note' ? [c.talkId] : [])))].map(
    (talkId) => ({ type: 'notes-changed', talkId }),
  );
  if (slideTextChanged(changes)) events.push({ type: 'slide-text-changed' });
  if (events.length === 0) return;
  void browser.tabs.query({}).then((tabs) => {
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      for (const event of events) browser.tabs.sendMessage(tab.id, event).catch(() => undefined);
    }
  });
});

watchSitePermissions();
void startOcr(store);
