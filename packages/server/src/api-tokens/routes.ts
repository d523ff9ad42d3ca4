import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { ApiTokenCreated, ApiTokenInput, ApiTokenView } from '@tessera/shared';
import { requireAuth } from '../http/auth.js';
import { jsonBody, jsonOk, PROBLEMS, SESSION_SECURITY, SlugParams } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { loadOrgAccess } from '../orgs/index.js';
import { createApiToken } from './create-api-token.js';
import { listApiTokens } from './list-api-tokens.js';
import { authorizeApiTokens } from './policies.js';
import { revokeApiToken } from './revoke-api-token.js';

const tags = ['API tokens'];

/** OpenAPI security of routes that take a session or an organisation API token. */
export const API_TOKEN_SECURITY: Array<Record<string, string[]>> = [{ session: [] }, { apiToken: [] }];

/** Routes: an owner's organisation API tokens (create, list, revoke), and the bearer security scheme. */
export function apiTokenRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiToken', {
    type: 'http',
    scheme: 'bearer',
    description:
      'An organisation API token (`tsr_…`), created by an owner with scopes `awards:write` and/or `credentials:read`; it works only on that organisation’s routes.',
  });
  const access = async (
    c: Parameters<typeof requireAuth>[0],
    slug: string,
    action: 'apiTokens.list' | 'apiTokens.create' | 'apiTokens.revoke',
  ) => {
    const auth = requireAuth(c);
    const { org, role } = await loadOrgAccess(c.var.deps, { slug, accountId: auth.account.id, action: 'org.read' });
    authorizeApiTokens(role, action);
    return { org, actor: { accountId: auth.account.id, ip: c.var.ip } };
  };
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/api-tokens',
      tags,
      summary: 'The organisation’s API tokens (never their secrets)',
      security: SESSION_SECURITY,
      request: { params: SlugParams },
      responses: { 200: jsonOk(z.array(ApiTokenView), 'Newest first'), ...PROBLEMS },
    }),
    async (c) => {
      const { org } = await access(c, c.req.valid('param').slug, 'apiTokens.list');
      return c.json(z.array(ApiTokenView).parse(await listApiTokens(c.var.deps, { org })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/api-tokens',
      tags,
      summary: 'Create an API token with scopes; the token is in this response only',
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(ApiTokenInput) },
      responses: { 201: jsonOk(ApiTokenCreated, 'Created: copy the token now'), ...PROBLEMS },
    }),
    async (c) => {
      const { org, actor } = await access(c, c.req.valid('param').slug, 'apiTokens.create');
      const body = c.req.valid('json');
      return c.json(ApiTokenCreated.parse(await createApiToken(c.var.deps, { actor, org, name: body.name, scopes: body.scopes })), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/orgs/{slug}/api-tokens/{id}',
      tags,
      summary: 'Revoke an API token (it stops working at once)',
      security: SESSION_SECURITY,
      request: {
        params: SlugParams.extend({
          id: z
            .string()
            .min(1)
            .max(64)
            .openapi({ param: { name: 'id', in: 'path' } }),
        }),
      },
      responses: { 200: jsonOk(ApiTokenView, 'Revoked'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { org, actor } = await access(c, p.slug, 'apiTokens.revoke');
      return c.json(ApiTokenView.parse(await revokeApiToken(c.var.deps, { actor, org, tokenId: p.id })), 200);
    },
  );
  return app;
}
