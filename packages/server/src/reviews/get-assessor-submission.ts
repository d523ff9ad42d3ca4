import { findAccountById } from '../accounts/index.js';
import { readContent } from '../achievements/index.js';
import { findVersion } from '../achievements/index.js';
import type { Deps } from '../context.js';
import type { OrgRow, RoleValue } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { presentEvidence, presentReview } from '../submissions/index.js';
import { claimIsLive, listReviews, slotsOf } from '../submissions/index.js';
import { labelForAssessors } from './assessor-label.js';
import { loadOrgSubmission } from './load-org-submission.js';

/**
 * A submission as an assessor sees it. While a double-scored attempt is open, an assessor does not see the
 * other assessor's review of it (independent scoring); owners see everything once it is disputed.
 */
export async function getAssessorSubmission(deps: Deps, opts: { org: OrgRow; role: RoleValue; accountId: string; submissionId: string }) {
  const s = await loadOrgSubmission(deps, { org: opts.org, submissionId: opts.submissionId });
  const version = await findVersion(deps.db, s.versionId);
  if (!version) throw new AppError('not_found', 'No such version');
  const content = readContent(version.content);
  const now = deps.clock.now();
  const slots = (await slotsOf(deps.db, [{ id: s.id, attempt: s.attempt }])).filter((x) => x.attempt === s.attempt);
  const mine = slots.find((x) => x.assessorId === opts.accountId && claimIsLive(x, now));
  const open = ['submitted', 'in_review'].includes(s.state);
  const reviewedByMe = slots.some((x) => x.assessorId === opts.accountId && x.reviewId);
  const slotFree = slots.some((x) => !claimIsLive(x, now));
  const all = await listReviews(deps.db, s.id);
  const visible = all.filter((r) => !(open && r.attempt === s.attempt && r.assessorId !== opts.accountId));
  const names = new Map<string, string>();
  for (const r of visible)
    if (r.assessorId && !names.has(r.assessorId))
      names.set(r.assessorId, (await findAccountById(deps.db, r.assessorId))?.name ?? 'Former member');
  return {
    id: s.id,
    learnerLabel: await labelForAssessors(deps, opts.org, s.learnerId),
    achievement: content,
    version: version.version,
    state: s.state,
    attempt: s.attempt,
    evidence: await presentEvidence(deps, s, content),
    reviews: visible.map((r) => presentReview(r, r.assessorId ? (names.get(r.assessorId) ?? null) : null)),
    openCriterionIds: s.openCriteria,
    doubleScored: s.doubleScored,
    claim: { mine: Boolean(mine && !mine.reviewId), expiresAt: mine?.claimExpiresAt?.toISOString() ?? null },
    canReview: Boolean(mine && !mine.reviewId && s.state === 'in_review' && s.learnerId !== opts.accountId),
    canClaim: open && !mine && !reviewedByMe && slotFree && s.learnerId !== opts.accountId,
    canSettle: s.state === 'disputed' && opts.role === 'owner' && s.learnerId !== opts.accountId,
  };
}
