import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  BulkRevokeInput,
  BulkRevokePreview,
  BulkRevokeResult,
  BulkRevokeTarget,
  BulkRow,
  BulkRowEdit,
  BulkRowPage,
  BulkRun,
  LIMITS,
} from '@tessera/shared';
import type { Context } from 'hono';
import { canAward } from '../awards/index.js';
import { contentDisposition } from '../files/index.js';
import { requireAuth } from '../http/auth.js';
import { jsonBody, jsonOk, PROBLEMS, SESSION_SECURITY, SlugParams } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { loadOrgAccess } from '../orgs/index.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { changeBulkRunState } from './change-bulk-run-state.js';
import { createBulkRun } from './create-bulk-run.js';
import { editBulkRow } from './edit-bulk-row.js';
import { exportBulkCsv } from './export-csv.js';
import { listBulkRuns, listBulkRows, getBulkRun } from './read-bulk-runs.js';
import { previewBulkRevocation } from './preview-bulk-revocation.js';
import { revokeCredentialsInBulk } from './revoke-credentials-in-bulk.js';

const tags = ['Bulk awards'];
/** The path a CSV is uploaded to (its body limit is LIMITS.bulkCsvBytes, not the JSON limit). */
export const BULK_UPLOAD_PATH = /^\/api\/v1\/orgs\/[^/]+\/bulk-awards$/;

const RunParams = SlugParams.extend({
  runId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'runId', in: 'path' } }),
});
const RowParams = RunParams.extend({
  row: z.coerce
    .number()
    .int()
    .min(2)
    .openapi({ param: { name: 'row', in: 'path' } }),
});
const ActionParams = RunParams.extend({
  action: z.enum(['start', 'pause', 'resume', 'cancel']).openapi({ param: { name: 'action', in: 'path' } }),
});
const UploadQuery = z.object({
  achievementId: z.string().min(1).max(100),
  fileName: z.string().max(200).default('upload.csv'),
  sendClaimMail: z.enum(['true', 'false']).default('true'),
});
const RowsQuery = z.object({
  problems: z.enum(['true', 'false']).default('false'),
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const csv = (description: string) => ({ description, content: { 'text/csv': { schema: z.string() } } }) as const;

/** The caller's organisation when their role may award there (owner, or a role the owner allowed); 403 otherwise. */
async function awardAccess(c: Context<AppEnv>, slug: string): Promise<{ org: OrgRow; actor: { accountId: string; ip: string | null } }> {
  const auth = requireAuth(c);
  const { org, role } = await loadOrgAccess(c.var.deps, { slug, accountId: auth.account.id, action: 'org.read' });
  if (!canAward(org, role)) throw new AppError('forbidden', `Your role (${role}) does not allow awarding in this organisation`);
  return { org, actor: { accountId: auth.account.id, ip: c.var.ip } };
}

/** A CSV download. */
function csvResponse(c: Context<AppEnv>, out: { filename: string; body: ReadableStream<Uint8Array> }) {
  return c.body(out.body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': contentDisposition(out.filename, false),
  });
}

/** The request body as a byte stream (refused early when its declared length is over the limit). */
function bodyStream(c: Context<AppEnv>): AsyncIterable<Uint8Array> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(text\/csv|text\/plain|application\/octet-stream|application\/vnd\.ms-excel)\b/i.test(type))
    throw new AppError('unsupported_media_type', 'Upload the file as text/csv');
  const length = Number(c.req.header('content-length') ?? '0');
  if (length > LIMITS.bulkCsvBytes)
    throw new AppError(
      'payload_too_large',
      `The file is larger than ${LIMITS.bulkCsvBytes / 1024 / 1024} MB. Split it into smaller files.`,
    );
  const body = c.req.raw.body;
  if (!body) throw new AppError('validation_failed', 'The file is empty', { errors: [{ path: 'file', message: 'Empty' }] });
  return body as unknown as AsyncIterable<Uint8Array>;
}

/** Routes: bulk awards from CSV (upload and dry run, the problem grid, the run, reports) and bulk revocation. */
export function bulkAwardRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/bulk-awards',
      tags,
      summary: `Upload a CSV (email, name, issued_on, narrative, evidence_url, level:<criterion>; at most ${LIMITS.bulkCsvBytes / 1024 / 1024} MB) and dry-run it: every row is checked, nothing is awarded yet`,
      security: SESSION_SECURITY,
      request: {
        params: SlugParams,
        query: UploadQuery,
        body: { required: true, content: { 'text/csv': { schema: z.string().openapi({ format: 'binary' }) } } },
      },
      responses: { 201: jsonOk(BulkRun, 'Validated draft run'), 413: PROBLEMS[400], 415: PROBLEMS[400], ...PROBLEMS },
    }),
    async (c) => {
      const { org, actor } = await awardAccess(c, c.req.valid('param').slug);
      const q = c.req.valid('query');
      const run = await createBulkRun(c.var.deps, {
        org,
        actor,
        achievementId: q.achievementId,
        fileName: q.fileName,
        sendClaimMail: q.sendClaimMail === 'true',
        body: bodyStream(c),
      });
      return c.json(BulkRun.parse(run), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/bulk-awards',
      tags,
      summary: 'Bulk award runs, newest first',
      security: SESSION_SECURITY,
      request: { params: SlugParams },
      responses: { 200: jsonOk(z.array(BulkRun), 'Runs'), ...PROBLEMS },
    }),
    async (c) => {
      const { org } = await awardAccess(c, c.req.valid('param').slug);
      return c.json(z.array(BulkRun).parse(await listBulkRuns(c.var.deps, { org })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/bulk-awards/template.csv',
      tags,
      summary: 'The CSV template of a micro-credential (one level column per rubric criterion)',
      security: SESSION_SECURITY,
      request: { params: SlugParams, query: z.object({ achievementId: z.string().min(1).max(100) }) },
      responses: { 200: csv('Template'), ...PROBLEMS },
    }),
    async (c) => {
      const { org } = await awardAccess(c, c.req.valid('param').slug);
      return csvResponse(
        c,
        await exportBulkCsv(c.var.deps, { org, what: { kind: 'template', achievementId: c.req.valid('query').achievementId } }),
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/bulk-awards/{runId}',
      tags,
      summary: 'A run with its live progress (rows done, rate, time left)',
      security: SESSION_SECURITY,
      request: { params: RunParams },
      responses: { 200: jsonOk(BulkRun, 'Run'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { org } = await awardAccess(c, p.slug);
      return c.json(BulkRun.parse(await getBulkRun(c.var.deps, { org, runId: p.runId })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/bulk-awards/{runId}/rows',
      tags,
      summary: 'Rows of a run in order (only rows with problems when problems=true)',
      security: SESSION_SECURITY,
      request: { params: RunParams, query: RowsQuery },
      responses: { 200: jsonOk(BulkRowPage, 'Rows'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const q = c.req.valid('query');
      const { org } = await awardAccess(c, p.slug);
      return c.json(
        BulkRowPage.parse(
          await listBulkRows(c.var.deps, { org, runId: p.runId, problemsOnly: q.problems === 'true', after: q.after, limit: q.limit }),
        ),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/orgs/{slug}/bulk-awards/{runId}/rows/{row}',
      tags,
      summary: 'Edit cells of a row of a draft run; the row (and rows sharing its old or new email) are checked again',
      security: SESSION_SECURITY,
      request: { params: RowParams, body: jsonBody(BulkRowEdit) },
      responses: { 200: jsonOk(z.object({ row: BulkRow, affected: z.array(BulkRow) }), 'Checked again'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { org, actor } = await awardAccess(c, p.slug);
      const out = await editBulkRow(c.var.deps, { org, actor, runId: p.runId, row: p.row, edit: c.req.valid('json') });
      return c.json(z.object({ row: BulkRow, affected: z.array(BulkRow) }).parse(out), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/bulk-awards/{runId}/problems.csv',
      tags,
      summary: 'The dry run’s problems, one line per cell',
      security: SESSION_SECURITY,
      request: { params: RunParams },
      responses: { 200: csv('Problems'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { org } = await awardAccess(c, p.slug);
      return csvResponse(c, await exportBulkCsv(c.var.deps, { org, what: { kind: 'problems', runId: p.runId } }));
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/bulk-awards/{runId}/report.csv',
      tags,
      summary: 'The per-row report: issued (credential id), skipped as a duplicate, or failed with the reason',
      security: SESSION_SECURITY,
      request: { params: RunParams },
      responses: { 200: csv('Report'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { org } = await awardAccess(c, p.slug);
      return csvResponse(c, await exportBulkCsv(c.var.deps, { org, what: { kind: 'report', runId: p.runId } }));
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/bulk-awards/{runId}/{action}',
      tags,
      summary: 'Start, pause, resume or cancel a run',
      security: SESSION_SECURITY,
      request: { params: ActionParams },
      responses: { 200: jsonOk(BulkRun, 'Changed'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { org, actor } = await awardAccess(c, p.slug);
      return c.json(BulkRun.parse(await changeBulkRunState(c.var.deps, { org, actor, runId: p.runId, action: p.action })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/bulk-revocations/preview',
      tags,
      summary: 'How many credentials a bulk revocation would revoke (ids from a CSV, or a filter)',
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(z.object({ target: BulkRevokeTarget })) },
      responses: { 200: jsonOk(BulkRevokePreview, 'Preview'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { org } = await loadOrgAccess(c.var.deps, {
        slug: c.req.valid('param').slug,
        accountId: auth.account.id,
        action: 'credentials.changeStatus',
      });
      return c.json(BulkRevokePreview.parse(await previewBulkRevocation(c.var.deps, { org, target: c.req.valid('json').target })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/bulk-revocations',
      tags,
      summary: 'Revoke many credentials with one reason (each audited); the count must match the preview',
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(BulkRevokeInput) },
      responses: { 200: jsonOk(BulkRevokeResult, 'Revoked'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { org } = await loadOrgAccess(c.var.deps, {
        slug: c.req.valid('param').slug,
        accountId: auth.account.id,
        action: 'credentials.changeStatus',
      });
      const body = c.req.valid('json');
      const out = await revokeCredentialsInBulk(c.var.deps, {
        org,
        actor: { accountId: auth.account.id, ip: c.var.ip },
        target: body.target,
        reason: body.reason,
        expectedCount: body.expectedCount,
      });
      return c.json(BulkRevokeResult.parse(out), 200);
    },
  );
  return app;
}
