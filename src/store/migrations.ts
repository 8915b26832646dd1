// One numbered upgrade step per schema version, in order: steps[0] takes an empty database to
// version 1, steps[1] takes version 1 to 2, and so on. A step may read and rewrite data through
// the upgrade transaction; it must not wait on anything but IndexedDB requests. Never edit a
// step that has shipped: add a new one. Each step is tested from a database at the version before.
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { countsOf } from './counts';
import { termsOf } from './terms';

// Steps see the database as it was at their version, so they are typed loosely on purpose.
type UpgradeDb = IDBPDatabase<unknown>;
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;
export type Step = (db: UpgradeDb, tx: UpgradeTx) => Promise<void> | void;

export const steps: readonly Step[] = [
  // v1: the five stores.
  (db) => {
    db.createObjectStore('posts', { keyPath: 'id' });
    const talks = db.createObjectStore('talks', { keyPath: 'id' });
    talks.createIndex('byPost', 'postId');
    talks.createIndex('byVideo', 'videoId');
    const notes = db.createObjectStore('notes', { keyPath: 'id' });
    notes.createIndex('byTalk', 'talkId');
    db.createObjectStore('images', { keyPath: 'id' });
    db.createObjectStore('kv');
  },
  // v2: word search. Scanning 10,000 notes for every keystroke in the library's search box
  // reads every note; a multi-entry index of each note's words answers from the index alone.
  async (_db, tx) => {
    const notes = tx.objectStore('notes');
    notes.createIndex('byTerm', 'terms', { multiEntry: true });
    let cursor = await notes.openCursor();
    while (cursor) {
      const note = cursor.value as { text?: string; speaker?: string };
      await cursor.update({ ...note, terms: termsOf(note.text, note.speaker) });
      cursor = await cursor.continue();
    }
  },
  // v3: search shows the last edited of its matches. Without an order to walk, it read every
  // matching note (thousands for a common word) to sort them; this index lets it read the keys
  // in edit order and only the notes it shows. Every note already has updatedAt: nothing to rewrite.
  (_db, tx) => {
    tx.objectStore('notes').createIndex('byUpdated', 'updatedAt');
  },
  // v4: stored counts. The popup and the posts list counted every talk's notes through byTalk
  // on each open (200 counts, 10,000 index entries); now writes keep per-talk and per-post
  // note and slide counts beside the notes, computed here once for the notes already stored.
  // And the popup's "recent posts" walk posts by their last edit instead of reading them all.
  async (db, tx) => {
    db.createObjectStore('counts');
    tx.objectStore('posts').createIndex('byUpdated', 'updatedAt');
    const [talks, notes] = await Promise.all([
      tx.objectStore('talks').getAll(),
      tx.objectStore('notes').getAll(),
    ]);
    const counts = tx.objectStore('counts');
    await Promise.all([...countsOf(talks, notes)].map(([id, c]) => counts.put(c, id)));
  },
];

export const DB_VERSION = steps.length;
