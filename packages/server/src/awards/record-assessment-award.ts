import { recordAudit } from '../audit/index.js';
import type { Deps } from '../context.js';
import { listReviews } from '../submissions/index.js';
import type { SubmissionRow } from '../submissions/index.js';
import { findAccountName, findAwardByKey, insertAward } from './store.js';
import type { AwardRow } from './store.js';

/** The idempotency key of a passed submission's award: one award per submission and attempt. */
export function assessmentAwardKey(submissionId: string, attempt: number): string {
  return `assessment:${submissionId}:${attempt}`;
}

/**
 * Record the award of a passing decision, in the decision's transaction (the caller holds the submission
 * lock): source `assessment`, source_ref the submission, the deciding review's levels as results. The
 * credential is signed by the `credential.issue` job. Exactly once by the (org, key) unique index.
 */
export async function recordAssessmentAward(tx: Deps, opts: { submission: SubmissionRow }): Promise<AwardRow> {
  const s = opts.submission;
  const key = assessmentAwardKey(s.id, s.attempt);
  const reviews = (await listReviews(tx.db, s.id)).filter((r) => r.attempt === s.attempt);
  const deciding = reviews.find((r) => r.kind === 'settlement') ?? reviews.find((r) => r.kind === 'primary');
  const now = tx.clock.now();
  const created = await insertAward(tx.db, {
    id: tx.ids.id('award'),
    orgId: s.orgId,
    achievementId: s.achievementId,
    versionId: s.versionId,
    recipientAccountId: s.learnerId,
    recipientEmail: null,
    recipientName: (await findAccountName(tx.db, s.learnerId)) ?? '',
    source: 'assessment',
    sourceRef: s.id,
    results: (deciding?.scores ?? []).map((x) => ({ criterionId: x.criterionId, levelId: x.levelId })),
    idempotencyKey: key,
    createdBy: deciding?.assessorId ?? null,
    createdAt: now,
  });
  const award = await findAwardByKey(tx.db, s.orgId, key);
  if (!award) throw new Error(`award ${key} vanished`);
  if (created)
    await recordAudit(tx, {
      action: 'award.created',
      orgId: s.orgId,
      actorId: award.createdBy,
      target: award.id,
      detail: { source: 'assessment', sourceRef: s.id, achievementId: s.achievementId, versionId: s.versionId },
    });
  return award;
}
