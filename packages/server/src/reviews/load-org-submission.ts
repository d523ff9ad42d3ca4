import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import type { SubmissionRow } from '../submissions/index.js';
import { findSubmission } from '../submissions/index.js';

/** A submission of this organisation (others' are reported as missing). */
export async function loadOrgSubmission(deps: Deps, opts: { org: OrgRow; submissionId: string; lock?: boolean }): Promise<SubmissionRow> {
  const s = await findSubmission(deps.db, opts.submissionId, opts.lock);
  if (!s || s.orgId !== opts.org.id || s.state === 'draft') throw new AppError('not_found', 'No such submission');
  return s;
}
