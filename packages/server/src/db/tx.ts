import type { Deps } from '../context.js';
import type { Db } from './client.js';

/** Run `fn` in one database transaction, with deps whose `db` is the transaction. */
export async function inTransaction<T>(deps: Deps, fn: (tx: Deps) => Promise<T>): Promise<T> {
  return deps.db.transaction(async (tx) => fn({ ...deps, db: tx as unknown as Db }));
}
