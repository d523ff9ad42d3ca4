import { recordAudit } from '../audit/index.js';
import type { Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { sha256Hex } from '../shared/hash.js';
import { hashPassword } from './password.js';
import {
  consumePasswordReset,
  deleteEmailVerificationsOfAccount,
  deletePasswordResetsOfAccount,
  deleteSessionsOfAccount,
  markEmailVerified,
  updateAccount,
} from './store.js';

/**
 * Set a new password with a reset token. The token works once; every other outstanding reset token of the
 * account stops working too, and every existing session ends. The link reached the address, so the
 * address counts as verified.
 */
export async function confirmPasswordReset(deps: Deps, opts: { token: string; password: string; ip: string | null }): Promise<void> {
  const passwordHash = await hashPassword(opts.password, deps.passwords);
  await inTransaction(deps, async (tx) => {
    const now = tx.clock.now();
    const accountId = await consumePasswordReset(tx.db, sha256Hex(opts.token), now);
    if (!accountId) {
      throw new AppError('token_invalid', 'This reset link is invalid, expired or already used. Ask for a new one.', {
        errors: [{ path: 'token', message: 'Invalid or expired token' }],
      });
    }
    await updateAccount(tx.db, accountId, { passwordHash, updatedAt: now });
    await deletePasswordResetsOfAccount(tx.db, accountId);
    await markEmailVerified(tx.db, accountId, now);
    await deleteEmailVerificationsOfAccount(tx.db, accountId);
    await deleteSessionsOfAccount(tx.db, accountId);
    await recordAudit(tx, { action: 'account.password_reset', actorId: accountId, target: accountId, ip: opts.ip });
  });
}
