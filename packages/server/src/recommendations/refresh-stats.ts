import type { Deps } from '../context.js';
import { enqueueJob } from '../jobs/index.js';
import { refreshStats, statsRefreshedAt } from './store.js';

/** The job that recomputes co-earning and popularity. */
export const REFRESH_RECOMMENDATION_STATS_JOB = 'recommendations.refresh_stats';

/** How old the statistics may get before a request asks for a refresh. */
export const STATS_MAX_AGE_MS = 15 * 60_000;

/** Recompute co-earning and popularity now (the job's body; also the CLI bench's precompute step). */
export async function refreshRecommendationStats(deps: Pick<Deps, 'db' | 'clock'>): Promise<{ learners: number; pairs: number }> {
  return refreshStats(deps.db, deps.clock.now());
}

/** Queue a refresh when the statistics are missing or stale; at most one job per quarter hour (idempotency key). */
export async function requestStatsRefresh(deps: Pick<Deps, 'db' | 'clock' | 'ids'>): Promise<void> {
  const now = deps.clock.now();
  const at = await statsRefreshedAt(deps.db);
  if (at && now.getTime() - at.getTime() < STATS_MAX_AGE_MS) return;
  const bucket = Math.floor(now.getTime() / STATS_MAX_AGE_MS);
  await enqueueJob(deps, {
    type: REFRESH_RECOMMENDATION_STATS_JOB,
    payload: {},
    idempotencyKey: `${REFRESH_RECOMMENDATION_STATS_JOB}:${bucket}`,
    maxAttempts: 2,
  });
}
