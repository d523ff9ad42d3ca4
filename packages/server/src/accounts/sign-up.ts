import { recordAudit } from '../audit/record-audit.js';
import type { Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { createSession } from './create-session.js';
import { hashPassword } from './password.js';
import { countAccounts, findAccountById, insertAccount } from './store.js';

/** Create an account and sign it in. The very first account of an installation becomes platform admin. */
export async function signUp(
  deps: Deps,
  opts: { email: string; name: string; password: string; ip: string | null; userAgent: string | null },
) {
  const passwordHash = await hashPassword(opts.password, deps.scrypt);
  return inTransaction(deps, async (tx) => {
    const now = tx.clock.now();
    const id = tx.ids.id('account');
    const first = (await countAccounts(tx.db)) === 0;
    const inserted = await insertAccount(tx.db, {
      id,
      email: opts.email,
      name: opts.name,
      passwordHash,
      isPlatformAdmin: first,
      createdAt: now,
      updatedAt: now,
    });
    if (!inserted) {
      throw new AppError('email_taken', 'An account with this email already exists', {
        errors: [{ path: 'email', message: 'This email is already registered; sign in instead' }],
      });
    }
    await recordAudit(tx, { action: 'account.signed_up', actorId: id, target: id, ip: opts.ip });
    const { token, session } = await createSession(tx, { accountId: id, ip: opts.ip, userAgent: opts.userAgent });
    const account = await findAccountById(tx.db, id);
    if (!account) throw new AppError('internal', 'Account vanished after insert');
    return { token, session, account };
  });
}
