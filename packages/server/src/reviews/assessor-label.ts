import { createHmac, randomBytes } from 'node:crypto';
import { findAccountById } from '../accounts/index.js';
import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { findReviewLabelSecret, setReviewLabelSecretIfMissing } from '../orgs/index.js';

/** AAD binding a sealed review-label secret to its organisation, so sealed values cannot be swapped between rows. */
export function reviewLabelContext(orgId: string): string {
  return `tessera:review-label:${orgId}`;
}

/**
 * The organisation's secret for blind-review labels: made on first use (existing organisations get one
 * lazily), sealed with the master key, never presented. Two first uses at once both read the one stored.
 */
async function reviewLabelSecret(deps: Deps, org: Pick<OrgRow, 'id' | 'reviewLabelSecret'>): Promise<Buffer> {
  let sealed = org.reviewLabelSecret ?? (await findReviewLabelSecret(deps.db, org.id));
  if (!sealed) {
    const fresh = randomBytes(32);
    await setReviewLabelSecretIfMissing(deps.db, org.id, deps.keyring.seal(fresh, reviewLabelContext(org.id)));
    fresh.fill(0);
    sealed = await findReviewLabelSecret(deps.db, org.id);
    if (!sealed) throw new Error(`Organisation ${org.id} has no review-label secret`);
  }
  return deps.keyring.open(sealed, reviewLabelContext(org.id));
}

/**
 * The anonymous label assessors see for a learner: an HMAC of the learner's id under the organisation's
 * secret, so it is stable per (organisation, learner) yet cannot be recomputed from public ids.
 */
export async function blindLearnerLabel(deps: Deps, org: Pick<OrgRow, 'id' | 'reviewLabelSecret'>, learnerId: string): Promise<string> {
  const secret = await reviewLabelSecret(deps, org);
  const mac = createHmac('sha256', secret).update(`learner:${learnerId}`).digest('hex');
  secret.fill(0);
  return `Learner ${mac.slice(0, 4).toUpperCase()}`;
}

/** How assessors see a learner: an anonymous label when reviews are blind, else the learner's name. */
export async function labelForAssessors(deps: Deps, org: OrgRow, learnerId: string): Promise<string> {
  if (org.blindReviews) return blindLearnerLabel(deps, org, learnerId);
  return (await findAccountById(deps.db, learnerId))?.name ?? (await blindLearnerLabel(deps, org, learnerId));
}
