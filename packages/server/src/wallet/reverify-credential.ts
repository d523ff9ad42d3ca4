import type { Actor, Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { verifyInput } from '../verify/index.js';
import { decodePayload } from './import-credential.js';
import { presentWalletItem } from './present.js';
import { findWalletItem, updateWalletItem } from './store.js';

/** Verify an imported credential again (status lists and dates change) and keep the new report. */
export async function reverifyCredential(deps: Deps, opts: { actor: Actor; itemId: string }) {
  const item = await findWalletItem(deps.db, opts.actor.accountId, opts.itemId);
  if (!item) throw new AppError('not_found', 'No such credential in your wallet');
  const report = await verifyInput(deps, { kind: 'bytes', bytes: decodePayload(item.payload, item.mediaType) });
  const patch = { verdict: report.verdict, report: report as unknown as Record<string, unknown>, verifiedAt: deps.clock.now() };
  await updateWalletItem(deps.db, item.id, patch);
  return presentWalletItem({ ...item, ...patch });
}
