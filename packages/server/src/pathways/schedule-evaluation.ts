import type { Deps } from '../context.js';
import { enqueueJob } from '../jobs/index.js';

/** Job: evaluate the published pathways a new credential can advance for one learner (payload `{ learnerId, reason }`). */
export const EVALUATE_LEARNER_PATHWAYS_JOB = 'pathways.evaluate_learner';
/** Job: evaluate one pathway for every learner who may qualify (payload `{ pathwayId }`), run on publish. */
export const EVALUATE_PATHWAY_JOB = 'pathways.evaluate_pathway';

/**
 * Schedule a pathway check for a learner who just received a credential (call it in the transaction that
 * commits the credential: the job is part of the same commit, so a crash cannot lose the check). `reason`
 * (the credential or wallet item id) keys the job, so a retried commit schedules it once.
 */
export async function schedulePathwayEvaluation(
  deps: Pick<Deps, 'db' | 'clock' | 'ids'>,
  opts: { learnerId: string; reason: string },
): Promise<void> {
  await enqueueJob(deps, {
    type: EVALUATE_LEARNER_PATHWAYS_JOB,
    payload: { learnerId: opts.learnerId, reason: opts.reason },
    idempotencyKey: `pathways.evaluate:${opts.reason}`,
  });
}
