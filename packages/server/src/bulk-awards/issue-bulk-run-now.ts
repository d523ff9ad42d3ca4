import type { BulkRun } from '@tessera/shared';
import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { changeBulkRunState } from './change-bulk-run-state.js';
import type { BulkActor } from './create-bulk-run.js';
import { presentRun } from './present.js';
import { runBulkAwards } from './run-bulk-awards.js';
import { findRun } from './store.js';

/**
 * Start a draft run and issue it to the end in this process (the demo seed): the run's queued job then finds
 * the run done and ends without issuing anything.
 */
export async function issueBulkRunNow(deps: Deps, opts: { org: OrgRow; actor: BulkActor; runId: string }): Promise<BulkRun> {
  await changeBulkRunState(deps, { org: opts.org, actor: opts.actor, runId: opts.runId, action: 'start' });
  const queued = await findRun(deps.db, opts.org.id, opts.runId);
  if (!queued?.jobId) throw new Error('the run has no job');
  await runBulkAwards(deps, {
    runId: opts.runId,
    job: { id: queued.jobId, signal: new AbortController().signal, stillOwned: async () => true },
  });
  const done = await findRun(deps.db, opts.org.id, opts.runId);
  if (!done) throw new Error('bulk run vanished');
  return presentRun(deps, done);
}
