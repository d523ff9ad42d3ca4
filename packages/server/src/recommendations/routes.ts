import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { RecommendationList } from '@tessera/shared';
import { requireAuth } from '../http/auth.js';
import { jsonOk, PROBLEMS, SESSION_SECURITY } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { recommendForGoal } from './recommend-for-goal.js';

const tags = ['Recommendations'];
const GoalParams = z.object({
  id: z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** Routes: recommendations for the signed-in learner's goals. */
export function recommendationRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/goals/{id}/recommendations',
      tags,
      summary: 'Ranked, explained micro-credentials that close the gap of one of my goals',
      security: SESSION_SECURITY,
      request: { params: GoalParams },
      responses: { 200: jsonOk(RecommendationList, 'Recommendations, best first'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        RecommendationList.parse(
          await recommendForGoal(c.var.deps, { accountId: requireAuth(c).account.id, goalId: c.req.valid('param').id }),
        ),
        200,
      ),
  );
  return app;
}
