import { findAccountById } from '../accounts/index.js';
import type { Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { enqueueJob } from '../jobs/index.js';
import { sendMail } from '../mail/index.js';
import { lockPendingDigest, markDigestSent } from './store.js';

/** Job type that emails one account its daily digest of notices. */
export const NOTICE_DIGEST_JOB = 'notifications.digest';

/** The hour (UTC) at which daily digests go out. */
export const DIGEST_HOUR_UTC = 7;

/** The next digest time after `now`: today at DIGEST_HOUR_UTC if that is still ahead, else tomorrow. */
export function nextDigestAt(now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC));
  if (at <= now) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

/** Queue the account's next digest (idempotent: one job per account and day, however many notices wait). */
export async function scheduleNoticeDigest(deps: Pick<Deps, 'db' | 'clock' | 'ids'>, opts: { accountId: string }): Promise<void> {
  const at = nextDigestAt(deps.clock.now());
  const day = at.toISOString().slice(0, 10);
  await enqueueJob(deps, {
    type: NOTICE_DIGEST_JOB,
    payload: { accountId: opts.accountId },
    idempotencyKey: `${NOTICE_DIGEST_JOB}:${opts.accountId}:${day}`,
    runAfter: at,
  });
}

/**
 * Email the account one message listing its waiting digest notices, and mark them sent in the same
 * transaction (the mail is stored with them, so a retry never sends twice). Nothing goes to an unconfirmed address.
 */
export async function sendNoticeDigest(deps: Deps, opts: { accountId: string }): Promise<{ sent: number }> {
  return inTransaction(deps, async (tx) => {
    const pending = await lockPendingDigest(tx.db, opts.accountId);
    if (!pending.length) return { sent: 0 };
    const account = await findAccountById(tx.db, opts.accountId);
    await markDigestSent(
      tx.db,
      opts.accountId,
      pending.map((p) => p.noticeKey),
      tx.clock.now(),
    );
    if (!account?.emailVerifiedAt) return { sent: 0 };
    const lines = pending.map((p) => `- ${p.title}\n  ${p.body}${p.link ? `\n  ${deps.env.TESSERA_BASE_URL}${p.link}` : ''}`);
    const subject =
      pending.length === 1
        ? `Your Tessera digest: ${pending[0]?.title ?? ''}`
        : `Your Tessera digest: ${pending.length} new submissions to review`;
    const text = `Hello ${account.name},\n\nSince your last digest:\n\n${lines.join('\n\n')}\n\nChange how you hear about new submissions in your Tessera settings.\n`;
    await sendMail(tx, { to: account.email, subject, text });
    return { sent: pending.length };
  });
}
