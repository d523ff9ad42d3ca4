import type { Actor, Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { slotsOf } from '../submissions/index.js';
import { claimSubmission } from './claim-submission.js';
import { queueStatus } from './queue-status.js';
import { listQueueRowsFiltered } from './store.js';

/**
 * The next submission for this assessor, claimed for them: one they already hold and have not reviewed, else
 * the oldest one with a free slot. Another assessor may claim a candidate first; then the next one is tried,
 * so two assessors asking at once get different submissions. Null when nothing is waiting for them.
 */
export async function claimNextSubmission(
  deps: Deps,
  opts: { actor: Actor; org: OrgRow; achievementId?: string | undefined },
): Promise<string | null> {
  const rows = await listQueueRowsFiltered(deps.db, opts.org.id, { achievementId: opts.achievementId });
  const slots = await slotsOf(
    deps.db,
    rows.map((r) => ({ id: r.s.id, attempt: r.s.attempt })),
  );
  const now = deps.clock.now();
  const standing = rows.map(({ s }) => ({ s, status: queueStatus(s, slots, opts.actor.accountId, now) }));
  const held = standing.find((x) => x.status.claimedByMe && x.s.state === 'in_review');
  if (held) return held.s.id;
  for (const { s, status } of standing) {
    if (!status.canClaim) continue;
    try {
      await claimSubmission(deps, { actor: opts.actor, org: opts.org, submissionId: s.id });
      return s.id;
    } catch (err) {
      // Lost the race for this one (or it moved on): try the next.
      if (err instanceof AppError && err.code === 'conflict') continue;
      throw err;
    }
  }
  return null;
}
