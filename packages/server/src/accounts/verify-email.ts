import type { Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { sha256Hex } from '../shared/hash.js';
import { consumeEmailVerification, deleteEmailVerificationsOfAccount, markEmailVerified } from './store.js';

/** Confirm an address with the token from its verification link; the token works once. */
export async function verifyEmail(deps: Deps, opts: { token: string }): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const now = tx.clock.now();
    const accountId = await consumeEmailVerification(tx.db, sha256Hex(opts.token), now);
    if (!accountId) {
      throw new AppError('token_invalid', 'This verification link is invalid, expired or already used. Sign in and ask for a new one.', {
        errors: [{ path: 'token', message: 'Invalid or expired token' }],
      });
    }
    await markEmailVerified(tx.db, accountId, now);
    await deleteEmailVerificationsOfAccount(tx.db, accountId);
  });
}
