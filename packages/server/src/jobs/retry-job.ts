import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { requeueDeadJob } from './store.js';

/** Put one of an organisation's dead jobs back on the queue with fresh attempts (audited). */
export async function retryJob(deps: Deps, opts: { actor: Actor; orgId: string; jobId: string }): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const ok = await requeueDeadJob(tx.db, { id: opts.jobId, orgId: opts.orgId, now: tx.clock.now() });
    if (!ok) throw new AppError('not_found', 'No failed job with that id in this organisation');
    await recordAudit(tx, {
      action: 'job.retried',
      orgId: opts.orgId,
      actorId: opts.actor.accountId,
      target: opts.jobId,
      ip: opts.actor.ip,
    });
  });
}
