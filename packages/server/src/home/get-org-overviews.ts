import type { OrgOverview, Role } from '@tessera/shared';
import { listAchievements } from '../achievements/index.js';
import type { Deps } from '../context.js';
import { listFailedJobs } from '../jobs/index.js';
import { listInvitations } from '../orgs/index.js';
import { loadOrgAccess } from '../orgs/index.js';
import { listQueue } from '../reviews/index.js';
import { countSubmittedAttemptsSince } from './store.js';

/** The first instant of the clock's current month, UTC. */
function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** An overview of each organisation the caller owns or designs for; queue, invitation and job figures for owners only. */
export async function getOrgOverviews(
  deps: Deps,
  opts: { accountId: string; orgs: Array<{ slug: string; role: Role }> },
): Promise<OrgOverview[]> {
  const out: OrgOverview[] = [];
  for (const m of opts.orgs) {
    const { org, role } = await loadOrgAccess(deps, { slug: m.slug, accountId: opts.accountId, action: 'achievements.edit' });
    const achievements = await listAchievements(deps, { org });
    const owner = role === 'owner';
    const queue = owner ? await listQueue(deps, { org, accountId: opts.accountId }) : null;
    const invitations = owner ? (await listInvitations(deps, { orgId: org.id })).filter((i) => i.status === 'pending').length : null;
    const failedJobs = owner ? (await listFailedJobs(deps, { orgId: org.id })).length : null;
    out.push({
      org: { slug: org.slug, name: org.name },
      role,
      achievements: {
        draft: achievements.filter((a) => a.status === 'draft').length,
        published: achievements.filter((a) => a.status === 'published').length,
        retired: achievements.filter((a) => a.status === 'retired').length,
        unpublishedChanges: achievements.filter((a) => a.status !== 'draft' && a.hasUnpublishedChanges).length,
      },
      submissionsThisMonth: await countSubmittedAttemptsSince(deps.db, org.id, monthStart(deps.clock.now())),
      credentialsIssued: achievements.reduce((n, a) => n + a.issuedCount, 0),
      awaitingReview: queue ? queue.length : null,
      overdue: queue ? queue.filter((q) => q.overdue).length : null,
      pendingInvitations: invitations,
      failedJobs,
    });
  }
  return out;
}
