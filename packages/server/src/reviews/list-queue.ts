import type { QueueFilter } from '@tessera/shared';
import { readContent } from '../achievements/index.js';
import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { slotsOf } from '../submissions/index.js';
import { labelForAssessors } from './assessor-label.js';
import { queueStatus } from './queue-status.js';
import { listQueueRowsFiltered } from './store.js';

/**
 * The organisation's submissions waiting for review, oldest first, with their age against the service level
 * and the caller's standing on each; narrowed by micro-credential, state, claim and overdue when asked.
 */
export async function listQueue(deps: Deps, opts: { org: OrgRow; accountId: string; filter?: QueueFilter }) {
  const filter = opts.filter ?? {};
  const rows = await listQueueRowsFiltered(deps.db, opts.org.id, { achievementId: filter.achievementId, state: filter.state });
  const slots = await slotsOf(
    deps.db,
    rows.map((r) => ({ id: r.s.id, attempt: r.s.attempt })),
  );
  const now = deps.clock.now();
  const out = [];
  for (const { s, content, version } of rows) {
    const status = queueStatus(s, slots, opts.accountId, now);
    const submittedAt = s.submittedAt ?? s.createdAt;
    const ageDays = Math.floor(((now.getTime() - submittedAt.getTime()) / 86_400_000) * 10) / 10;
    const overdue = ageDays > opts.org.reviewSlaDays;
    if (filter.overdue === 'true' && !overdue) continue;
    if (filter.overdue === 'false' && overdue) continue;
    if (filter.claim === 'mine' && !status.claimedByMe) continue;
    if (filter.claim === 'unclaimed' && !status.canClaim) continue;
    out.push({
      submissionId: s.id,
      achievementId: s.achievementId,
      achievementName: readContent(content).name,
      version,
      learnerLabel: await labelForAssessors(deps, opts.org, s.learnerId),
      state: s.state,
      attempt: s.attempt,
      submittedAt: submittedAt.toISOString(),
      ageDays,
      slaDays: opts.org.reviewSlaDays,
      overdue,
      doubleScored: s.doubleScored,
      ...status,
    });
  }
  return out;
}
