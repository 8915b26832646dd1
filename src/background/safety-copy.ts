// At start-up, the database is compared with its safety copy (store/copy.ts); a new install is
// copied whole. When the database lost what the copy holds, the toolbar button says so (a
// badge) until the library, which offers the restore with counts, has dealt with it (and
// clears the badge).
import browser from 'webextension-polyfill';
import type { Store } from '../store';

export function watchCopy(store: Store): void {
  void store.copy?.check().then((r) => {
    if (!r.ok || r.value.state !== 'lost') return;
    void browser.action.setBadgeText({ text: '!' });
    void browser.action.setTitle({
      title: 'Talkmark: notes to bring back from the safety copy. Open the library.',
    });
  });
}
