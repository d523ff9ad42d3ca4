import { recordAudit } from '../audit/index.js';
import type { Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { hashPassword, verifyPassword } from './password.js';
import { enforceRateLimit } from './rate-limit.js';
import { deleteOtherSessionsOfAccount, deletePasswordResetsOfAccount, findAccountById, updateAccount } from './store.js';

/** Attempts per account per 15 minutes: a stolen session cannot guess the current password at speed. */
export const CHANGE_PASSWORD_MAX_ATTEMPTS = 5;

/**
 * Change the password of a signed-in account after checking the current one. Every other session of the
 * account ends (the one that made the change stays) and every outstanding reset link stops working.
 */
export async function changePassword(
  deps: Deps,
  opts: { accountId: string; sessionId: string; currentPassword: string; newPassword: string; ip: string | null },
): Promise<void> {
  await enforceRateLimit(deps, {
    key: `password-change:${opts.accountId}`,
    max: CHANGE_PASSWORD_MAX_ATTEMPTS,
    windowMs: 15 * 60 * 1000,
    message: 'Too many password change attempts. Try again later.',
  });
  const account = await findAccountById(deps.db, opts.accountId);
  if (!account) throw new AppError('not_found', 'Account not found');
  if (!(await verifyPassword(opts.currentPassword, account.passwordHash))) {
    throw new AppError('validation_failed', 'The current password is not correct', {
      errors: [{ path: 'currentPassword', message: 'Not your current password' }],
    });
  }
  const passwordHash = await hashPassword(opts.newPassword, deps.passwords);
  await inTransaction(deps, async (tx) => {
    await updateAccount(tx.db, account.id, { passwordHash, updatedAt: tx.clock.now() });
    await deleteOtherSessionsOfAccount(tx.db, account.id, opts.sessionId);
    await deletePasswordResetsOfAccount(tx.db, account.id);
    await recordAudit(tx, { action: 'account.password_changed', actorId: account.id, target: account.id, ip: opts.ip });
  });
}
