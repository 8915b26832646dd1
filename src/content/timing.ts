// Marks on the page's performance timeline for the capture bench, in test builds only (a user's
// build leaves nothing the page could read): when the content script started running, and when
// the panel's toolbar was first rendered into the page. Imported first by the entry, so the
// start mark comes before any other module of the script runs.
export type TimingMark = 'start' | 'panel';

export function mark(name: TimingMark): void {
  if (__TEST__) performance.mark(`talkmark:${name}`);
}

mark('start');
