import { recordAudit } from '../audit/index.js';
import type { Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { sendMail } from '../mail/index.js';
import { sha256Hex } from '../shared/hash.js';
import { RESET_TTL_MS } from './request-password-reset.js';
import { findAccountByEmail, insertPasswordReset } from './store.js';

/** Email a single-use, expiring reset link if the address has an account (run by the reset job). */
export async function sendPasswordReset(deps: Deps, opts: { email: string; ip: string | null }): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const account = await findAccountByEmail(tx.db, opts.email);
    if (!account) return;
    const now = tx.clock.now();
    const token = tx.ids.token(32);
    await insertPasswordReset(tx.db, {
      id: tx.ids.id('reset'),
      accountId: account.id,
      tokenHash: sha256Hex(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_TTL_MS),
    });
    const link = `${tx.env.TESSERA_BASE_URL}/app/reset-password?token=${encodeURIComponent(token)}`;
    await sendMail(tx, {
      to: account.email,
      subject: 'Reset your Tessera password',
      text: `Hello ${account.name},\n\nSomeone asked to reset the password of your Tessera account. To choose a new password, open this link within one hour:\n\n${link}\n\nIf it was not you, ignore this email: your password stays as it is.\n`,
    });
    await recordAudit(tx, { action: 'account.password_reset_requested', actorId: account.id, target: account.id, ip: opts.ip });
  });
}
