import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  MovePathwayVersionResult,
  Pathway,
  PathwayCatalogEntry,
  PathwayContent,
  PathwayProgress,
  PathwaySummary,
  PublicPathway,
  PublishPathwayResult,
  StackedCredential,
} from '@tessera/shared';
import type { JSONValue } from 'hono/utils/types';
import { requireAuth } from '../http/auth.js';
import { jsonBody, jsonOk, PROBLEMS, SESSION_SECURITY, SlugParams } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { loadOrgAccess } from '../orgs/index.js';
import { createPathway } from './create-pathway.js';
import { exportPathwayClr } from './export-pathway-clr.js';
import { getPathway, listPathways } from './get-pathway.js';
import { getPathwayProgress, listMyPathways, listPathwayCatalog } from './get-progress.js';
import { getPublicPathway } from './get-public-pathway.js';
import { listMyStacks } from './list-my-stacks.js';
import { movePathwayVersion } from './move-version.js';
import { publishPathway } from './publish-pathway.js';
import { updatePathway } from './update-pathway.js';

const tags = ['Pathways'];
const idParam = z
  .string()
  .min(1)
  .max(64)
  .openapi({ param: { name: 'id', in: 'path' } });
const IdParams = SlugParams.extend({ id: idParam });
const MyParams = z.object({ id: idParam });

/** Routes: designing and publishing pathways, the catalog of pathways, a learner's progress, stacks and CLR record. */
export function pathwayRoutes() {
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
      path: '/orgs/{slug}/pathways',
      tags,
      summary: 'Pathways of an organisation',
      security: SESSION_SECURITY,
      request: { params: SlugParams },
      responses: { 200: jsonOk(z.array(PathwaySummary), 'List'), ...PROBLEMS },
    }),
    async (c) => {
      const { org } = await access(c, c.req.valid('param').slug, 'achievements.list');
      return c.json(z.array(PathwaySummary).parse(await listPathways(c.var.deps, { org })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/pathways',
      tags,
      summary: 'Create a pathway (draft)',
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(PathwayContent) },
      responses: { 201: jsonOk(Pathway, 'Created'), ...PROBLEMS },
    }),
    async (c) => {
      const { auth, org } = await access(c, c.req.valid('param').slug, 'achievements.edit');
      const id = await createPathway(c.var.deps, {
        actor: { accountId: auth.account.id, ip: c.var.ip },
        org,
        content: c.req.valid('json'),
      });
      return c.json(Pathway.parse(await getPathway(c.var.deps, { org, pathwayId: id })), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/pathways/{id}',
      tags,
      summary: 'A pathway with its draft and versions',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 200: jsonOk(Pathway, 'The pathway'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { org } = await access(c, p.slug, 'achievements.list');
      return c.json(Pathway.parse(await getPathway(c.var.deps, { org, pathwayId: p.id })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/orgs/{slug}/pathways/{id}',
      tags,
      summary: 'Save the draft (a published version never changes)',
      security: SESSION_SECURITY,
      request: { params: IdParams, body: jsonBody(PathwayContent) },
      responses: { 200: jsonOk(Pathway, 'Saved'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { auth, org } = await access(c, p.slug, 'achievements.edit');
      await updatePathway(c.var.deps, {
        actor: { accountId: auth.account.id, ip: c.var.ip },
        org,
        pathwayId: p.id,
        content: c.req.valid('json'),
      });
      return c.json(Pathway.parse(await getPathway(c.var.deps, { org, pathwayId: p.id })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/pathways/{id}/publish',
      tags,
      summary: 'Publish the draft as a new version and award everyone who already completes it',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 200: jsonOk(PublishPathwayResult, 'Published'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { auth, org } = await access(c, p.slug, 'achievements.publish');
      const r = await publishPathway(c.var.deps, { actor: { accountId: auth.account.id, ip: c.var.ip }, org, pathwayId: p.id });
      return c.json(PublishPathwayResult.parse({ ...r, pathway: await getPathway(c.var.deps, { org, pathwayId: p.id }) }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/pathways',
      tags: ['Catalog'],
      summary: 'Published pathways across organisations',
      request: { query: z.object({ q: z.string().trim().max(200).optional() }) },
      responses: { 200: jsonOk(z.array(PathwayCatalogEntry), 'Pathways'), ...PROBLEMS },
    }),
    async (c) => c.json(z.array(PathwayCatalogEntry).parse(await listPathwayCatalog(c.var.deps, c.req.valid('query'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/pathways/{id}',
      tags: ['Catalog'],
      summary: 'A published pathway for anyone (signed out too): structure, steps, issuer and what it leads to',
      request: { params: MyParams },
      responses: { 200: jsonOk(PublicPathway, 'The pathway'), ...PROBLEMS },
    }),
    async (c) => c.json(PublicPathway.parse(await getPublicPathway(c.var.deps, { pathwayId: c.req.valid('param').id })), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/pathways',
      tags,
      summary: 'My progress on the pathways I have started or completed',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(z.array(PathwayProgress), 'Progress'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(z.array(PathwayProgress).parse(await listMyPathways(c.var.deps, { learnerId: auth.account.id })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/stacks',
      tags,
      summary: 'My completion credentials with the credentials that made them',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(z.array(StackedCredential), 'Stacks'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(z.array(StackedCredential).parse(await listMyStacks(c.var.deps, { learnerId: auth.account.id })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/pathways/{id}',
      tags,
      summary: 'My progress map of one published pathway',
      security: SESSION_SECURITY,
      request: { params: MyParams },
      responses: { 200: jsonOk(PathwayProgress, 'Progress'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(
        PathwayProgress.parse(await getPathwayProgress(c.var.deps, { learnerId: auth.account.id, pathwayId: c.req.valid('param').id })),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/pathways/{id}/move',
      tags,
      summary: 'Move to the current version of a pathway (from the version I started), then check whether it completes',
      security: SESSION_SECURITY,
      request: { params: MyParams },
      responses: { 200: jsonOk(MovePathwayVersionResult, 'Moved'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const r = await movePathwayVersion(c.var.deps, {
        actor: { accountId: auth.account.id, ip: c.var.ip },
        pathwayId: c.req.valid('param').id,
      });
      return c.json(MovePathwayVersionResult.parse(r), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/pathways/{id}/clr',
      tags,
      summary: 'A signed CLR 2.0 record of my completed pathway (completion and parts, with isPartOf and precedes associations)',
      security: SESSION_SECURITY,
      request: { params: MyParams },
      responses: {
        200: { description: 'The signed ClrCredential', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } },
        ...PROBLEMS,
      },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const clr = await exportPathwayClr(c.var.deps, {
        actor: { accountId: auth.account.id, ip: c.var.ip },
        pathwayId: c.req.valid('param').id,
      });
      c.header('content-disposition', 'attachment; filename="pathway-record.clr.json"');
      return c.json(clr as { [k: string]: JSONValue }, 200);
    },
  );
  return app;
}
