import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  Achievement,
  AchievementContent,
  AchievementSummary,
  AgreementStats,
  CatalogQuery,
  MyCatalogEntry,
  MyCatalogPage,
} from '@tessera/shared';
import { CompareQuery, VersionComparison } from '@tessera/shared';
import { requireAuth } from '../http/auth.js';
import { jsonBody, jsonOk, PROBLEMS, SESSION_SECURITY, SlugParams } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { loadOrgAccess } from '../orgs/index.js';
import { getAgreement } from '../reviews/index.js';
import { getAchievementImage } from './achievement-image.js';
import { getCatalogEntry, listCatalog } from './catalog.js';
import { compareVersions } from './compare-versions.js';
import { createAchievement } from './create-achievement.js';
import { duplicateAchievement } from './duplicate-achievement.js';
import { getAchievement, listAchievements } from './get-achievement.js';
import { publishAchievement } from './publish-achievement.js';
import { retireAchievement } from './retire-achievement.js';
import { updateAchievement } from './update-achievement.js';

const tags = ['Micro-credentials'];
const IdParams = SlugParams.extend({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const AchievementParams = z.object({
  achievementId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'achievementId', in: 'path' } }),
});

/** Routes: designing, publishing and retiring micro-credentials; the public catalog. */
export function achievementRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const access = async (
    c: Parameters<Parameters<typeof app.openapi>[1]>[0],
    slug: string,
    action: Parameters<typeof loadOrgAccess>[1]['action'],
  ) => {
    const auth = requireAuth(c);
    return { auth, ...(await loadOrgAccess(c.var.deps, { slug, accountId: auth.account.id, action })) };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/achievements',
      tags,
      summary: 'Micro-credentials of an organisation',
      security: SESSION_SECURITY,
      request: { params: SlugParams },
      responses: { 200: jsonOk(z.array(AchievementSummary), 'List'), ...PROBLEMS },
    }),
    async (c) => {
      const { org } = await access(c, c.req.valid('param').slug, 'achievements.list');
      return c.json(z.array(AchievementSummary).parse(await listAchievements(c.var.deps, { org })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/achievements',
      tags,
      summary: 'Create a micro-credential (draft)',
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(AchievementContent) },
      responses: { 201: jsonOk(Achievement, 'Created'), ...PROBLEMS },
    }),
    async (c) => {
      const { auth, org } = await access(c, c.req.valid('param').slug, 'achievements.edit');
      const row = await createAchievement(c.var.deps, {
        actor: { accountId: auth.account.id, ip: c.var.ip },
        org,
        content: c.req.valid('json'),
      });
      return c.json(Achievement.parse(await getAchievement(c.var.deps, { org, achievementId: row.id })), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/achievements/{id}',
      tags,
      summary: 'A micro-credential with its draft and versions',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 200: jsonOk(Achievement, 'The micro-credential'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { org } = await access(c, p.slug, 'achievements.list');
      return c.json(Achievement.parse(await getAchievement(c.var.deps, { org, achievementId: p.id })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/orgs/{slug}/achievements/{id}',
      tags,
      summary: 'Save the draft',
      security: SESSION_SECURITY,
      request: { params: IdParams, body: jsonBody(AchievementContent) },
      responses: { 200: jsonOk(Achievement, 'Saved'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { auth, org } = await access(c, p.slug, 'achievements.edit');
      await updateAchievement(c.var.deps, {
        actor: { accountId: auth.account.id, ip: c.var.ip },
        org,
        achievementId: p.id,
        content: c.req.valid('json'),
      });
      return c.json(Achievement.parse(await getAchievement(c.var.deps, { org, achievementId: p.id })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/achievements/{id}/publish',
      tags,
      summary: 'Publish the draft as a new immutable version',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 200: jsonOk(Achievement, 'Published'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { auth, org } = await access(c, p.slug, 'achievements.publish');
      await publishAchievement(c.var.deps, { actor: { accountId: auth.account.id, ip: c.var.ip }, org, achievementId: p.id });
      return c.json(Achievement.parse(await getAchievement(c.var.deps, { org, achievementId: p.id })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/achievements/{id}/retire',
      tags,
      summary: 'Retire: no new starts; existing work is kept',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 200: jsonOk(Achievement, 'Retired'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { org } = await access(c, p.slug, 'achievements.publish');
      await retireAchievement(c.var.deps, { org, achievementId: p.id });
      return c.json(Achievement.parse(await getAchievement(c.var.deps, { org, achievementId: p.id })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/achievements/{id}/duplicate',
      tags,
      summary: 'Duplicate: a new draft "Copy of …" from the current draft',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 201: jsonOk(Achievement, 'The copy'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { auth, org } = await access(c, p.slug, 'achievements.edit');
      const row = await duplicateAchievement(c.var.deps, { actor: { accountId: auth.account.id, ip: c.var.ip }, org, achievementId: p.id });
      return c.json(Achievement.parse(await getAchievement(c.var.deps, { org, achievementId: row.id })), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/achievements/{id}/compare',
      tags,
      summary: 'Two versions (or a version and the draft) side by side, with the fields that differ',
      security: SESSION_SECURITY,
      request: { params: IdParams, query: CompareQuery },
      responses: { 200: jsonOk(VersionComparison, 'The comparison'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const q = c.req.valid('query');
      const { org } = await access(c, p.slug, 'achievements.list');
      return c.json(VersionComparison.parse(await compareVersions(c.var.deps, { org, achievementId: p.id, from: q.from, to: q.to })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/achievements/{id}/agreement',
      tags,
      summary: "Assessors' agreement (exact agreement, Cohen's kappa) on double-scored submissions",
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 200: jsonOk(AgreementStats, 'Statistics'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { org } = await access(c, p.slug, 'agreement.read');
      return c.json(AgreementStats.parse(await getAgreement(c.var.deps, { org, achievementId: p.id })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/catalog',
      tags: ['Catalog'],
      summary: 'Published micro-credentials across organisations (with the signed-in caller’s progress)',
      request: { query: CatalogQuery },
      responses: { 200: jsonOk(MyCatalogPage, 'A page'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        MyCatalogPage.parse(await listCatalog(c.var.deps, { ...c.req.valid('query'), viewerId: c.var.auth?.account.id ?? null })),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/catalog/{achievementId}',
      tags: ['Catalog'],
      summary: 'A published micro-credential (with the signed-in caller’s progress)',
      request: { params: AchievementParams },
      responses: { 200: jsonOk(MyCatalogEntry, 'The latest published version'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        MyCatalogEntry.parse(
          await getCatalogEntry(c.var.deps, {
            achievementId: c.req.valid('param').achievementId,
            viewerId: c.var.auth?.account.id ?? null,
          }),
        ),
        200,
      ),
  );
  return app;
}

/** Public media: micro-credential images. */
export function achievementMediaRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.get('/media/achievements/:id/image', async (c) => {
    const img = await getAchievementImage(c.var.deps, { achievementId: c.req.param('id'), viewerId: c.var.auth?.account.id ?? null });
    return c.body(new Uint8Array(img.bytes), 200, {
      'content-type': img.mimeType,
      // A member's view may be an unpublished draft: never store it in a shared cache.
      'cache-control': img.draft ? 'private, no-store' : 'public, max-age=300',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'x-content-type-options': 'nosniff',
    });
  });
  return app;
}
