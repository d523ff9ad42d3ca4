import { recordAudit } from '../audit/record-audit.js';
import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { hashPassword, verifyPassword } from './password.js';
import { findAccountById, updateAccount } from './store.js';

/** Change the password of a signed-in account after checking the current one. */
export async function changePassword(
  deps: Deps,
  opts: { accountId: string; currentPassword: string; newPassword: string; ip: string | null },
): Promise<void> {
  const account = await findAccountById(deps.db, opts.accountId);
  if (!account) throw new AppError('not_found', 'Account not found');
  if (!(await verifyPassword(opts.currentPassword, account.passwordHash))) {
    throw new AppError('validation_failed', 'The current password is not correct', {
      errors: [{ path: 'currentPassword', message: 'Not your current password' }],
    });
  }
  await updateAccount(deps.db, account.id, { passwordHash: await hashPassword(opts.newPassword, deps.scrypt), updatedAt: deps.clock.now() });
  await recordAudit(deps, { action: 'account.password_changed', actorId: account.id, target: account.id, ip: opts.ip });
}
