// Content script entry. Injected on YouTube by the manifest, and on any other page when the
// user clicks the toolbar button (activeTab). Runs once per frame.
// First: marks the script's start (test builds) before the other modules run.
import './timing';
import browser, { type Runtime } from 'webextension-polyfill';
import type { TabEvent } from '../core/messages';
import { call } from '../ui/call';
import { type Session, startSession } from './session';
import { loadSettings, watchSettings } from './settings-store';
import { adapterFor } from './sites';

declare global {
  interface Window {
    __talkmarkLoaded?: boolean;
  }
}

function isTabEvent(m: unknown): m is TabEvent {
  return (
    typeof m === 'object' && m !== null && 'type' in m && typeof (m as { type: unknown }).type === 'string'
  );
}

// The toolbar button may inject us into a page we already run in.
if (!window.__talkmarkLoaded) {
  window.__talkmarkLoaded = true;
  const session: Session = startSession(document, adapterFor(location), { call }, browser.storage.local);
  const settingsLife = new AbortController();
  void loadSettings().then((s) => session.setSettings(s));
  watchSettings((s) => session.setSettings(s), settingsLife.signal);
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || !isTabEvent(message)) return undefined;
    session.handle(message);
    return undefined;
  });
}
