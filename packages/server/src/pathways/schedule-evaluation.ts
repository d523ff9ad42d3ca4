import type { Deps } from '../context.js';
import { enqueueJob } from '../jobs/index.js';

/** Job: evaluate the published pathways a new credential can advance for one learner (payload `{ learnerId, reason }`). */
export const EVALUATE_LEARNER_PATHWAYS_JOB = 'pathways.evaluate_learner';
/** Job: evaluate one pathway for every learner who may qualify (payload `{ pathwayId }`), run on publish. */
export const EVALUATE_PATHWAY_JOB = 'pathways.evaluate_pathway';

/** Job: evaluate the pathways of an organisation that accept what it recognises, after it published a rule for an achievement (payload `{ orgId, achievementId, ruleId }`). */
export const EVALUATE_RECOGNISING_JOB = 'pathways.evaluate_recognising';

/**
 * Schedule the check that follows a published recognition rule (call it in the transaction that publishes the rule):
 * holders of the recognised achievement who now complete one of the organisation's pathways are awarded.
 */
export async function scheduleRecognisingEvaluation(
  deps: Pick<Deps, 'db' | 'clock' | 'ids'>,
  opts: { orgId: string; achievementId: string; ruleId: string },
): Promise<void> {
  await enqueueJob(deps, {
    type: EVALUATE_RECOGNISING_JOB,
    payload: { orgId: opts.orgId, achievementId: opts.achievementId, ruleId: opts.ruleId },
    idempotencyKey: `pathways.evaluate_recognising:${opts.ruleId}`,
  });
}

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
