import { recordAudit } from '../audit/index.js';
import type { Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { sendMail } from '../mail/index.js';
import { hashPassword } from './password.js';
import { enforceRateLimit } from './rate-limit.js';
import { sendVerificationEmail } from './send-verification-email.js';
import { countAccounts, findAccountByEmail, hitRateLimit, insertAccount } from './store.js';

const HOUR_MS = 60 * 60 * 1000;
/** Emails about one address per hour, so sign-up cannot be used to flood someone's inbox. */
const MAILS_PER_EMAIL_PER_HOUR = 3;

/**
 * Create an unverified account and email it a verification link. The very first account of an installation
 * becomes platform admin. An email that already has an account gets the same answer, and its owner gets an
 * email instead, so sign-up does not reveal who has an account. Nobody is signed in here: the person signs
 * in with the password they chose (an unverified account may sign in).
 */
export async function signUp(
  deps: Deps,
  opts: { email: string; name: string; password: string; ip: string | null },
): Promise<{ email: string }> {
  if (opts.ip) {
    await enforceRateLimit(deps, {
      key: `signup:ip:${opts.ip}`,
      max: deps.env.TESSERA_SIGNUP_PER_HOUR,
      windowMs: HOUR_MS,
      message: 'Too many sign-ups from your network. Try again later.',
    });
  }
  // Both paths hash: the expensive step does not tell a new address from a registered one.
  const passwordHash = await hashPassword(opts.password, deps.passwords);
  await inTransaction(deps, async (tx) => {
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
    const mails = await hitRateLimit(tx.db, `signup:email:${opts.email}`, now, HOUR_MS);
    if (inserted) {
      await recordAudit(tx, { action: 'account.signed_up', actorId: id, target: id, ip: opts.ip });
      if (mails.count <= MAILS_PER_EMAIL_PER_HOUR) await sendVerificationEmail(tx, { account: { id, email: opts.email, name: opts.name } });
      return;
    }
    const owner = await findAccountByEmail(tx.db, opts.email);
    if (!owner || mails.count > MAILS_PER_EMAIL_PER_HOUR) return;
    const base = tx.env.TESSERA_BASE_URL;
    await sendMail(tx, {
      to: owner.email,
      subject: 'Someone tried to create a Tessera account with your email',
      text: `Hello ${owner.name},\n\nSomeone, perhaps you, tried to create a new Tessera account with this email address. You already have an account, so nothing was created and nothing changed.\n\nSign in: ${base}/app/signin\nForgot your password? ${base}/app/forgot-password\n\nIf it was not you, you can ignore this email.\n`,
    });
  });
  return { email: opts.email };
}
