import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { OutboxMessage } from '@tessera/shared';
import { requireAuth } from '../http/auth.js';
import { jsonOk, PROBLEMS, SESSION_SECURITY } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { AppError } from '../shared/errors.js';
import { listOutbox } from './list-outbox.js';

/** Routes: the development outbox for platform admins. */
export function mailRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/outbox',
      tags: ['Admin'],
      summary: 'Emails sent or stored (dev outbox)',
      security: SESSION_SECURITY,
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(100) }) },
      responses: { 200: jsonOk(z.array(OutboxMessage), 'Newest first'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      if (!auth.account.isPlatformAdmin) throw new AppError('forbidden', 'Only platform admins can read the outbox');
      return c.json(z.array(OutboxMessage).parse(await listOutbox(c.var.deps, { limit: c.req.valid('query').limit })), 200);
    },
  );
  return app;
}
