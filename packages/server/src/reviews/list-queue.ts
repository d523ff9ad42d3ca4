import { readContent } from '../achievements/content.js';
import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/store.js';
import { labelForAssessors } from './assessor-label.js';
import { claimIsLive, listQueueRows, slotsOf } from '../submissions/store.js';

/** The organisation's submissions waiting for review, oldest first, with their age against the service level. */
export async function listQueue(deps: Deps, opts: { org: OrgRow; accountId: string }) {
  const rows = await listQueueRows(deps.db, opts.org.id);
  const slots = await slotsOf(deps.db, rows.map((r) => ({ id: r.s.id, attempt: r.s.attempt })));
  const now = deps.clock.now();
  const out = [];
  for (const { s, content, version } of rows) {
    const mine = slots.filter((x) => x.submissionId === s.id && x.attempt === s.attempt);
    const submittedAt = s.submittedAt ?? s.createdAt;
    const ageDays = Math.floor(((now.getTime() - submittedAt.getTime()) / 86_400_000) * 10) / 10;
    out.push({
      submissionId: s.id,
      achievementName: readContent(content).name,
      version,
      learnerLabel: await labelForAssessors(deps, opts.org, s.learnerId),
      state: s.state,
      attempt: s.attempt,
      submittedAt: submittedAt.toISOString(),
      ageDays,
      slaDays: opts.org.reviewSlaDays,
      overdue: ageDays > opts.org.reviewSlaDays,
      doubleScored: s.doubleScored,
      claimedByMe: mine.some((x) => x.assessorId === opts.accountId && !x.reviewId && claimIsLive(x, now)),
      reviewedByMe: mine.some((x) => x.assessorId === opts.accountId && Boolean(x.reviewId)),
      slotsOpen: mine.filter((x) => !claimIsLive(x, now)).length,
    });
  }
  return out;
}
