import type { Deps } from '../context.js';
import { evaluateLearnerPathways } from './evaluate-learner.js';
import type { EvaluationAward } from './evaluate-learner.js';
import { rulesForStep, stepAchievementIds } from './evaluate.js';
import { readPathwayContent } from './present.js';
import { loadRecognisedRules } from './recognised-rules.js';
import { listCandidateLearners, listPublishedPathways } from './store.js';

/**
 * Evaluate one published pathway for everyone who may already qualify (holders of any of its step
 * achievements or of achievements its organisation recognises for a `recognised` step; wallet holders when a step
 * accepts imported credentials): the retroactive run on publish.
 * Returns the completions and milestones newly awarded.
 */
export async function evaluatePathwayForAll(deps: Deps, opts: { pathwayId: string }): Promise<EvaluationAward[]> {
  const [found] = await listPublishedPathways(deps.db, [opts.pathwayId]);
  if (!found || found.pathway.status !== 'published') return [];
  const content = readPathwayContent(found.version.content);
  // `recognised` steps: holders of the achievements the organisation recognises (under rules those steps can use).
  const recognised = content.steps.flatMap((s) => (s.accept.kind === 'recognised' ? [s.accept] : []));
  const rules = recognised.length ? await loadRecognisedRules(deps, found.pathway.orgId) : [];
  const recognisedIds = recognised.flatMap((a) => rulesForStep(a, rules).map((r) => r.achievementId));
  const learners = await listCandidateLearners(
    deps.db,
    [...new Set([...stepAchievementIds(content), ...recognisedIds])],
    content.steps.some((s) => s.accept.kind === 'imported'),
  );
  const out: EvaluationAward[] = [];
  for (const learnerId of learners) {
    out.push(...(await evaluateLearnerPathways(deps, { learnerId, pathwayIds: [opts.pathwayId] })).filter((a) => a.created));
  }
  return out;
}
