import { z } from '@hono/zod-openapi';
import { Problem } from '@tessera/shared';

/** A required JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

/** A JSON response. */
export function jsonOk<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } }) as const;

/** The problem responses every route may give. */
export const PROBLEMS = {
  400: problem('Invalid request (problem+json with field paths)'),
  401: problem('Sign-in required'),
  403: problem('Not allowed'),
  404: problem('Not found'),
  409: problem('Conflict'),
  429: problem('Rate-limited'),
} as const;

/** Path parameter for an organisation slug. */
export const SlugParams = z.object({
  slug: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'slug', in: 'path' } }),
});

/** Cookie session security requirement for OpenAPI. */
export const SESSION_SECURITY = [{ session: [] }];
