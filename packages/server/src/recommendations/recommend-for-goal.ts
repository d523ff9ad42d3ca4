import type { RecommendationItem } from '@tessera/shared';
import { buildSkillProfile, goalRequirements } from '../careers/index.js';
import type { Deps } from '../context.js';
import { loadRecommendations } from './load-recommendations.js';
import { requestStatsRefresh } from './refresh-stats.js';

/** Ranked, explained micro-credentials that close the gap of one of the learner's goals (and queue a stats refresh if stale). */
export async function recommendForGoal(
  deps: Deps,
  opts: { accountId: string; goalId: string; limit?: number },
): Promise<{ items: RecommendationItem[] }> {
  const [{ requirements }, profile] = await Promise.all([
    goalRequirements(deps, { accountId: opts.accountId, goalId: opts.goalId }),
    buildSkillProfile(deps, { accountId: opts.accountId }),
    requestStatsRefresh(deps),
  ]);
  return { items: await loadRecommendations(deps, { profile, requirements, limit: opts.limit ?? 10 }) };
}
