import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { HomeDashboard } from '@tessera/shared';
import { requireAuth } from '../http/auth.js';
import { jsonOk, PROBLEMS, SESSION_SECURITY } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { getHome } from './get-home.js';

const tags = ['Home'];

/** Routes: the role-aware home. */
export function homeRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/home',
      tags,
      summary: 'My home: learning, review queues and organisation overviews, most urgent first',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(HomeDashboard, 'The sections that apply to me'), ...PROBLEMS },
    }),
    async (c) => c.json(HomeDashboard.parse(await getHome(c.var.deps, { accountId: requireAuth(c).account.id })), 200),
  );
  return app;
}
