import { findAccountById } from '../accounts/store.js';
import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/store.js';
import { learnerLabel } from '../submissions/present.js';

/** How assessors see a learner: an anonymous label when reviews are blind, else the learner's name. */
export async function labelForAssessors(deps: Deps, org: OrgRow, learnerId: string): Promise<string> {
  if (org.blindReviews) return learnerLabel(org.id, learnerId);
  return (await findAccountById(deps.db, learnerId))?.name ?? learnerLabel(org.id, learnerId);
}
