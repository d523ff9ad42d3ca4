import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  AwardListQuery,
  CredentialReissued,
  CredentialSharingInput,
  CredentialSummary,
  MyCredential,
  StatusChangeInput,
} from '@tessera/shared';
import { requireAuth } from '../http/auth.js';
import { jsonBody, jsonOk, PROBLEMS, SESSION_SECURITY, SlugParams } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { loadOrgAccess } from '../orgs/index.js';
import { changeCredentialStatus } from './change-status.js';
import { listOrgCredentialPage } from './list-credentials.js';
import { API_TOKEN_SECURITY, resolveOrgCaller } from '../api-tokens/index.js';
import { authorize } from '../orgs/index.js';
import { listMyCredentials, reissueMyCredential, updateCredentialSharing } from './my-credentials.js';
import { getStatusListCredential } from './status-list-credential.js';
import { findViewableCredentialById } from './can-view-credential.js';

const tags = ['Credentials'];
const StatusParams = SlugParams.extend({
  id: z
    .string()
    .min(1)
    .max(500)
    .openapi({ param: { name: 'id', in: 'path' } }),
  action: z.enum(['revoke', 'suspend', 'unsuspend']).openapi({ param: { name: 'action', in: 'path' } }),
});

/** Routes: issued credentials, their status, and status lists. */
export function credentialRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/credentials',
      tags,
      summary: 'My earned credentials, with how each is shared',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(z.array(MyCredential), 'Newest first'), ...PROBLEMS },
    }),
    async (c) => c.json(z.array(MyCredential).parse(await listMyCredentials(c.var.deps, { accountId: requireAuth(c).account.id })), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/me/credentials/{id}',
      tags,
      summary: 'Share a credential: page visibility (public, unlisted link, private), name shown or not, which evidence is public',
      security: SESSION_SECURITY,
      request: {
        params: z.object({
          id: z
            .string()
            .min(1)
            .max(500)
            .openapi({ param: { name: 'id', in: 'path' } }),
        }),
        body: jsonBody(CredentialSharingInput),
      },
      responses: { 200: jsonOk(MyCredential, 'Updated'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const body = c.req.valid('json');
      const out = await updateCredentialSharing(c.var.deps, {
        actor: { accountId: auth.account.id, ip: c.var.ip },
        credentialId: c.req.valid('param').id,
        ...body,
      });
      return c.json(MyCredential.parse(out), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/credentials/{id}/reissue',
      tags,
      summary:
        'Re-issue with my current sharing choices: a new credential is signed from the same award, the old one is revoked ("re-issued"); repeating the request returns the same new credential',
      security: SESSION_SECURITY,
      request: {
        params: z.object({
          id: z
            .string()
            .min(1)
            .max(500)
            .openapi({ param: { name: 'id', in: 'path' } }),
        }),
      },
      responses: { 200: jsonOk(CredentialReissued, 'Re-issued (or already re-issued)'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const out = await reissueMyCredential(c.var.deps, {
        actor: { accountId: auth.account.id, ip: c.var.ip },
        credentialId: c.req.valid('param').id,
      });
      return c.json(CredentialReissued.parse(out), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/credentials',
      tags,
      summary:
        'Credentials issued by the organisation, newest first, with filters; the next page’s cursor is in the X-Next-Cursor and Link headers. Owners, viewers, or an API token with credentials:read',
      security: API_TOKEN_SECURITY,
      request: { params: SlugParams, query: AwardListQuery.extend({ limit: z.coerce.number().int().min(1).max(1000).default(1000) }) },
      responses: { 200: jsonOk(z.array(CredentialSummary), 'Newest first'), ...PROBLEMS },
    }),
    async (c) => {
      const caller = await resolveOrgCaller(c, { slug: c.req.valid('param').slug, scopes: ['credentials:read'] });
      if (caller.kind === 'member') authorize(caller.role, 'credentials.list');
      const q = c.req.valid('query');
      const page = await listOrgCredentialPage(c.var.deps, {
        orgId: caller.org.id,
        achievementId: q.achievementId,
        source: q.source,
        email: q.email,
        issuedAfter: q.issuedAfter ? new Date(q.issuedAfter) : undefined,
        issuedBefore: q.issuedBefore ? new Date(q.issuedBefore) : undefined,
        cursor: q.cursor,
        limit: q.limit,
      });
      if (page.nextCursor) {
        const next = new URL(c.req.url);
        next.searchParams.set('cursor', page.nextCursor);
        c.header('x-next-cursor', page.nextCursor);
        c.header('link', `<${next.pathname}${next.search}>; rel="next"`);
      }
      return c.json(z.array(CredentialSummary).parse(page.items), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/credentials/{id}/{action}',
      tags,
      summary: 'Revoke, suspend or unsuspend a credential (with a reason)',
      security: SESSION_SECURITY,
      request: { params: StatusParams, body: jsonBody(StatusChangeInput) },
      responses: { 200: jsonOk(CredentialSummary, 'Changed'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const p = c.req.valid('param');
      const { org } = await loadOrgAccess(c.var.deps, { slug: p.slug, accountId: auth.account.id, action: 'credentials.changeStatus' });
      const out = await changeCredentialStatus(c.var.deps, {
        actor: { accountId: auth.account.id, ip: c.var.ip },
        org,
        credentialId: p.id,
        action: p.action,
        reason: c.req.valid('json').reason,
      });
      return c.json(CredentialSummary.parse(out), 200);
    },
  );
  app.get('/credentials/:id', async (c) => {
    // The jsonUrl the app hands out: the same visibility rule as the public page.
    const cred = await findViewableCredentialById(c.var.deps, decodeURIComponent(c.req.param('id')), c.var.auth?.account.id ?? null);
    return c.body(JSON.stringify(cred.document, null, 2), 200, {
      'content-type': 'application/vc+ld+json',
      'content-disposition': 'inline; filename="credential.json"',
    });
  });
  return app;
}

/** Public route: signed status list credentials, cacheable for at most a minute. */
export function statusListRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.get('/orgs/:slug/status/:listId', async (c) => {
    const { etag, body } = await getStatusListCredential(c.var.deps, { slug: c.req.param('slug'), listId: c.req.param('listId') });
    const headers = { etag, 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    return c.body(body, 200, { ...headers, 'content-type': 'application/vc+ld+json' });
  });
  return app;
}
