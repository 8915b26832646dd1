// The database connection: opened lazily, upgraded through migrations.ts, closed as soon as a
// newer version wants to upgrade (so our own pages never block an update), and reopened on the
// next call after the browser closed it. A service worker may be killed at any moment: nothing
// here outlives a call except the open connection itself.
//
// One page opens a database once: every Connection to the same name and version shares one
// open IDBDatabase (the library page used to open two, the store's and the queries', and
// paid for both opens before its first paint). It closes when the last Connection closes.
import { openDB } from 'idb';
import { err, ok, type Result } from '../core/result';
import { messages, type StoreError, storeError, toStoreError } from './errors';
import { DB_VERSION, steps } from './migrations';
import type { Db, TalkmarkSchema } from './schema';

/** How long a call waits for a blocked open to go through before saying it's still blocked. */
const RECHECK_MS = 100;

/** The open database of one name and version in this page, and the Connections using it. */
class Shared {
  private db: Db | undefined;
  private pending: Promise<Db> | undefined;
  private blocked = false;
  private outdated = false;
  private readonly onBlocked = new Set<() => void>();
  users = 0;

  constructor(
    private readonly name: string,
    private readonly version: number,
  ) {}

  async get(): Promise<Result<Db, StoreError>> {
    if (this.db) return ok(this.db);
    if (this.outdated) return err(storeError('outdated', messages.outdated));
    this.pending ??= this.open();
    const pending = this.pending;
    // An old page holds the database: answer now; the open completes when that page closes.
    let listener = () => {};
    const blockedSignal = new Promise<'blocked'>((resolve) => {
      listener = () => resolve('blocked');
      this.onBlocked.add(listener);
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
    } finally {
      this.onBlocked.delete(listener);
    }
  }

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
        for (const listener of this.onBlocked) listener();
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

/**
 * The page's open databases, kept on the page's global object: the popup's own script and the
 * store it imports on first use are separate bundles (build.mjs), each with its own copy of this
 * module, and must still share one open database.
 */
const pageGlobal = globalThis as { talkmarkConnections?: Map<string, Shared> };
pageGlobal.talkmarkConnections ??= new Map();
const open = pageGlobal.talkmarkConnections;

export class Connection {
  private shared: Shared | undefined;

  constructor(
    readonly name: string,
    private readonly version = DB_VERSION,
  ) {}

  /** The open database, or why it can't be opened (blocked by an old page, newer schema, ...). */
  get(): Promise<Result<Db, StoreError>> {
    return this.use().get();
  }

  private use(): Shared {
    if (this.shared) return this.shared;
    const key = `${this.version}:${this.name}`;
    let shared = open.get(key);
    if (!shared) {
      shared = new Shared(this.name, this.version);
      open.set(key, shared);
    }
    shared.users++;
    this.shared = shared;
    return shared;
  }

  /** Lets go of the database; it closes when no other Connection in the page uses it. */
  close(): void {
    const shared = this.shared;
    if (!shared) return;
    this.shared = undefined;
    if (--shared.users > 0) return;
    shared.close();
    open.delete(`${this.version}:${this.name}`);
  }
}
