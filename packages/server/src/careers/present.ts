import type { Goal, OrgRole } from '@tessera/shared';
import type { listGoals, RoleWithSkills } from './store.js';

/** A role as the API returns it. */
export function presentRole(r: RoleWithSkills): OrgRole {
  return {
    id: r.role.id,
    org: r.org,
    title: r.role.title,
    description: r.role.description,
    public: r.role.isPublic,
    skills: r.skills.map((s) => ({ url: s.skillUrl, name: s.skillName, code: null, framework: null, level: s.level })),
    updatedAt: r.role.updatedAt.toISOString(),
  };
}

/** A goal as the API returns it. */
export function presentGoal(r: Awaited<ReturnType<typeof listGoals>>[number]): Goal {
  const isRole = r.goal.roleId !== null;
  return {
    id: r.goal.id,
    kind: isRole ? 'role' : 'occupation',
    targetId: (isRole ? r.goal.roleId : r.goal.occupationCode) ?? '',
    title: (isRole ? r.roleTitle : r.occupationTitle) ?? 'Removed goal',
    orgName: isRole ? r.orgName : null,
    createdAt: r.goal.createdAt.toISOString(),
  };
}
