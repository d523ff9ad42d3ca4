import type { AssessorQueueSummary } from '@tessera/shared';
import type { Deps } from '../context.js';
import { loadOrgAccess } from '../orgs/index.js';
import { listQueue } from '../reviews/index.js';
import { waitingForMe } from './waiting-for-me.js';

/** Queue summaries (waiting, claimed by me, overdue) for each organisation where the caller is an assessor. */
export async function getAssessorQueues(deps: Deps, opts: { accountId: string; orgSlugs: string[] }): Promise<AssessorQueueSummary[]> {
  const out: AssessorQueueSummary[] = [];
  for (const slug of opts.orgSlugs) {
    const { org } = await loadOrgAccess(deps, { slug, accountId: opts.accountId, action: 'queue.read' });
    const queue = await listQueue(deps, { org, accountId: opts.accountId });
    const waiting = waitingForMe(queue);
    out.push({
      org: { slug: org.slug, name: org.name },
      waiting: waiting.length,
      claimedByMe: queue.filter((q) => q.claimedByMe).length,
      overdue: queue.filter((q) => q.overdue).length,
      slaDays: org.reviewSlaDays,
      oldestWaitingDays: waiting.length > 0 ? Math.max(...waiting.map((q) => q.ageDays)) : null,
    });
  }
  return out;
}
