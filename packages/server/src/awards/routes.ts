import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  AwardCandidate,
  AwardListQuery,
  AwardPage,
  AwardSettings,
  ClaimPreview,
  ClaimResult,
  DirectAwardInput,
  DirectAwardPreview,
  DirectAwardResult,
} from '@tessera/shared';
import { API_TOKEN_SECURITY } from '../api-tokens/index.js';
import { resolveOrgCaller } from '../api-tokens/index.js';
import { requireAuth } from '../http/auth.js';
import { jsonBody, jsonOk, PROBLEMS, SESSION_SECURITY, SlugParams } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { can } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { awardDirectly } from './award-directly.js';
import { claimAward } from './claim-award.js';
import { listAwardCandidates } from './list-award-candidates.js';
import { listAwards } from './list-awards.js';
import { authorizeAward, authorizeAwardSettings, canAward } from './policies.js';
import { previewClaim } from './preview-claim.js';
import { updateAwardSettings } from './update-award-settings.js';

const tags = ['Awards'];
const TokenParams = z.object({
  token: z
    .string()
    .min(10)
    .max(200)
    .openapi({ param: { name: 'token', in: 'path' } }),
});
const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, { message: 'Use printable ASCII without spaces' })
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description: 'Replaying a request with the same key returns the first response; the same key with another body is a 409',
    }),
});

/** Routes: direct awards (session or API token), award listing, recipients, settings, and claiming by email. */
export function awardRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/awards',
      tags,
      summary:
        'Award a published achievement to recipients (emails or accounts); `dryRun` previews. Owners, roles the owner allows, or an API token with awards:write',
      security: API_TOKEN_SECURITY,
      request: { params: SlugParams, headers: IdempotencyHeaders, body: jsonBody(DirectAwardInput) },
      responses: {
        201: jsonOk(DirectAwardResult, 'Awarded (or the replay of the first response for this Idempotency-Key)'),
        200: jsonOk(DirectAwardPreview, 'Dry run: nothing was written'),
        ...PROBLEMS,
      },
    }),
    async (c) => {
      const caller = await resolveOrgCaller(c, { slug: c.req.valid('param').slug, scopes: ['awards:write'] });
      if (caller.kind === 'member') authorizeAward(caller.org, caller.role);
      const out = await awardDirectly(c.var.deps, {
        org: caller.org,
        actorId: caller.actor?.accountId ?? null,
        ip: c.var.ip,
        source: caller.kind === 'token' ? 'api' : 'direct',
        sourceRef: caller.kind === 'token' ? caller.tokenId : null,
        input: c.req.valid('json'),
        idempotencyKey: c.req.valid('header')['idempotency-key'] ?? null,
      });
      if (out.status === 200) return c.json(DirectAwardPreview.parse(out.body), 200);
      return c.json(DirectAwardResult.parse(out.body), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/awards',
      tags,
      summary:
        'The organisation’s awards, newest first, with filters and a cursor. Owners, viewers, roles allowed to award, or an API token',
      security: API_TOKEN_SECURITY,
      request: { params: SlugParams, query: AwardListQuery },
      responses: { 200: jsonOk(AwardPage, 'One page'), ...PROBLEMS },
    }),
    async (c) => {
      const caller = await resolveOrgCaller(c, { slug: c.req.valid('param').slug, scopes: ['credentials:read', 'awards:write'] });
      if (caller.kind === 'member' && !can(caller.role, 'credentials.list') && !canAward(caller.org, caller.role))
        throw new AppError('forbidden', `Your role (${caller.role}) does not allow this action (awards.list)`);
      const q = c.req.valid('query');
      const page = await listAwards(c.var.deps, {
        orgId: caller.org.id,
        achievementId: q.achievementId,
        source: q.source,
        email: q.email,
        issuedAfter: q.issuedAfter ? new Date(q.issuedAfter) : undefined,
        issuedBefore: q.issuedBefore ? new Date(q.issuedBefore) : undefined,
        cursor: q.cursor,
        limit: q.limit,
      });
      return c.json(AwardPage.parse(page), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/award-candidates',
      tags,
      summary: 'Members or past learners to pick as recipients (names and email hints)',
      security: SESSION_SECURITY,
      request: { params: SlugParams, query: z.object({ kind: z.enum(['members', 'learners']).default('learners') }) },
      responses: { 200: jsonOk(z.array(AwardCandidate), 'By name'), ...PROBLEMS },
    }),
    async (c) => {
      const caller = await resolveOrgCaller(c, { slug: c.req.valid('param').slug, scopes: [] });
      if (caller.kind !== 'member') throw new AppError('forbidden', 'Sign in to pick recipients');
      authorizeAward(caller.org, caller.role);
      return c.json(
        z.array(AwardCandidate).parse(await listAwardCandidates(c.var.deps, { org: caller.org, kind: c.req.valid('query').kind })),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/award-settings',
      tags,
      summary: 'Which roles besides owners may award directly',
      security: SESSION_SECURITY,
      request: { params: SlugParams },
      responses: { 200: jsonOk(AwardSettings.extend({ canAward: z.boolean() }), 'Settings'), ...PROBLEMS },
    }),
    async (c) => {
      const caller = await resolveOrgCaller(c, { slug: c.req.valid('param').slug, scopes: [] });
      if (caller.kind !== 'member') throw new AppError('forbidden', 'Sign in to see award settings');
      return c.json({ awardRoles: caller.org.awardRoles, canAward: canAward(caller.org, caller.role) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/orgs/{slug}/award-settings',
      tags,
      summary: 'Choose which roles besides owners may award directly (owners only)',
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(AwardSettings) },
      responses: { 200: jsonOk(AwardSettings, 'Saved'), ...PROBLEMS },
    }),
    async (c) => {
      const caller = await resolveOrgCaller(c, { slug: c.req.valid('param').slug, scopes: [] });
      if (caller.kind !== 'member') throw new AppError('forbidden', 'Sign in to change award settings');
      authorizeAwardSettings(caller.role);
      return c.json(
        AwardSettings.parse(
          await updateAwardSettings(c.var.deps, { actor: caller.actor, org: caller.org, awardRoles: c.req.valid('json').awardRoles }),
        ),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/awards/claim/{token}',
      tags,
      summary: 'What a claim link awards, and to which email (whoever holds the link)',
      request: { params: TokenParams },
      responses: { 200: jsonOk(ClaimPreview, 'The award'), ...PROBLEMS },
    }),
    async (c) => c.json(ClaimPreview.parse(await previewClaim(c.var.deps, { token: c.req.valid('param').token })), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/awards/claim/{token}',
      tags,
      summary: 'Claim an award: the signed-in account’s verified email must be the one it was sent to',
      security: SESSION_SECURITY,
      request: { params: TokenParams },
      responses: { 200: jsonOk(ClaimResult, 'Claimed (or already claimed by you)'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const out = await claimAward(c.var.deps, { actor: { accountId: auth.account.id, ip: c.var.ip }, token: c.req.valid('param').token });
      return c.json(ClaimResult.parse({ awardId: out.award.id, credentialId: out.credentialId }), 200);
    },
  );
  return app;
}
