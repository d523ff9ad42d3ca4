import type { BulkRun } from '@tessera/shared';
import { recordAudit } from '../audit/index.js';
import type { Deps } from '../context.js';
import type { BulkActor } from './create-bulk-run.js';
import { inTransaction } from '../db/tx.js';
import { enqueueJob } from '../jobs/index.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { presentRun } from './present.js';
import { findRun, updateRun } from './store.js';
import type { BulkRunRow } from './store.js';

/** The job type that issues a bulk run. */
export const BULK_AWARD_JOB = 'award.bulk';

/** What an owner can do to a run. */
export type BulkRunAction = 'start' | 'pause' | 'resume' | 'cancel';

const ALLOWED: Record<BulkRunAction, ReadonlyArray<BulkRunRow['state']>> = {
  start: ['draft'],
  pause: ['queued', 'running'],
  resume: ['paused'],
  cancel: ['draft', 'queued', 'running', 'paused'],
};

/**
 * Start, pause, resume or cancel a run. Start and resume put a new job on the queue and make it the run's job
 * (a job that is not the run's job stops at its next batch); pause and cancel take effect at the end of the batch
 * being issued. Rows already issued stay issued; a cancelled run's remaining rows are never issued.
 */
export async function changeBulkRunState(
  deps: Deps,
  opts: { org: OrgRow; actor: BulkActor; runId: string; action: BulkRunAction },
): Promise<BulkRun> {
  const run = await inTransaction(deps, async (tx) => {
    const r = await findRun(tx.db, opts.org.id, opts.runId, true);
    if (!r) throw new AppError('not_found', 'No such bulk award run');
    if (!ALLOWED[opts.action].includes(r.state))
      throw new AppError('conflict', `A ${r.state} run cannot be ${opts.action === 'start' ? 'started' : `${opts.action}d`}`);
    const now = tx.clock.now();
    let patch: Partial<BulkRunRow>;
    if (opts.action === 'start' || opts.action === 'resume') {
      const job = await enqueueJob(tx, { type: BULK_AWARD_JOB, payload: { runId: r.id }, orgId: opts.org.id, maxAttempts: 10 });
      patch = { state: 'queued', jobId: job.id, lastError: null };
    } else {
      // Leaving `running`: bank the time spent issuing, so the rate ignores the pause.
      const active = r.state === 'running' && r.resumedAt ? now.getTime() - r.resumedAt.getTime() : 0;
      patch = {
        state: opts.action === 'pause' ? 'paused' : 'cancelled',
        activeMs: r.activeMs + Math.max(active, 0),
        resumedAt: null,
        ...(opts.action === 'cancel' ? { finishedAt: now, jobId: null } : {}),
      };
    }
    const updated = await updateRun(tx.db, r.id, patch);
    const action =
      opts.action === 'start'
        ? 'bulk_award.started'
        : opts.action === 'pause'
          ? 'bulk_award.paused'
          : opts.action === 'resume'
            ? 'bulk_award.resumed'
            : 'bulk_award.cancelled';
    await recordAudit(tx, {
      action,
      orgId: opts.org.id,
      actorId: opts.actor.accountId,
      target: r.id,
      detail: { achievementId: r.achievementId },
      ip: opts.actor.ip,
    });
    if (!updated) throw new Error('bulk run vanished');
    return updated;
  });
  return presentRun(deps, run);
}
