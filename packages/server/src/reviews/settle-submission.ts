import { readContent } from '../achievements/index.js';
import { findVersion } from '../achievements/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { insertReview } from '../submissions/index.js';
import type { ScoreInput } from './decide.js';
import { applyDecision, scoreReview } from './decide.js';
import { loadOrgSubmission } from './load-org-submission.js';

/** An owner settles two disagreeing reviews with a final scored decision. */
export async function settleSubmission(
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
    if (s.state !== 'disputed') throw new AppError('conflict', 'Only a submission whose two reviews disagree can be settled');
    const version = await findVersion(tx.db, s.versionId);
    if (!version) throw new AppError('not_found', 'No such version');
    const content = readContent(version.content);
    const scored = scoreReview(content, opts.scores, opts.decision);
    await insertReview(tx.db, {
      id: tx.ids.id('review'),
      submissionId: s.id,
      attempt: s.attempt,
      kind: 'settlement',
      assessorId: opts.actor.accountId,
      scores: scored,
      overallFeedback: opts.overallFeedback,
      decision: opts.decision,
      createdAt: tx.clock.now(),
    });
    await applyDecision(tx, { s, content, decision: opts.decision, unmet: scored.filter((x) => !x.met).map((x) => x.criterionId) });
  });
}
