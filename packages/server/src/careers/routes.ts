import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  Goal,
  GoalGap,
  GoalInput,
  GoalList,
  Occupation,
  OccupationList,
  OrgRole,
  OrgRoleInput,
  OrgRoleList,
  PublicSkillProfile,
  SkillProfile,
  SkillProfileSettingsInput,
} from '@tessera/shared';
import { requireAuth } from '../http/auth.js';
import { jsonBody, jsonOk, PROBLEMS, SESSION_SECURITY, SlugParams } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { addGoal } from './add-goal.js';
import { deleteOrgRole } from './delete-org-role.js';
import { getGoalGap } from './get-goal-gap.js';
import { getOccupation } from './get-occupation.js';
import { exportSkillProfile, getPublicSkillProfile, getSkillProfile, setSkillProfileVisibility } from './get-skill-profile.js';
import { listMyGoals, removeGoal } from './list-goals.js';
import { listOccupations } from './list-occupations.js';
import { listOrgRoles, listPublicRoles } from './list-org-roles.js';
import { saveOrgRole } from './save-org-role.js';

const tags = ['Careers'];
const IdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const RoleParams = SlugParams.extend({
  id: z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const CodeParams = z.object({
  code: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'code', in: 'path' } }),
});
const SearchQuery = z.object({ q: z.string().max(200).default('') });

/** Routes: skill profiles, occupations, organisation roles, goals and gaps. */
export function careerRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const actor = (c: Parameters<typeof requireAuth>[0]) => ({ accountId: requireAuth(c).account.id, ip: c.var.ip });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/skills',
      tags,
      summary: 'My skill profile (verified credentials only)',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(SkillProfile, 'The profile'), ...PROBLEMS },
    }),
    async (c) => c.json(SkillProfile.parse(await getSkillProfile(c.var.deps, { accountId: requireAuth(c).account.id })), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/me/skills/settings',
      tags,
      summary: 'Turn my public skills page on or off',
      security: SESSION_SECURITY,
      request: { body: jsonBody(SkillProfileSettingsInput) },
      responses: { 200: jsonOk(SkillProfile, 'The profile'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(SkillProfile.parse(await setSkillProfileVisibility(c.var.deps, { actor: actor(c), public: c.req.valid('json').public })), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/skills/export',
      tags,
      summary: 'My skill profile as machine-readable JSON, each skill linked to its verifiable credentials',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(z.record(z.string(), z.unknown()), 'The export'), ...PROBLEMS },
    }),
    async (c) => {
      const body = await exportSkillProfile(c.var.deps, { accountId: requireAuth(c).account.id });
      c.header('content-disposition', 'attachment; filename="skill-profile.json"');
      return c.json(body, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/people/{id}/skills',
      tags,
      summary: 'A learner’s public skills page data (only when they opted in)',
      request: { params: IdParams },
      responses: { 200: jsonOk(PublicSkillProfile, 'The public profile'), ...PROBLEMS },
    }),
    async (c) => c.json(PublicSkillProfile.parse(await getPublicSkillProfile(c.var.deps, { accountId: c.req.valid('param').id })), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/occupations',
      tags,
      summary: 'Occupations (O*NET-style dataset)',
      request: { query: SearchQuery },
      responses: { 200: jsonOk(OccupationList, 'Occupations'), ...PROBLEMS },
    }),
    async (c) => c.json(OccupationList.parse(await listOccupations(c.var.deps, { q: c.req.valid('query').q })), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/occupations/{code}',
      tags,
      summary: 'An occupation and the skills it needs',
      request: { params: CodeParams },
      responses: { 200: jsonOk(Occupation, 'The occupation'), ...PROBLEMS },
    }),
    async (c) => c.json(Occupation.parse(await getOccupation(c.var.deps, { code: c.req.valid('param').code })), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/roles',
      tags,
      summary: 'Roles organisations published for learners to pick as goals',
      security: SESSION_SECURITY,
      request: { query: SearchQuery },
      responses: { 200: jsonOk(OrgRoleList, 'Roles'), ...PROBLEMS },
    }),
    async (c) => {
      requireAuth(c);
      return c.json(OrgRoleList.parse(await listPublicRoles(c.var.deps, { q: c.req.valid('query').q })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/roles',
      tags,
      summary: 'An organisation’s roles (members)',
      security: SESSION_SECURITY,
      request: { params: SlugParams },
      responses: { 200: jsonOk(OrgRoleList, 'Roles'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        OrgRoleList.parse(await listOrgRoles(c.var.deps, { accountId: requireAuth(c).account.id, slug: c.req.valid('param').slug })),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/roles',
      tags,
      summary: 'Define a role with required skills (owners, designers)',
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(OrgRoleInput) },
      responses: { 201: jsonOk(OrgRole, 'Created'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        OrgRole.parse(await saveOrgRole(c.var.deps, { actor: actor(c), slug: c.req.valid('param').slug, input: c.req.valid('json') })),
        201,
      ),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/orgs/{slug}/roles/{id}',
      tags,
      summary: 'Replace a role (owners, designers)',
      security: SESSION_SECURITY,
      request: { params: RoleParams, body: jsonBody(OrgRoleInput) },
      responses: { 200: jsonOk(OrgRole, 'Saved'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(
        OrgRole.parse(await saveOrgRole(c.var.deps, { actor: actor(c), slug: p.slug, roleId: p.id, input: c.req.valid('json') })),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/orgs/{slug}/roles/{id}',
      tags,
      summary: 'Delete a role (owners, designers)',
      security: SESSION_SECURITY,
      request: { params: RoleParams },
      responses: { 204: { description: 'Deleted' }, ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      await deleteOrgRole(c.var.deps, { actor: actor(c), slug: p.slug, roleId: p.id });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/goals',
      tags,
      summary: 'My career goals',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(GoalList, 'Goals'), ...PROBLEMS },
    }),
    async (c) => c.json(GoalList.parse(await listMyGoals(c.var.deps, { accountId: requireAuth(c).account.id })), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/goals',
      tags,
      summary: 'Add a goal: an occupation or an organisation role',
      security: SESSION_SECURITY,
      request: { body: jsonBody(GoalInput) },
      responses: { 201: jsonOk(Goal, 'Added'), ...PROBLEMS },
    }),
    async (c) => c.json(Goal.parse(await addGoal(c.var.deps, { accountId: requireAuth(c).account.id, input: c.req.valid('json') })), 201),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/me/goals/{id}',
      tags,
      summary: 'Remove a goal',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 204: { description: 'Removed' }, ...PROBLEMS },
    }),
    async (c) => {
      await removeGoal(c.var.deps, { accountId: requireAuth(c).account.id, goalId: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/goals/{id}/gap',
      tags,
      summary: 'The gap for a goal: required, verified and missing skills',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 200: jsonOk(GoalGap, 'The gap'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(GoalGap.parse(await getGoalGap(c.var.deps, { accountId: requireAuth(c).account.id, goalId: c.req.valid('param').id })), 200),
  );
  return app;
}
