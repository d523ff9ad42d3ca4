import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';
import {
  AdminIssuer,
  AdminVerifyDomainInput,
  DomainCheckInput,
  DomainCheckResponse,
  DomainClaimInput,
  DomainVerification,
  FailedJob,
} from '@tessera/shared';
import { requireAuth } from '../../http/auth.js';
import { jsonBody, jsonOk, PROBLEMS, SESSION_SECURITY, SlugParams } from '../../http/openapi.js';
import type { AppEnv } from '../../http/types.js';
import { listFailedJobs } from '../../jobs/index.js';
import { retryJob } from '../../jobs/index.js';
import { AppError } from '../../shared/errors.js';
import { loadOrgAccess } from '../load-org-access.js';
import { adminUnverifyDomain, adminVerifyDomain } from './admin-verify-domain.js';
import { checkDomain } from './check-domain.js';
import { claimDomain } from './claim-domain.js';
import { listAdminIssuers } from './list-admin-issuers.js';
import { presentDomainVerification } from './present-verification.js';

const JobParams = SlugParams.extend({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const AdminUnverifyInput = z.object({ note: z.string().trim().min(1, { message: 'Say why' }).max(500) });

/** Add the issuer-verification routes (owners' domain proof, platform admins' issuer list) and owners' failed jobs to `app`. */
export function addVerificationRoutes(app: OpenAPIHono<AppEnv>): void {
  const actorOf = (c: { var: AppEnv['Variables'] }, accountId: string) => ({ accountId, ip: c.var.ip });
  const requirePlatformAdmin = (c: Parameters<typeof requireAuth>[0]) => {
    const auth = requireAuth(c);
    if (!auth.account.isPlatformAdmin) throw new AppError('forbidden', 'Only platform admins can do this');
    return auth;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/domain-verification',
      tags: ['Issuer verification'],
      summary: "The organisation's domain verification",
      security: SESSION_SECURITY,
      request: { params: SlugParams },
      responses: { 200: jsonOk(DomainVerification, 'Verification'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { org } = await loadOrgAccess(c.var.deps, {
        slug: c.req.valid('param').slug,
        accountId: auth.account.id,
        action: 'domain.read',
      });
      return c.json(DomainVerification.parse(presentDomainVerification(org)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/domain-verification',
      tags: ['Issuer verification'],
      summary: 'Claim a web domain: get a token to publish',
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(DomainClaimInput) },
      responses: { 201: jsonOk(DomainVerification, 'Claimed; publish the token'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { org } = await loadOrgAccess(c.var.deps, {
        slug: c.req.valid('param').slug,
        accountId: auth.account.id,
        action: 'domain.verify',
      });
      return c.json(
        DomainVerification.parse(
          await claimDomain(c.var.deps, { actor: actorOf(c, auth.account.id), org, domain: c.req.valid('json').domain }),
        ),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/domain-verification/check',
      tags: ['Issuer verification'],
      summary: 'Look for the token in DNS or the /.well-known file',
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(DomainCheckInput) },
      responses: { 200: jsonOk(DomainCheckResponse, 'Whether the domain is now verified, and why not'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { org } = await loadOrgAccess(c.var.deps, {
        slug: c.req.valid('param').slug,
        accountId: auth.account.id,
        action: 'domain.verify',
      });
      const out = await checkDomain(c.var.deps, { actor: actorOf(c, auth.account.id), org, method: c.req.valid('json').method });
      return c.json(
        DomainCheckResponse.parse({
          verified: out.result.verified,
          reason: out.result.verified ? null : out.result.reason,
          verification: out.verification,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/jobs/failed',
      tags: ['Jobs'],
      summary: "The organisation's jobs that failed for good",
      security: SESSION_SECURITY,
      request: { params: SlugParams },
      responses: { 200: jsonOk(z.array(FailedJob), 'Failed jobs, newest first'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { org } = await loadOrgAccess(c.var.deps, { slug: c.req.valid('param').slug, accountId: auth.account.id, action: 'jobs.list' });
      return c.json(z.array(FailedJob).parse(await listFailedJobs(c.var.deps, { orgId: org.id })), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/jobs/{id}/retry',
      tags: ['Jobs'],
      summary: 'Run a failed job again',
      security: SESSION_SECURITY,
      request: { params: JobParams },
      responses: { 204: { description: 'Queued again' }, ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const params = c.req.valid('param');
      const { org } = await loadOrgAccess(c.var.deps, { slug: params.slug, accountId: auth.account.id, action: 'jobs.retry' });
      await retryJob(c.var.deps, { actor: actorOf(c, auth.account.id), orgId: org.id, jobId: params.id });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/issuers',
      tags: ['Admin'],
      summary: 'Issuers, their verification, and names that resemble a verified issuer',
      security: SESSION_SECURITY,
      request: { query: z.object({ flagged: z.enum(['true', 'false']).default('false') }) },
      responses: { 200: jsonOk(z.array(AdminIssuer), 'Issuers'), ...PROBLEMS },
    }),
    async (c) => {
      requirePlatformAdmin(c);
      return c.json(
        z.array(AdminIssuer).parse(await listAdminIssuers(c.var.deps, { flaggedOnly: c.req.valid('query').flagged === 'true' })),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/issuers/{slug}/verify-domain',
      tags: ['Admin'],
      summary: "Verify an organisation's domain (platform admins; audited)",
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(AdminVerifyDomainInput) },
      responses: { 204: { description: 'Verified' }, ...PROBLEMS },
    }),
    async (c) => {
      const auth = requirePlatformAdmin(c);
      const input = c.req.valid('json');
      await adminVerifyDomain(c.var.deps, {
        actor: actorOf(c, auth.account.id),
        slug: c.req.valid('param').slug,
        domain: input.domain,
        note: input.note,
      });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/issuers/{slug}/unverify-domain',
      tags: ['Admin'],
      summary: "Withdraw an organisation's verification (platform admins; audited)",
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(AdminUnverifyInput) },
      responses: { 204: { description: 'Withdrawn' }, ...PROBLEMS },
    }),
    async (c) => {
      const auth = requirePlatformAdmin(c);
      await adminUnverifyDomain(c.var.deps, {
        actor: actorOf(c, auth.account.id),
        slug: c.req.valid('param').slug,
        note: c.req.valid('json').note,
      });
      return c.body(null, 204);
    },
  );
}
