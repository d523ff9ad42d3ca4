import type { Deps } from '../context.js';
import { evaluateLearnerPathways } from './evaluate-learner.js';
import type { EvaluationAward } from './evaluate-learner.js';
import { readPathwayContent } from './present.js';
import { listCandidateLearners, listPublishedPathways } from './store.js';

/**
 * Re-evaluate, after an organisation publishes a recognition rule for an achievement, its published pathways with a
 * `recognised` step for every holder of that achievement (the recognition slice, or a job it enqueues, calls this;
 * see README). Returns the completions and milestones newly awarded; safe to repeat (awards are keyed).
 */
export async function evaluateRecognisingPathways(deps: Deps, opts: { orgId: string; achievementId: string }): Promise<EvaluationAward[]> {
  const pathwayIds = (await listPublishedPathways(deps.db))
    .filter(
      (p) =>
        p.pathway.orgId === opts.orgId &&
        p.pathway.status === 'published' &&
        readPathwayContent(p.version.content).steps.some((s) => s.accept.kind === 'recognised'),
    )
    .map((p) => p.pathway.id);
  if (!pathwayIds.length) return [];
  const out: EvaluationAward[] = [];
  for (const learnerId of await listCandidateLearners(deps.db, [opts.achievementId], false)) {
    out.push(...(await evaluateLearnerPathways(deps, { learnerId, pathwayIds })).filter((a) => a.created));
  }
  return out;
}
