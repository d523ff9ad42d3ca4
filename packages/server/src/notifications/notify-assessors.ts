import { readContent } from '../achievements/index.js';
import { findVersion } from '../achievements/index.js';
import { findAccountById } from '../accounts/index.js';
import type { Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { enqueueJob } from '../jobs/index.js';
import { sendMail } from '../mail/index.js';
import { can } from '../orgs/index.js';
import { findOrgById, listMembers } from '../orgs/index.js';
import { findSubmission } from '../submissions/index.js';
import { scheduleNoticeDigest } from './send-notice-digest.js';
import { claimNoticeDelivery, insertNotification, preferencesOfAccounts } from './store.js';

/** Job type that tells an organisation's assessors about a submitted attempt. */
export const NOTIFY_ASSESSORS_JOB = 'notifications.new_submission';

/** Queue the notice of a submitted attempt, inside the submitting transaction (one job per submission attempt). */
export async function enqueueSubmissionNotice(
  deps: Pick<Deps, 'db' | 'clock' | 'ids'>,
  opts: { submissionId: string; attempt: number; orgId: string },
): Promise<void> {
  await enqueueJob(deps, {
    type: NOTIFY_ASSESSORS_JOB,
    payload: { submissionId: opts.submissionId, attempt: opts.attempt },
    idempotencyKey: `${NOTIFY_ASSESSORS_JOB}:${opts.submissionId}:${opts.attempt}`,
    orgId: opts.orgId,
  });
}

/**
 * Tell every member who may review (owners and assessors, never the learner) that an attempt is waiting:
 * in the app and by email, as each chose for this organisation. Each (member, attempt, channel) is recorded
 * once, in the same transaction as the notice itself, so a retried job sends nothing twice.
 */
export async function notifyAssessors(deps: Deps, opts: { submissionId: string; attempt: number }): Promise<{ notified: number }> {
  const s = await findSubmission(deps.db, opts.submissionId);
  // A later attempt has its own notice; a decided or withdrawn attempt needs none.
  if (!s || s.attempt !== opts.attempt || !['submitted', 'in_review'].includes(s.state)) return { notified: 0 };
  const org = await findOrgById(deps.db, s.orgId);
  const version = await findVersion(deps.db, s.versionId);
  if (!org || !version) return { notified: 0 };
  const name = readContent(version.content).name;
  const reviewers = (await listMembers(deps.db, org.id)).filter((m) => can(m.role, 'submissions.review') && m.accountId !== s.learnerId);
  const prefs = new Map(
    (
      await preferencesOfAccounts(
        deps.db,
        org.id,
        reviewers.map((m) => m.accountId),
      )
    ).map((p) => [p.accountId, p]),
  );
  const noticeKey = `submission:${s.id}:${s.attempt}`;
  const title = s.attempt > 1 ? `Revised submission to review: “${name}”` : `New submission to review: “${name}”`;
  const body = `${org.name}: attempt ${s.attempt} of “${name}” is waiting for review (service level: ${org.reviewSlaDays} days).`;
  const link = `/app/orgs/${org.slug}/submissions/${s.id}`;
  let notified = 0;
  for (const m of reviewers) {
    const pref = prefs.get(m.accountId);
    const inApp = pref?.inApp ?? true;
    const email = pref?.email ?? 'immediate';
    const now = deps.clock.now();
    const row = { accountId: m.accountId, noticeKey, orgId: org.id, title, body, link, createdAt: now, sentAt: null };
    const told = await inTransaction(deps, async (tx) => {
      let any = false;
      if (inApp && (await claimNoticeDelivery(tx.db, { ...row, channel: 'in_app' }))) {
        await insertNotification(tx.db, { id: tx.ids.id('notification'), accountId: m.accountId, title, body, link, createdAt: now });
        any = true;
      }
      if (email === 'immediate' && (await claimNoticeDelivery(tx.db, { ...row, channel: 'email', sentAt: now }))) {
        const account = await findAccountById(tx.db, m.accountId);
        // Only a confirmed address gets mail (the same rule as every other notice).
        if (account?.emailVerifiedAt) {
          await sendMail(tx, {
            to: account.email,
            subject: title,
            text: `Hello ${account.name},\n\n${body}\n\n${deps.env.TESSERA_BASE_URL}${link}\n\nChange how you hear about new submissions in your Tessera settings.\n`,
          });
          any = true;
        }
      }
      if (email === 'digest' && (await claimNoticeDelivery(tx.db, { ...row, channel: 'digest' }))) {
        await scheduleNoticeDigest(tx, { accountId: m.accountId });
        any = true;
      }
      return any;
    });
    if (told) notified += 1;
  }
  return { notified };
}
