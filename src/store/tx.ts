// Transactions with errors as values. A write commits all or nothing, then announces its
// changes; if the body refuses (not found, invalid) or anything throws, it is aborted.
import { err, ok, type Result } from '../core/result';
import type { Announcer, Change } from './changes';
import type { Connection } from './connection';
import { type StoreError, storeError, toStoreError } from './errors';
import type { ReadTx, StoreName, WriteTx } from './schema';

export interface Ctx {
  conn: Connection;
  announcer: Announcer;
  /** Of every write transaction: see DURABILITY in index.ts for the choice and its cost. */
  durability: IDBTransactionDurability;
  /** The safety copy outside IndexedDB (copy.ts), told of every committed write. */
  copy?: { written(changes: readonly Change[]): void };
}

/** What a write body returns: its value and the changes to announce once committed. */
export type Written<T> = Result<{ value: T; changes: Change[] }, StoreError>;

export const done = <T>(value: T, changes: Change[]): Written<T> => ok({ value, changes });
export const refuse = (code: StoreError['code'], message: string): Written<never> =>
  err(storeError(code, message));

export async function write<T, S extends StoreName[]>(
  ctx: Ctx,
  stores: S,
  body: (tx: WriteTx<S>) => Promise<Written<T>>,
): Promise<Result<T, StoreError>> {
  const db = await ctx.conn.get();
  if (!db.ok) return db;
  let tx: WriteTx<S> | undefined;
  try {
    tx = db.value.transaction(stores, 'readwrite', { durability: ctx.durability });
    // Keep a failed commit from surfacing as an unhandled rejection when we abort ourselves.
    tx.done.catch(() => {});
    const out = await body(tx);
    if (!out.ok) {
      abort(tx);
      return out;
    }
    await tx.done;
    ctx.announcer.announce(out.value.changes);
    ctx.copy?.written(out.value.changes);
    return ok(out.value.value);
  } catch (e) {
    if (tx) abort(tx);
    // A failed request aborts the transaction; its error is the interesting one.
    return err(toStoreError(tx?.error ?? e));
  }
}

export async function read<T, S extends StoreName[]>(
  ctx: Ctx,
  stores: S,
  body: (tx: ReadTx<S>) => Promise<T>,
): Promise<Result<T, StoreError>> {
  const db = await ctx.conn.get();
  if (!db.ok) return db;
  try {
    return ok(await body(db.value.transaction(stores, 'readonly')));
  } catch (e) {
    return err(toStoreError(e));
  }
}

function abort(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}

/**
 * Issues many requests at once and waits for all. One failure aborts the transaction, which
 * rejects the others too: those rejections are expected, so they are marked handled here.
 */
export function batch(issue: (add: (request: Promise<unknown>) => void) => void): Promise<unknown> {
  const requests: Promise<unknown>[] = [];
  issue((request) => {
    request.catch(() => {});
    requests.push(request);
  });
  return Promise.all(requests);
}
