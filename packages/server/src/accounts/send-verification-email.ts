import type { Deps } from '../context.js';
import { sendMail } from '../mail/index.js';
import { sha256Hex } from '../shared/hash.js';
import type { AccountRow } from './store.js';
import { insertEmailVerification } from './store.js';

/** How long an email verification link stays valid. */
export const VERIFICATION_TTL_MS = 48 * 60 * 60 * 1000;

/** Store a fresh single-use verification token (hashed) and email its link to the account's address. */
export async function sendVerificationEmail(deps: Deps, opts: { account: Pick<AccountRow, 'id' | 'email' | 'name'> }): Promise<void> {
  const now = deps.clock.now();
  const token = deps.ids.token(32);
  await insertEmailVerification(deps.db, {
    id: deps.ids.uuid(),
    accountId: opts.account.id,
    tokenHash: sha256Hex(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + VERIFICATION_TTL_MS),
  });
  const link = `${deps.env.TESSERA_BASE_URL}/app/verify-email?token=${encodeURIComponent(token)}`;
  await sendMail(deps, {
    to: opts.account.email,
    subject: 'Confirm your email address for Tessera',
    text: `Hello ${opts.account.name},\n\nPlease confirm your email address: open this link within 48 hours.\n\n${link}\n\nUntil you do, Tessera emails no credentials or notifications to\nthis address. If you did not create a Tessera account, ignore this email.\n`,
  });
}
