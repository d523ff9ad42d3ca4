import type { Content } from '../achievements/index.js';
import { recordAssessmentAward } from '../awards/index.js';
import { levelMeets } from '../achievements/index.js';
import type { Deps } from '../context.js';
import { enqueueJob } from '../jobs/index.js';
import { notify } from '../notifications/index.js';
import { AppError } from '../shared/errors.js';
import type { SubmissionRow } from '../submissions/index.js';
import { setAttemptOutcome, updateSubmission } from '../submissions/index.js';

/** Job type that issues the credential of a passed submission. */
export const ISSUE_CREDENTIAL_JOB = 'credential.issue';

/** The idempotency key of a submission's issuance job: one job per passed submission. */
export function issuanceJobKey(submissionId: string): string {
  return `issue:${submissionId}`;
}

/** Score input. */
export interface ScoreInput {
  criterionId: string;
  levelId: string;
  feedback: string;
}

/** Check scores against the rubric and mark each criterion met or not; the decision must follow the passing rule. */
export function scoreReview(content: Content, scores: ScoreInput[], decision: 'pass' | 'needs_revision') {
  const errors: Array<{ path: string; message: string }> = [];
  const out = content.rubric.criteria.map((cr, i) => {
    const s = scores.find((x) => x.criterionId === cr.id);
    if (!s) {
      errors.push({ path: `scores.${i}`, message: `Score "${cr.name}"` });
      return null;
    }
    if (!cr.levels.some((l) => l.id === s.levelId)) errors.push({ path: `scores.${i}.levelId`, message: 'Not a level of this criterion' });
    return { criterionId: cr.id, levelId: s.levelId, feedback: s.feedback, met: levelMeets(content, cr.id, s.levelId) };
  });
  if (
    scores.length !== content.rubric.criteria.length ||
    scores.some((s) => !content.rubric.criteria.some((c) => c.id === s.criterionId))
  ) {
    errors.push({ path: 'scores', message: 'Score each rubric criterion exactly once' });
  }
  if (errors.length) throw new AppError('validation_failed', 'The scores do not match the rubric', { errors });
  const scored = out.filter((x): x is NonNullable<typeof x> => x !== null);
  const allMet = scored.every((x) => x.met);
  if (decision === 'pass' && !allMet)
    throw new AppError('validation_failed', 'A pass needs every criterion at its required level', {
      errors: [{ path: 'decision', message: 'Some criteria are below the required level' }],
    });
  if (decision === 'needs_revision' && allMet)
    throw new AppError('validation_failed', 'Every criterion is met: decide pass, or lower a level', {
      errors: [{ path: 'decision', message: 'All criteria are met' }],
    });
  return scored;
}

/**
 * Apply a final decision. A pass queues issuance as a job in the same transaction (idempotency key per
 * submission), so the credential is issued exactly once even if the process dies right after the decision.
 */
export async function applyDecision(
  deps: Deps,
  opts: { s: SubmissionRow; content: Content; decision: 'pass' | 'needs_revision'; unmet: string[] },
): Promise<void> {
  const now = deps.clock.now();
  const { s } = opts;
  await setAttemptOutcome(deps.db, s.id, s.attempt, opts.decision);
  const link = `/app/me/submissions/${s.id}`;
  if (opts.decision === 'pass') {
    await updateSubmission(deps.db, s.id, { state: 'passed', openCriteria: [], decidedAt: now, updatedAt: now });
    // The pass becomes an award (exactly once per submission and attempt); the job signs its credential.
    const award = await recordAssessmentAward(deps, { submission: s });
    await enqueueJob(deps, {
      type: ISSUE_CREDENTIAL_JOB,
      payload: { submissionId: s.id, awardId: award.id },
      idempotencyKey: issuanceJobKey(s.id),
      orgId: s.orgId,
    });
    await notify(deps, {
      accountId: s.learnerId,
      title: `You earned “${opts.content.name}”`,
      body: 'Your evidence met every criterion of the rubric. Your credential is being signed; the submission page shows when it is in your wallet.',
      link,
    });
    return;
  }
  const last = s.attempt >= opts.content.maxAttempts;
  await updateSubmission(deps.db, s.id, {
    state: last ? 'not_passed' : 'needs_revision',
    openCriteria: opts.unmet,
    decidedAt: now,
    updatedAt: now,
  });
  await notify(deps, {
    accountId: s.learnerId,
    title: last ? `“${opts.content.name}” was not passed` : `Revision requested for “${opts.content.name}”`,
    body: last
      ? 'Your last attempt did not meet every criterion. Read the feedback for next time.'
      : `Read the assessor's feedback and revise the evidence for ${opts.unmet.length} criterion(s).`,
    link,
  });
}
