import { OpenAPIHono, z } from '@hono/zod-openapi';
import { VerificationReport } from '@tessera/shared';
import { PROBLEMS } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { assertCredentialUrlViewable } from '../credentials/index.js';
import { AppError } from '../shared/errors.js';
import { checkVerifyRate, verifyInput } from './verify-input.js';
import type { VerifyInput } from './verify-input.js';

const UrlBody = z.object({ url: z.url() });
const MAX_URL_BODY_BYTES = 8192;
const RAW_TYPES = [
  'application/json',
  'application/vc+ld+json',
  'application/ld+json',
  'text/plain',
  'application/jwt',
  'image/png',
  'image/svg+xml',
];

/** Read the request into a verifier input: `{"url": …}` JSON, or the raw credential in one of RAW_TYPES. */
function readInput(contentType: string, body: ArrayBuffer): VerifyInput {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!RAW_TYPES.includes(type)) {
    throw new AppError('unsupported_media_type', `Send the credential as ${RAW_TYPES.join(', ')}, or JSON {"url": …}`);
  }
  const bytes = new Uint8Array(body);
  if (bytes.length === 0)
    throw new AppError('validation_failed', 'The request body is empty', { errors: [{ path: '(body)', message: 'Required' }] });
  // Only a small body can be {"url": …}; a credential is never parsed here, on the event loop.
  if (type === 'application/json' && bytes.length <= MAX_URL_BODY_BYTES) {
    try {
      const parsed = UrlBody.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
      if (parsed.success) return { kind: 'url', url: parsed.data.url };
    } catch {
      // Not JSON: the verifier reports it as unreadable.
    }
  }
  return { kind: 'bytes', bytes };
}

/** Public routes: verify any credential. */
export function verifyRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/verify',
    tags: ['Verify'],
    summary: 'Verify any credential (OB 3.0 JSON or VC-JWT, baked PNG or SVG) or {"url": …}; rate-limited, no account needed',
    request: {
      body: {
        required: true,
        content: {
          'application/json': { schema: z.union([UrlBody, z.record(z.string(), z.unknown())]) },
          'application/vc+ld+json': { schema: z.record(z.string(), z.unknown()) },
          'text/plain': { schema: z.string().openapi({ description: 'A compact VC-JWT' }) },
          'application/jwt': { schema: z.string() },
          'image/png': { schema: z.string().openapi({ format: 'binary' }) },
          'image/svg+xml': { schema: z.string() },
        },
      },
    },
    responses: {
      200: {
        description: 'The engine report: verdict, ordered steps, the credential it read, and its endorsements each checked on its own',
        content: { 'application/json': { schema: VerificationReport } },
      },
      ...PROBLEMS,
    },
  });
  app.post('/verify', async (c) => {
    await checkVerifyRate(c.var.deps, c.var.ip ?? 'unknown');
    const input = readInput(c.req.header('content-type') ?? '', await c.req.arrayBuffer());
    // A credential of ours named by URL follows the learner's visibility choice (private: 404 to others).
    if (input.kind === 'url') await assertCredentialUrlViewable(c.var.deps, input.url, c.var.auth?.account.id ?? null);
    const report = await verifyInput(c.var.deps, input);
    return c.json(VerificationReport.parse(report), 200);
  });
  return app;
}
