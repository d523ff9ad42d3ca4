import type { Deps } from '../context.js';
import { jobStateByKey } from '../jobs/index.js';
import { issuanceJobKey } from './decide.js';

/** Where a passed submission's credential is: issued, being signed, or failed (its owners were shown the job). */
export type IssuanceState = 'issued' | 'signing' | 'failed';

/** The truthful issuance state of a submission (null unless it passed): a dead issuance job is `failed`, never "in a moment". */
export async function issuanceState(
  deps: Pick<Deps, 'db'>,
  opts: { submissionId: string; state: string; credentialId: string | null },
): Promise<IssuanceState | null> {
  if (opts.state !== 'passed') return null;
  if (opts.credentialId) return 'issued';
  return (await jobStateByKey(deps, issuanceJobKey(opts.submissionId))) === 'dead' ? 'failed' : 'signing';
}
