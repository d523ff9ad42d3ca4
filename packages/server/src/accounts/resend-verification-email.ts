import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { enforceRateLimit } from './rate-limit.js';
import { sendVerificationEmail } from './send-verification-email.js';
import { findAccountById } from './store.js';

/** Verification emails one account may ask for per hour. */
export const RESEND_PER_HOUR = 3;

/** Email a new verification link to the signed-in account's address; nothing to do once it is verified. */
export async function resendVerificationEmail(deps: Deps, opts: { accountId: string }): Promise<{ sent: boolean }> {
  const account = await findAccountById(deps.db, opts.accountId);
  if (!account) throw new AppError('not_found', 'Account not found');
  if (account.emailVerifiedAt) return { sent: false };
  await enforceRateLimit(deps, {
    key: `verify-email:${account.id}`,
    max: RESEND_PER_HOUR,
    windowMs: 60 * 60 * 1000,
    message: 'Too many verification emails. Try again later.',
  });
  await sendVerificationEmail(deps, { account });
  return { sent: true };
}
