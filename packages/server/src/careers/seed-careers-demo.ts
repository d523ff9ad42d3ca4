import type { Deps } from '../context.js';
import { refreshRecommendationStats } from '../recommendations/index.js';
import { ensureOccupations } from './import-occupations.js';
import { findOccupation, insertGoal, listRoles, saveRole } from './store.js';

/** The demo employer role's skills (demo framework CFItem URIs, taken from the bundled occupation dataset). */
const DEMO_ROLE_OCCUPATION = '25-9031.00';
/** The occupation the demo learner aims for. */
export const DEMO_GOAL_OCCUPATION = '25-9031.00';

/**
 * Demo data for careers (idempotent): the bundled occupations, a public role "Online Course Lead" in the demo
 * organisation requiring the Instructional Coordinator's five most important skills (two at level 4+), a goal for the
 * demo learner, and fresh co-earning statistics so recommendations can say "often earned after".
 */
export async function seedCareersDemo(deps: Deps, opts: { orgId: string; ownerId: string; learnerId: string }): Promise<void> {
  await ensureOccupations(deps);
  const occupation = await findOccupation(deps.db, DEMO_ROLE_OCCUPATION);
  const now = deps.clock.now();
  if (occupation && !(await listRoles(deps.db, { orgId: opts.orgId })).some((r) => r.role.title === 'Online Course Lead')) {
    const id = deps.ids.id('orgRole');
    const skills = occupation.skills
      .slice(0, 5)
      .map((s, i) => ({ roleId: id, skillUrl: s.skillUrl, skillName: s.skillName, level: i < 2 ? 4 : null }));
    await saveRole(
      deps.db,
      {
        id,
        orgId: opts.orgId,
        title: 'Online Course Lead',
        description: 'Leads the design and teaching of our online professional-learning courses.',
        isPublic: true,
        createdBy: opts.ownerId,
        createdAt: now,
        updatedAt: now,
      },
      skills,
    );
  }
  if (await findOccupation(deps.db, DEMO_GOAL_OCCUPATION)) {
    await insertGoal(deps.db, {
      id: deps.ids.id('goal'),
      accountId: opts.learnerId,
      occupationCode: DEMO_GOAL_OCCUPATION,
      roleId: null,
      target: `occupation:${DEMO_GOAL_OCCUPATION}`,
      createdAt: now,
    });
  }
  await refreshRecommendationStats(deps);
}
