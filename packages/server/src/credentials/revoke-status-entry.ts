import type { Db } from '../db/client.js';
import { setBit } from './bitstring.js';
import { findStatusList, saveStatusBits } from './store.js';

/**
 * Set one revocation bit of an organisation's status list (inside the caller's transaction), for a statement that
 * is not a stored credential row (e.g. a recognition rule or an endorsement) but carries a status entry.
 * Refuses a list of another organisation; returns false when the list does not exist.
 */
export async function revokeStatusEntry(db: Db, opts: { orgId: string; listId: string; index: number; at: Date }): Promise<boolean> {
  const list = await findStatusList(db, opts.listId, true);
  if (!list || list.orgId !== opts.orgId || list.purpose !== 'revocation') return false;
  if (opts.index < 0 || opts.index >= list.size) return false;
  await saveStatusBits(db, list.id, setBit(list.bits, opts.index, true), opts.at);
  return true;
}
