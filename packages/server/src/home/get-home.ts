import type { AssessorQueueSummary, HomeDashboard, HomeSection, LearnerHome, OrgOverview } from '@tessera/shared';
import type { Deps } from '../context.js';
import { listMyOrgs } from '../orgs/index.js';
import { getAssessorQueues } from './get-assessor-queues.js';
import { getLearnerHome } from './get-learner-home.js';
import { getOrgOverviews } from './get-org-overviews.js';

/** Default order of sections that are equally urgent. */
const DEFAULT_ORDER: readonly HomeSection[] = ['assessor', 'overview', 'learner'];

/**
 * How urgent each section is: overdue reviews and failed jobs (3) before work waiting for the person (2),
 * before work they have started (1), before everything else (0).
 */
export function sectionUrgency(
  section: HomeSection,
  home: { learner: LearnerHome; assessor: AssessorQueueSummary[]; overviews: OrgOverview[] },
): number {
  if (section === 'assessor') {
    if (home.assessor.some((a) => a.overdue > 0 || a.claimedByMe > 0)) return 3;
    return home.assessor.some((a) => a.waiting > 0) ? 2 : 0;
  }
  if (section === 'overview') return home.overviews.some((o) => (o.failedJobs ?? 0) > 0 || (o.overdue ?? 0) > 0) ? 3 : 0;
  if (home.learner.feedbackWaiting.length > 0) return 2;
  return home.learner.inProgress.length > 0 ? 1 : 0;
}

/** The signed-in home: the sections that apply to the caller's roles, most urgent first. */
export async function getHome(deps: Deps, opts: { accountId: string }): Promise<HomeDashboard> {
  const orgs = await listMyOrgs(deps, { accountId: opts.accountId });
  const learner = await getLearnerHome(deps, { accountId: opts.accountId });
  const assessor = await getAssessorQueues(deps, {
    accountId: opts.accountId,
    orgSlugs: orgs.filter((o) => o.role === 'assessor').map((o) => o.slug),
  });
  const overviews = await getOrgOverviews(deps, {
    accountId: opts.accountId,
    orgs: orgs.filter((o) => o.role === 'owner' || o.role === 'designer').map((o) => ({ slug: o.slug, role: o.role })),
  });
  const home = { learner, assessor, overviews };
  const applies: HomeSection[] = ['learner'];
  if (assessor.length > 0) applies.push('assessor');
  if (overviews.length > 0) applies.push('overview');
  const sections = applies.sort(
    (a, b) => sectionUrgency(b, home) - sectionUrgency(a, home) || DEFAULT_ORDER.indexOf(a) - DEFAULT_ORDER.indexOf(b),
  );
  return { sections, ...home };
}
