import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import type { SubmissionRow } from './store.js';
import { findSubmission } from './store.js';

/** The caller's own submission (others' submissions are reported as missing). */
export async function loadOwnSubmission(
  deps: Deps,
  opts: { accountId: string; submissionId: string; lock?: boolean },
): Promise<SubmissionRow> {
  const s = await findSubmission(deps.db, opts.submissionId, opts.lock);
  if (!s || s.learnerId !== opts.accountId) throw new AppError('not_found', 'No such submission');
  return s;
}
