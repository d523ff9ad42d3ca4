import { readContent } from '../achievements/index.js';
import { findVersion } from '../achievements/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import {
  claimIsLive,
  insertReview,
  listReviews,
  lockSlots,
  setAttemptOutcome,
  updateSlot,
  updateSubmission,
} from '../submissions/index.js';
import type { ScoreInput } from './decide.js';
import { applyDecision, scoreReview } from './decide.js';
import { loadOrgSubmission } from './load-org-submission.js';

/**
 * Record an assessor's review on a claimed slot. Single-scored: the decision applies. Double-scored: it
 * applies once both reviews agree; when they disagree the submission waits for an owner to settle it.
 */
export async function submitReview(
  deps: Deps,
  opts: {
    actor: Actor;
    org: OrgRow;
    submissionId: string;
    scores: ScoreInput[];
    overallFeedback: string;
    decision: 'pass' | 'needs_revision';
  },
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const s = await loadOrgSubmission(tx, { org: opts.org, submissionId: opts.submissionId, lock: true });
    if (s.learnerId === opts.actor.accountId) throw new AppError('forbidden', 'You cannot assess your own submission');
    if (s.state !== 'in_review') throw new AppError('conflict', 'Claim the submission before reviewing it');
    const now = tx.clock.now();
    const slots = await lockSlots(tx.db, s.id, s.attempt);
    const slot = slots.find((x) => x.assessorId === opts.actor.accountId && claimIsLive(x, now));
    if (!slot) throw new AppError('forbidden', 'You do not hold a live claim on this submission');
    if (slot.reviewId) throw new AppError('conflict', 'You have already reviewed this attempt');
    const version = await findVersion(tx.db, s.versionId);
    if (!version) throw new AppError('not_found', 'No such version');
    const content = readContent(version.content);
    const scored = scoreReview(content, opts.scores, opts.decision);
    const id = tx.ids.id('review');
    await insertReview(tx.db, {
      id,
      submissionId: s.id,
      attempt: s.attempt,
      kind: slot.slot === 1 ? 'primary' : 'second',
      assessorId: opts.actor.accountId,
      scores: scored,
      overallFeedback: opts.overallFeedback,
      decision: opts.decision,
      createdAt: now,
    });
    await updateSlot(tx.db, slot, { reviewId: id });
    const done = (await listReviews(tx.db, s.id)).filter((r) => r.attempt === s.attempt && r.kind !== 'settlement');
    if (done.length < slots.length) return;
    const decisions = new Set(done.map((r) => r.decision));
    if (decisions.size > 1) {
      await updateSubmission(tx.db, s.id, { state: 'disputed', updatedAt: now });
      await setAttemptOutcome(tx.db, s.id, s.attempt, 'disputed');
      return;
    }
    const unmet = [...new Set(done.flatMap((r) => r.scores.filter((x) => !x.met).map((x) => x.criterionId)))];
    await applyDecision(tx, { s, content, decision: opts.decision, unmet });
  });
}
