// Marks on the page's performance timeline for the capture bench, in test builds only (a user's
// build leaves nothing the page could read): when the content script started running and when
// the panel's toolbar was first rendered into the page; for each slide capture, when the frame
// was drawn, when its small copy was checked (not black, not tainted), when the slide was put in
// the panel (pending, with that copy as its thumbnail) and when it was encoded. Imported first by
// the entry, so the start mark comes before any other module of the script runs.
export type TimingMark = 'start' | 'panel' | 'drawn' | 'checked' | 'encoded' | 'pending';

// `typeof` first: unit tests run this code without the build's defines.
const marking = typeof __TEST__ !== 'undefined' && __TEST__;

export function mark(name: TimingMark): void {
  if (marking) performance.mark(`talkmark:${name}`);
}

mark('start');
