import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  AchievementAlignments,
  AchievementAlignmentsInput,
  SkillFramework,
  SkillImportInput,
  SkillImportResult,
  SkillScopeQuery,
  SkillSearchQuery,
  SkillTreeLevel,
  SkillWithFramework,
} from '@tessera/shared';
import type { Context } from 'hono';
import { requireAuth } from '../http/auth.js';
import { jsonBody, jsonOk, PROBLEMS, SESSION_SECURITY, SlugParams } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { loadOrgAccess } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { browseFramework, listVisibleFrameworks } from './browse-framework.js';
import { fetchFrameworkText, frameworkFetcher } from './fetch-framework.js';
import { findSkillsByIds } from './find-skills.js';
import { importFramework } from './import-framework.js';
import { SkillImportError } from './parsed.js';
import { authorizePlatformFrameworks, authorizeSkills } from './policies.js';
import { presentFramework, presentSkill, presentSkillWithFramework } from './present.js';
import { searchSkills } from './search-skills.js';
import { setAlignments } from './set-alignments.js';
import { getAlignments } from './get-alignments.js';
import type { SkillAlignments } from './skills-of-version.js';

const tags = ['Skills'];
/** The path of the import route (the app gives it the large-upload body limit). */
export const SKILL_IMPORT_PATH = '/api/v1/skills/frameworks/import';
const FrameworkParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const SkillParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const AlignParams = SlugParams.extend({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const TreeQuery = SkillScopeQuery.extend({ parent: z.string().max(64).optional() });

/** The organisation (by slug) whose frameworks the caller sees with the platform-wide ones; null without a slug. */
async function scopeOrg(c: Context<AppEnv>, slug: string | undefined): Promise<{ orgId: string | null }> {
  const auth = requireAuth(c);
  if (!slug) return { orgId: null };
  const { org, role } = await loadOrgAccess(c.var.deps, { slug, accountId: auth.account.id, action: 'org.read' });
  authorizeSkills(role, 'frameworks.read');
  return { orgId: org.id };
}

/** Turn a file's problems into a 400 with each JSON path or CSV row. */
function importProblem(e: unknown): never {
  if (e instanceof SkillImportError) throw new AppError('validation_failed', e.message, { errors: e.problems });
  throw e;
}

function presentAlignments(base: string, a: SkillAlignments): AchievementAlignments {
  return {
    achievement: a.achievement.map((s) => presentSkillWithFramework(base, s)),
    criteria: Object.fromEntries(Object.entries(a.criteria).map(([k, v]) => [k, v.map((s) => presentSkillWithFramework(base, s))])),
  };
}

/** Routes: skill frameworks (import, browse, search), public skill entries, and micro-credential alignments. */
export function skillRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/skills/frameworks',
      tags,
      summary: 'Skill frameworks: platform-wide ones and, with `org`, that organisation’s own',
      security: SESSION_SECURITY,
      request: { query: SkillScopeQuery },
      responses: { 200: jsonOk(z.array(SkillFramework), 'Frameworks'), ...PROBLEMS },
    }),
    async (c) => {
      const { orgId } = await scopeOrg(c, c.req.valid('query').org);
      return c.json(z.array(SkillFramework).parse((await listVisibleFrameworks(c.var.deps.db, { orgId })).map(presentFramework)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/skills/frameworks/import',
      tags,
      summary:
        'Import a framework (CASE 1.0 package, OSN RSD or collection, CSV) from content or a URL; a re-import of the same source updates it in place. With `org`: owners and designers; without: platform admins',
      security: SESSION_SECURITY,
      request: { body: jsonBody(SkillImportInput) },
      responses: { 200: jsonOk(SkillImportResult, 'Imported'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const body = c.req.valid('json');
      let orgId: string | null = null;
      if (body.org) {
        const { org, role } = await loadOrgAccess(c.var.deps, { slug: body.org, accountId: auth.account.id, action: 'org.read' });
        authorizeSkills(role, 'frameworks.import');
        orgId = org.id;
      } else authorizePlatformFrameworks(auth.account);
      try {
        const text = body.content ?? (await fetchFrameworkText(frameworkFetcher(c.var.deps), body.url ?? ''));
        const out = await importFramework(c.var.deps, {
          actorId: auth.account.id,
          ip: c.var.ip,
          orgId,
          format: body.format,
          text,
          ...(body.title ? { title: body.title } : {}),
          sourceUri: body.url ?? null,
        });
        return c.json(SkillImportResult.parse({ ...out, framework: presentFramework(out.framework) }), 200);
      } catch (e) {
        return importProblem(e);
      }
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/skills/frameworks/{id}/tree',
      tags,
      summary: 'One level of a framework’s isChildOf tree (`parent` omitted: the top level)',
      security: SESSION_SECURITY,
      request: { params: FrameworkParams, query: TreeQuery },
      responses: { 200: jsonOk(SkillTreeLevel, 'Tree level'), ...PROBLEMS },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { orgId } = await scopeOrg(c, q.org);
      const base = c.var.deps.env.TESSERA_BASE_URL;
      const out = await browseFramework(c.var.deps.db, { orgId, frameworkId: c.req.valid('param').id, parentId: q.parent ?? null });
      return c.json(
        SkillTreeLevel.parse({
          framework: presentFramework(out.framework),
          parent: out.parent ? presentSkill(base, out.parent) : null,
          skills: out.skills.map((s) => ({ ...presentSkill(base, s), childCount: s.childCount })),
        }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/skills/search',
      tags,
      summary: 'Full-text search over skills (name, code, description) in the frameworks the caller sees',
      security: SESSION_SECURITY,
      request: { query: SkillSearchQuery },
      responses: { 200: jsonOk(z.array(SkillWithFramework), 'Best first'), ...PROBLEMS },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { orgId } = await scopeOrg(c, q.org);
      const found = await searchSkills(c.var.deps.db, {
        q: q.q,
        orgId,
        ...(q.framework ? { frameworkId: q.framework } : {}),
        limit: q.limit,
      });
      return c.json(
        z.array(SkillWithFramework).parse(found.map((s) => presentSkillWithFramework(c.var.deps.env.TESSERA_BASE_URL, s))),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/skills/{id}',
      tags,
      summary: 'One skill and its framework (public: credentials link to it)',
      request: { params: SkillParams },
      responses: { 200: jsonOk(SkillWithFramework, 'The skill'), ...PROBLEMS },
    }),
    async (c) => {
      const [s] = await findSkillsByIds(c.var.deps.db, [c.req.valid('param').id]);
      if (!s) throw new AppError('not_found', 'No such skill');
      return c.json(SkillWithFramework.parse(presentSkillWithFramework(c.var.deps.env.TESSERA_BASE_URL, s)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/achievements/{id}/alignments',
      tags,
      summary: 'The skills a micro-credential’s draft is aligned to (as a whole and per rubric criterion)',
      security: SESSION_SECURITY,
      request: { params: AlignParams },
      responses: { 200: jsonOk(AchievementAlignments, 'Alignments'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const auth = requireAuth(c);
      const { org, role } = await loadOrgAccess(c.var.deps, { slug: p.slug, accountId: auth.account.id, action: 'org.read' });
      authorizeSkills(role, 'alignments.read');
      return c.json(
        AchievementAlignments.parse(
          presentAlignments(c.var.deps.env.TESSERA_BASE_URL, await getAlignments(c.var.deps.db, { orgId: org.id, achievementId: p.id })),
        ),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/orgs/{slug}/achievements/{id}/alignments',
      tags,
      summary:
        'Align a micro-credential’s draft (and each rubric criterion) to skills; the next published version carries them. Owners and designers',
      security: SESSION_SECURITY,
      request: { params: AlignParams, body: jsonBody(AchievementAlignmentsInput) },
      responses: { 200: jsonOk(AchievementAlignments, 'Saved'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const auth = requireAuth(c);
      const { org, role } = await loadOrgAccess(c.var.deps, { slug: p.slug, accountId: auth.account.id, action: 'org.read' });
      authorizeSkills(role, 'alignments.edit');
      const body = c.req.valid('json');
      const out = await setAlignments(c.var.deps, {
        actor: { accountId: auth.account.id, ip: c.var.ip },
        orgId: org.id,
        achievementId: p.id,
        achievement: body.achievement,
        criteria: body.criteria,
      });
      return c.json(AchievementAlignments.parse(presentAlignments(c.var.deps.env.TESSERA_BASE_URL, out)), 200);
    },
  );
  return app;
}
