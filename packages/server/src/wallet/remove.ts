import type { Actor, Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { deleteCollection, deleteWalletItem, listCollections, upsertCollection } from './store.js';

/** Remove an imported credential from the wallet (and from the learner's collections). */
export async function removeWalletItem(deps: Deps, opts: { actor: Actor; itemId: string }): Promise<void> {
  if (!(await deleteWalletItem(deps.db, opts.actor.accountId, opts.itemId)))
    throw new AppError('not_found', 'No such credential in your wallet');
  for (const c of await listCollections(deps.db, opts.actor.accountId)) {
    const entries = c.entries.filter((e) => e !== `imported:${opts.itemId}`);
    if (entries.length !== c.entries.length) await upsertCollection(deps.db, { ...c, entries });
  }
}

/** Delete a collection (its credentials stay in the wallet). */
export async function removeCollection(deps: Deps, opts: { actor: Actor; collectionId: string }): Promise<void> {
  if (!(await deleteCollection(deps.db, opts.actor.accountId, opts.collectionId))) throw new AppError('not_found', 'No such collection');
}
