import { recordAudit } from '../audit/record-audit.js';
import type { Deps } from '../context.js';
import { sendMail } from '../mail/send-mail.js';
import { sha256Hex } from '../shared/hash.js';
import { findAccountByEmail, hitRateLimit, insertPasswordReset } from './store.js';

/** How long a reset link stays valid. */
export const RESET_TTL_MS = 60 * 60 * 1000;

/** Email a single-use, expiring reset link if the account exists; says nothing either way. */
export async function requestPasswordReset(deps: Deps, opts: { email: string; ip: string | null }): Promise<void> {
  const now = deps.clock.now();
  const limited = await hitRateLimit(deps.db, `reset:${opts.email}`, now, RESET_TTL_MS);
  if (limited.count > 5) return;
  const account = await findAccountByEmail(deps.db, opts.email);
  if (!account) return;
  const token = deps.ids.token(32);
  await insertPasswordReset(deps.db, {
    id: deps.ids.id('reset'),
    accountId: account.id,
    tokenHash: sha256Hex(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + RESET_TTL_MS),
  });
  const link = `${deps.env.TESSERA_BASE_URL}/app/reset-password?token=${encodeURIComponent(token)}`;
  await sendMail(deps, {
    to: account.email,
    subject: 'Reset your Tessera password',
    text: `Hello ${account.name},\n\nSomeone asked to reset the password of your Tessera account. To choose a new password, open this link within one hour:\n\n${link}\n\nIf it was not you, ignore this email: your password stays as it is.\n`,
  });
  await recordAudit(deps, { action: 'account.password_reset_requested', actorId: account.id, target: account.id, ip: opts.ip });
}
