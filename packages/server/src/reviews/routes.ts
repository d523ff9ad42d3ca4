import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { AssessorSubmission, QueueItem, ReviewInput } from '@tessera/shared';
import { requireAuth } from '../http/auth.js';
import { jsonBody, jsonOk, PROBLEMS, SESSION_SECURITY, SlugParams } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { loadOrgAccess } from '../orgs/load-org-access.js';
import type { OrgAction } from '../orgs/policies.js';
import { claimSubmission, releaseClaim } from './claim-submission.js';
import { getAssessorSubmission } from './get-assessor-submission.js';
import { listQueue } from './list-queue.js';
import { settleSubmission } from './settle-submission.js';
import { submitReview } from './submit-review.js';

const tags = ['Assessment'];
const IdParams = SlugParams.extend({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) });

/** Routes: the review queue, claims, reviews and settlements. */
export function reviewRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  type Ctx = Parameters<Parameters<typeof app.openapi>[1]>[0];
  const access = async (c: Ctx, slug: string, action: OrgAction) => {
    const auth = requireAuth(c);
    return { auth, actor: { accountId: auth.account.id, ip: c.var.ip }, ...(await loadOrgAccess(c.var.deps, { slug, accountId: auth.account.id, action })) };
  };
  const view = async (c: Ctx, a: Awaited<ReturnType<typeof access>>, id: string) =>
    AssessorSubmission.parse(await getAssessorSubmission(c.var.deps, { org: a.org, role: a.role, accountId: a.auth.account.id, submissionId: id }));

  app.openapi(
    createRoute({ method: 'get', path: '/orgs/{slug}/queue', tags, summary: 'Submissions waiting for review, oldest first', security: SESSION_SECURITY, request: { params: SlugParams }, responses: { 200: jsonOk(z.array(QueueItem), 'Queue'), ...PROBLEMS } }),
    async (c) => {
      const a = await access(c, c.req.valid('param').slug, 'queue.read');
      return c.json(z.array(QueueItem).parse(await listQueue(c.var.deps, { org: a.org, accountId: a.auth.account.id })), 200);
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/orgs/{slug}/submissions/{id}', tags, summary: 'A submission for assessment (blind by default)', security: SESSION_SECURITY, request: { params: IdParams }, responses: { 200: jsonOk(AssessorSubmission, 'The submission'), ...PROBLEMS } }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await view(c, await access(c, p.slug, 'queue.read'), p.id), 200);
    },
  );
  app.openapi(
    createRoute({ method: 'post', path: '/orgs/{slug}/submissions/{id}/claim', tags, summary: 'Claim a review slot (expires after 24 hours)', security: SESSION_SECURITY, request: { params: IdParams }, responses: { 200: jsonOk(AssessorSubmission, 'Claimed'), ...PROBLEMS } }),
    async (c) => {
      const p = c.req.valid('param');
      const a = await access(c, p.slug, 'submissions.review');
      await claimSubmission(c.var.deps, { actor: a.actor, org: a.org, submissionId: p.id });
      return c.json(await view(c, a, p.id), 200);
    },
  );
  app.openapi(
    createRoute({ method: 'delete', path: '/orgs/{slug}/submissions/{id}/claim', tags, summary: 'Release my claim', security: SESSION_SECURITY, request: { params: IdParams }, responses: { 204: { description: 'Released' }, ...PROBLEMS } }),
    async (c) => {
      const p = c.req.valid('param');
      const a = await access(c, p.slug, 'submissions.review');
      await releaseClaim(c.var.deps, { actor: a.actor, org: a.org, submissionId: p.id });
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({ method: 'post', path: '/orgs/{slug}/submissions/{id}/reviews', tags, summary: 'Score every criterion and decide', security: SESSION_SECURITY, request: { params: IdParams, body: jsonBody(ReviewInput) }, responses: { 200: jsonOk(AssessorSubmission, 'Reviewed'), ...PROBLEMS } }),
    async (c) => {
      const p = c.req.valid('param');
      const a = await access(c, p.slug, 'submissions.review');
      await submitReview(c.var.deps, { actor: a.actor, org: a.org, submissionId: p.id, ...c.req.valid('json') });
      return c.json(await view(c, a, p.id), 200);
    },
  );
  app.openapi(
    createRoute({ method: 'post', path: '/orgs/{slug}/submissions/{id}/settle', tags, summary: 'Settle two disagreeing reviews (owners)', security: SESSION_SECURITY, request: { params: IdParams, body: jsonBody(ReviewInput) }, responses: { 200: jsonOk(AssessorSubmission, 'Settled'), ...PROBLEMS } }),
    async (c) => {
      const p = c.req.valid('param');
      const a = await access(c, p.slug, 'submissions.settle');
      await settleSubmission(c.var.deps, { actor: a.actor, org: a.org, submissionId: p.id, ...c.req.valid('json') });
      return c.json(await view(c, a, p.id), 200);
    },
  );
  return app;
}
