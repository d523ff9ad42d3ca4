import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { EvidenceInput, Notification, Submission, SubmissionSummary, UnreadCount } from '@tessera/shared';
import { requireAuth } from '../http/auth.js';
import { jsonBody, jsonOk, PROBLEMS, SESSION_SECURITY } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { countUnreadNotifications } from '../notifications/index.js';
import { listNotifications, readNotification } from '../notifications/index.js';
import { listMySubmissions } from './list-my-submissions.js';
import { loadOwnSubmission } from './load-own-submission.js';
import { presentSubmission } from './present.js';
import { saveEvidence } from './save-evidence.js';
import { startSubmission } from './start-submission.js';
import { submitSubmission } from './submit-submission.js';

const tags = ['Learner'];
const IdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const EvidenceParams = IdParams.extend({
  requirementId: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'requirementId', in: 'path' } }),
});
const StartParams = z.object({
  achievementId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'achievementId', in: 'path' } }),
});

/** Routes: a learner's submissions, evidence and notifications. */
export function submissionRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/catalog/{achievementId}/start',
      tags,
      summary: 'Start (or resume) a micro-credential',
      security: SESSION_SECURITY,
      request: { params: StartParams },
      responses: { 201: jsonOk(Submission, 'Started'), 200: jsonOk(Submission, 'Resumed'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { id, created } = await startSubmission(c.var.deps, {
        actor: { accountId: auth.account.id, ip: c.var.ip },
        achievementId: c.req.valid('param').achievementId,
      });
      return c.json(Submission.parse(await presentSubmission(c.var.deps, id)), created ? 201 : 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/submissions',
      tags,
      summary: 'My submissions',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(z.array(SubmissionSummary), 'Newest first'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(z.array(SubmissionSummary).parse(await listMySubmissions(c.var.deps, { accountId: requireAuth(c).account.id })), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/submissions/{id}',
      tags,
      summary: 'One of my submissions with feedback and history',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 200: jsonOk(Submission, 'The submission'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const s = await loadOwnSubmission(c.var.deps, { accountId: auth.account.id, submissionId: c.req.valid('param').id });
      return c.json(Submission.parse(await presentSubmission(c.var.deps, s.id)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/me/submissions/{id}/evidence/{requirementId}',
      tags,
      summary: 'Autosave one evidence item',
      security: SESSION_SECURITY,
      request: { params: EvidenceParams, body: jsonBody(EvidenceInput) },
      responses: { 200: jsonOk(Submission, 'Saved'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const p = c.req.valid('param');
      await saveEvidence(c.var.deps, {
        actor: { accountId: auth.account.id, ip: c.var.ip },
        submissionId: p.id,
        requirementId: p.requirementId,
        ...c.req.valid('json'),
      });
      return c.json(Submission.parse(await presentSubmission(c.var.deps, p.id)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/submissions/{id}/submit',
      tags,
      summary: 'Submit for assessment',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 200: jsonOk(Submission, 'Submitted'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const id = c.req.valid('param').id;
      await submitSubmission(c.var.deps, { actor: { accountId: auth.account.id, ip: c.var.ip }, submissionId: id });
      return c.json(Submission.parse(await presentSubmission(c.var.deps, id)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/notifications',
      tags,
      summary: 'My notifications',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(z.array(Notification), 'Newest first'), ...PROBLEMS },
    }),
    async (c) => c.json(z.array(Notification).parse(await listNotifications(c.var.deps, { accountId: requireAuth(c).account.id })), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/notifications/unread-count',
      tags,
      summary: 'How many of my notifications are unread',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(UnreadCount, 'The count'), ...PROBLEMS },
    }),
    async (c) => c.json(UnreadCount.parse(await countUnreadNotifications(c.var.deps, { accountId: requireAuth(c).account.id })), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/notifications/{id}/read',
      tags,
      summary: 'Mark a notification read',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 204: { description: 'Read' }, ...PROBLEMS },
    }),
    async (c) => {
      await readNotification(c.var.deps, { accountId: requireAuth(c).account.id, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
  return app;
}
