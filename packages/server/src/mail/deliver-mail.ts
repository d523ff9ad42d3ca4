import type { Deps } from '../context.js';
import type { JobContext } from '../jobs/index.js';
import { claimMailForSending, findMail, releaseMailClaim, setMailStatus } from './store.js';

/**
 * How long a `sending` claim stands before another run may try again: longer than any SMTP exchange
 * (nodemailer's socket timeout is 10 minutes), so a slow send is never doubled; only a sender that
 * crashed mid-send leaves a claim this old, and then the message is sent again (at least once).
 */
export const SENDING_CLAIM_MS = 15 * 60_000;

/**
 * Deliver a stored message over the configured transport (run by the mail.deliver job), at most once per
 * message id: the run that moves the row from `queued` to `sending` is the only one that sends, and it
 * checks that its job is still its own before it does. A run that finds the message sent does nothing; one
 * that finds it being sent by another run fails, to look again after the backoff.
 */
export async function deliverMail(deps: Deps, opts: { messageId: string; job?: Pick<JobContext, 'stillOwned'> }): Promise<void> {
  const now = deps.clock.now();
  const row = await claimMailForSending(deps.db, { id: opts.messageId, now, staleBefore: new Date(now.getTime() - SENDING_CLAIM_MS) });
  if (!row) {
    const current = await findMail(deps.db, opts.messageId);
    if (current?.status === 'sending') throw new Error(`Message ${opts.messageId} is being delivered by another run`);
    return;
  }
  if (opts.job && !(await opts.job.stillOwned())) {
    await releaseMailClaim(deps.db, row.id);
    return;
  }
  try {
    await deps.mailer.deliver({ id: row.id, to: row.to, subject: row.subject, text: row.text });
  } catch (err) {
    await releaseMailClaim(deps.db, row.id);
    throw err;
  }
  await setMailStatus(deps.db, row.id, 'sent', deps.clock.now());
}
