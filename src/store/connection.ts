// The database connection: opened lazily, upgraded through migrations.ts, closed as soon as a
// newer version wants to upgrade (so our own pages never block an update), and reopened on the
// next call after the browser closed it. A service worker may be killed at any moment: nothing
// here outlives a call except the open connection itself.
import { openDB } from 'idb';
import { err, ok, type Result } from '../core/result';
import { messages, type StoreError, storeError, toStoreError } from './errors';
import { DB_VERSION, steps } from './migrations';
import type { Db, TalkmarkSchema } from './schema';

/** How long a call waits for a blocked open to go through before saying it's still blocked. */
const RECHECK_MS = 100;

export class Connection {
  private db: Db | undefined;
  private pending: Promise<Db> | undefined;
  private blocked = false;
  private outdated = false;

  constructor(
    readonly name: string,
    private readonly version = DB_VERSION,
  ) {}

  /** The open database, or why it can't be opened (blocked by an old page, newer schema, ...). */
  async get(): Promise<Result<Db, StoreError>> {
    if (this.db) return ok(this.db);
    if (this.outdated) return err(storeError('outdated', messages.outdated));
    this.pending ??= this.open();
    const pending = this.pending;
    // An old page holds the database: answer now; the open completes when that page closes.
    const blockedSignal = new Promise<'blocked'>((resolve) => {
      this.onBlocked = () => resolve('blocked');
      // Already blocked: there's no "unblocked" event, so give the open a moment to finish.
      if (this.blocked) setTimeout(() => resolve('blocked'), RECHECK_MS);
    });
    try {
      const winner = await Promise.race([pending, blockedSignal]);
      if (winner === 'blocked') return err(storeError('blocked', messages.blocked));
      return ok(winner);
    } catch (e) {
      this.pending = undefined;
      return err(toStoreError(e));
    }
  }

  private onBlocked: () => void = () => {};

  private async open(): Promise<Db> {
    const version = this.version;
    const db = await openDB<TalkmarkSchema>(this.name, version, {
      async upgrade(database, oldVersion, _newVersion, tx) {
        const loose = database as unknown as Parameters<(typeof steps)[number]>[0];
        const looseTx = tx as unknown as Parameters<(typeof steps)[number]>[1];
        for (let v = oldVersion; v < version; v++) await steps[v]?.(loose, looseTx);
      },
      blocked: () => {
        this.blocked = true;
        this.onBlocked();
      },
      // A newer Talkmark wants to upgrade: step aside, and stop using this schema.
      blocking: () => {
        this.db?.close();
        this.db = undefined;
        this.pending = undefined;
        this.outdated = true;
      },
      // The browser closed the connection (storage cleared, disk error): reopen next time.
      terminated: () => {
        this.db = undefined;
        this.pending = undefined;
      },
    }).catch((e: unknown) => {
      if (e instanceof Error && e.name === 'VersionError') this.outdated = true;
      throw e;
    });
    this.blocked = false;
    this.db = db;
    return db;
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
    this.pending = undefined;
  }
}
