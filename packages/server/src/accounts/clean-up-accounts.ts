import type { Deps } from '../context.js';
import { enqueueNextPeriod } from '../jobs/index.js';
import { idleCutoff } from './resolve-session.js';
import { deleteDeadSessions, deleteExpiredEmailVerifications, deleteExpiredPasswordResets, deleteStaleRateLimits } from './store.js';

/** Job type that deletes dead sessions, expired tokens and stale rate-limit counters, then schedules itself again. */
export const CLEAN_UP_ACCOUNTS_JOB = 'accounts.clean_up';

/** How often the clean-up runs. */
export const CLEAN_UP_EVERY_MS = 60 * 60 * 1000;

/** Rate-limit counters older than this are stale: no limit uses a window longer than a day. */
export const RATE_LIMIT_MAX_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Queue the clean-up for the next hour slot (idempotent: one job per slot, however many processes ask).
 * Called at start-up and by the job itself, so the chain keeps going through the durable queue.
 */
export async function scheduleAccountCleanUp(deps: Pick<Deps, 'db' | 'clock' | 'ids'>, opts: { after?: Date } = {}): Promise<void> {
  await enqueueNextPeriod(deps, { type: CLEAN_UP_ACCOUNTS_JOB, everyMs: CLEAN_UP_EVERY_MS, ...opts });
}

/** Delete expired and idle sessions, expired reset and verification tokens and stale rate-limit counters. */
export async function cleanUpAccounts(
  deps: Deps,
): Promise<{ sessions: number; resets: number; verifications: number; rateLimits: number }> {
  const now = deps.clock.now();
  const result = {
    sessions: await deleteDeadSessions(deps.db, now, idleCutoff(deps, now)),
    resets: await deleteExpiredPasswordResets(deps.db, now),
    verifications: await deleteExpiredEmailVerifications(deps.db, now),
    rateLimits: await deleteStaleRateLimits(deps.db, new Date(now.getTime() - RATE_LIMIT_MAX_WINDOW_MS)),
  };
  deps.log.info(result, 'accounts clean-up');
  return result;
}
