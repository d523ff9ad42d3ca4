import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  AssessorSubmission,
  NextSubmission,
  NextSubmissionInput,
  NotificationPreference,
  NotificationPreferenceInput,
  NotificationPreferences,
  QueueEntry,
  QueueFilter,
  ReviewInput,
} from '@tessera/shared';
import { requireAuth } from '../http/auth.js';
import { jsonBody, jsonOk, PROBLEMS, SESSION_SECURITY, SlugParams } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { listNotificationPreferences } from '../notifications/index.js';
import { setNotificationPreference } from '../notifications/index.js';
import { loadOrgAccess } from '../orgs/index.js';
import type { OrgAction } from '../orgs/index.js';
import { claimNextSubmission } from './claim-next-submission.js';
import { claimSubmission, releaseClaim } from './claim-submission.js';
import { getAssessorSubmission } from './get-assessor-submission.js';
import { listQueue } from './list-queue.js';
import { settleSubmission } from './settle-submission.js';
import { submitReview } from './submit-review.js';

const tags = ['Assessment'];
const IdParams = SlugParams.extend({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** Routes: the review queue, claims, reviews and settlements, and how assessors hear about new submissions. */
export function reviewRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  type Ctx = Parameters<Parameters<typeof app.openapi>[1]>[0];
  const access = async (c: Ctx, slug: string, action: OrgAction) => {
    const auth = requireAuth(c);
    return {
      auth,
      actor: { accountId: auth.account.id, ip: c.var.ip },
      ...(await loadOrgAccess(c.var.deps, { slug, accountId: auth.account.id, action })),
    };
  };
  const view = async (c: Ctx, a: Awaited<ReturnType<typeof access>>, id: string) =>
    AssessorSubmission.parse(
      await getAssessorSubmission(c.var.deps, { org: a.org, role: a.role, accountId: a.auth.account.id, submissionId: id }),
    );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/queue',
      tags,
      summary: 'Submissions waiting for review, oldest first (filter by micro-credential, state, claim, overdue)',
      security: SESSION_SECURITY,
      request: { params: SlugParams, query: QueueFilter },
      responses: { 200: jsonOk(z.array(QueueEntry), 'Queue'), ...PROBLEMS },
    }),
    async (c) => {
      const a = await access(c, c.req.valid('param').slug, 'queue.read');
      return c.json(
        z.array(QueueEntry).parse(await listQueue(c.var.deps, { org: a.org, accountId: a.auth.account.id, filter: c.req.valid('query') })),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/queue/next',
      tags,
      summary: 'Claim the next waiting submission for me (or the one I already hold)',
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(NextSubmissionInput) },
      responses: { 200: jsonOk(NextSubmission, 'The claimed submission, or null when none is waiting'), ...PROBLEMS },
    }),
    async (c) => {
      const a = await access(c, c.req.valid('param').slug, 'submissions.review');
      const submissionId = await claimNextSubmission(c.var.deps, {
        actor: a.actor,
        org: a.org,
        achievementId: c.req.valid('json').achievementId,
      });
      return c.json(NextSubmission.parse({ submissionId }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/submissions/{id}',
      tags,
      summary: 'A submission for assessment (blind by default)',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 200: jsonOk(AssessorSubmission, 'The submission'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await view(c, await access(c, p.slug, 'queue.read'), p.id), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/submissions/{id}/claim',
      tags,
      summary: 'Claim a review slot (expires after 24 hours)',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 200: jsonOk(AssessorSubmission, 'Claimed'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const a = await access(c, p.slug, 'submissions.review');
      await claimSubmission(c.var.deps, { actor: a.actor, org: a.org, submissionId: p.id });
      return c.json(await view(c, a, p.id), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/orgs/{slug}/submissions/{id}/claim',
      tags,
      summary: 'Release my claim',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 204: { description: 'Released' }, ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const a = await access(c, p.slug, 'submissions.review');
      await releaseClaim(c.var.deps, { actor: a.actor, org: a.org, submissionId: p.id });
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/submissions/{id}/reviews',
      tags,
      summary: 'Score every criterion and decide',
      security: SESSION_SECURITY,
      request: { params: IdParams, body: jsonBody(ReviewInput) },
      responses: { 200: jsonOk(AssessorSubmission, 'Reviewed'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const a = await access(c, p.slug, 'submissions.review');
      await submitReview(c.var.deps, { actor: a.actor, org: a.org, submissionId: p.id, ...c.req.valid('json') });
      return c.json(await view(c, a, p.id), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/submissions/{id}/settle',
      tags,
      summary: 'Settle two disagreeing reviews (owners)',
      security: SESSION_SECURITY,
      request: { params: IdParams, body: jsonBody(ReviewInput) },
      responses: { 200: jsonOk(AssessorSubmission, 'Settled'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const a = await access(c, p.slug, 'submissions.settle');
      await settleSubmission(c.var.deps, { actor: a.actor, org: a.org, submissionId: p.id, ...c.req.valid('json') });
      return c.json(await view(c, a, p.id), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/notification-preferences',
      tags,
      summary: 'How I hear about new submissions, per organisation where I review',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(NotificationPreferences, 'Preferences'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(NotificationPreferences.parse(await listNotificationPreferences(c.var.deps, { accountId: requireAuth(c).account.id })), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/orgs/{slug}/notification-preferences',
      tags,
      summary: 'Change how I hear about new submissions in this organisation',
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(NotificationPreferenceInput) },
      responses: { 200: jsonOk(NotificationPreference, 'Changed'), ...PROBLEMS },
    }),
    async (c) => {
      const a = await access(c, c.req.valid('param').slug, 'queue.read');
      const pref = await setNotificationPreference(c.var.deps, { accountId: a.auth.account.id, org: a.org, ...c.req.valid('json') });
      return c.json(NotificationPreference.parse(pref), 200);
    },
  );
  return app;
}
