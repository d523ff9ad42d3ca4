import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { claimIsLive, lockSlots, updateSlot, updateSubmission } from '../submissions/index.js';
import { loadOrgSubmission } from './load-org-submission.js';

/** How long a claim holds a submission for one assessor. */
export const CLAIM_TTL_MS = 24 * 60 * 60 * 1000;

/** Claim a review slot of the current attempt. Learners can never assess their own work; one slot per assessor. */
export async function claimSubmission(deps: Deps, opts: { actor: Actor; org: OrgRow; submissionId: string }): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const s = await loadOrgSubmission(tx, { org: opts.org, submissionId: opts.submissionId, lock: true });
    if (s.learnerId === opts.actor.accountId) throw new AppError('forbidden', 'You cannot assess your own submission');
    if (!['submitted', 'in_review'].includes(s.state)) throw new AppError('conflict', 'This submission is not waiting for review');
    const now = tx.clock.now();
    const slots = await lockSlots(tx.db, s.id, s.attempt);
    const mine = slots.find((x) => x.assessorId === opts.actor.accountId && claimIsLive(x, now));
    if (mine?.reviewId) throw new AppError('conflict', 'You have already reviewed this attempt');
    const slot = mine ?? slots.find((x) => !claimIsLive(x, now));
    if (!slot) throw new AppError('conflict', 'Other assessors hold every review slot of this submission');
    await updateSlot(tx.db, slot, { assessorId: opts.actor.accountId, claimExpiresAt: new Date(now.getTime() + CLAIM_TTL_MS) });
    if (s.state === 'submitted') await updateSubmission(tx.db, s.id, { state: 'in_review', updatedAt: now });
  });
}

/** Give a claim back before reviewing. */
export async function releaseClaim(deps: Deps, opts: { actor: Actor; org: OrgRow; submissionId: string }): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const s = await loadOrgSubmission(tx, { org: opts.org, submissionId: opts.submissionId, lock: true });
    const slots = await lockSlots(tx.db, s.id, s.attempt);
    const mine = slots.find((x) => x.assessorId === opts.actor.accountId && !x.reviewId);
    if (!mine) throw new AppError('conflict', 'You hold no claim on this submission');
    await updateSlot(tx.db, mine, { assessorId: null, claimExpiresAt: null });
  });
}
