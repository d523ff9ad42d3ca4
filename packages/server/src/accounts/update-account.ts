import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { updateAccount as updateAccountRow } from './store.js';

/** Change an account's name, DID or name visibility. */
export async function updateAccount(
  deps: Deps,
  opts: { accountId: string; name?: string | undefined; did?: string | null | undefined; showNameOnCredentials?: boolean | undefined },
) {
  const patch: Parameters<typeof updateAccountRow>[2] = { updatedAt: deps.clock.now() };
  if (opts.name !== undefined) patch.name = opts.name;
  if (opts.did !== undefined) patch.did = opts.did;
  if (opts.showNameOnCredentials !== undefined) patch.showNameOnCredentials = opts.showNameOnCredentials;
  const row = await updateAccountRow(deps.db, opts.accountId, patch);
  if (!row) throw new AppError('not_found', 'Account not found');
  return row;
}
