import { OpenAPIHono } from '@hono/zod-openapi';
import { LIMITS } from '@tessera/shared';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { accountRoutes } from '../accounts/index.js';
import { achievementMediaRoutes, achievementRoutes } from '../achievements/index.js';
import { credentialRoutes, statusListRoutes } from '../credentials/index.js';
import { fileRoutes } from '../files/index.js';
import { reviewRoutes } from '../reviews/index.js';
import { submissionRoutes } from '../submissions/index.js';
import type { Deps } from '../context.js';
import { pingDatabase } from '../db/client.js';
import { publicKeyRoutes } from '../keys/index.js';
import { mailRoutes } from '../mail/index.js';
import { orgRoutes } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { VERIFY_PATH, csrfProtection, loadSession } from './auth.js';
import { docsRoutes } from './docs.js';
import { compressResponses } from './compression.js';
import { errorResponse, zodFieldErrors } from './problem.js';
import { redactPath } from './redact-path.js';
import { DEFAULT_WEB_DIST, spaRoutes } from './spa.js';
import type { AppEnv } from './types.js';
import { homeRoutes } from '../home/index.js';
import { skillRoutes, SKILL_IMPORT_PATH } from '../skills/index.js';
import { skillPageRoutes } from '../skills/index.js';
import { landingRoutes } from '../landing/index.js';
import { publicCredentialRoutes } from '../public/index.js';
import { verifyRoutes } from '../verify/index.js';
import { walletRoutes } from '../wallet/index.js';
import { careerRoutes } from '../careers/index.js';
import { recommendationRoutes } from '../recommendations/index.js';
import { talentRoutes } from '../talent/index.js';
import { BULK_UPLOAD_PATH, bulkAwardRoutes } from '../bulk-awards/index.js';
import { awardRoutes } from '../awards/index.js';
import { apiTokenRoutes } from '../api-tokens/index.js';
import { pathwayRoutes } from '../pathways/index.js';
import { recognitionPageRoutes, recognitionRoutes } from '../recognition/index.js';

function clientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}

/** The site-wide Content-Security-Policy, for every response that does not bring its own. */
const GLOBAL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const FETCH_DIRECTIVES = new Set([
  'child-src',
  'connect-src',
  'font-src',
  'frame-src',
  'img-src',
  'manifest-src',
  'media-src',
  'object-src',
  'script-src',
  'script-src-elem',
  'script-src-attr',
  'style-src',
  'style-src-elem',
  'style-src-attr',
  'worker-src',
]);

/**
 * A route's own policy (always narrower: `default-src 'none'`, often `sandbox`) kept whole, plus the site-wide
 * directives it does not cover: a fetch directive falls back to the route's `default-src`, so only directives
 * such as `frame-ancestors`, `base-uri` and `form-action` are added. The stricter policy is never overwritten.
 */
export function mergeCsp(own: string, global: string): string {
  const directives = own
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  const names = new Set(directives.map((d) => d.split(/\s+/)[0]?.toLowerCase()));
  for (const d of global
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const name = d.split(/\s+/)[0]?.toLowerCase() ?? '';
    if (names.has(name) || (FETCH_DIRECTIVES.has(name) && names.has('default-src'))) continue;
    directives.push(d);
  }
  return directives.join('; ');
}

/** Build the Hono application: middleware, API routes, OpenAPI document, docs, public routes and the SPA. */
export function createApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === 'json' ? '' : result.target;
        throw new AppError('validation_failed', 'Some fields are not valid', { errors: zodFieldErrors(result.error, where) });
      }
    },
  });
  const httpsBase = deps.env.TESSERA_BASE_URL.startsWith('https:');

  app.use('*', requestId());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('ip', clientIp(c as unknown as Context, deps.env.TESSERA_TRUST_PROXY));
    const start = performance.now();
    await next();
    const ms = Math.round((performance.now() - start) * 10) / 10;
    deps.log.info(
      { reqId: c.var.requestId, method: c.req.method, path: redactPath(new URL(c.req.url).pathname), status: c.res.status, ms },
      'request',
    );
  });
  // Outermost after logging, so error pages and every route's HTML or JSON of 1 KB or more go out compressed.
  app.use('*', compressResponses);
  app.use(
    '*',
    secureHeaders({
      strictTransportSecurity: false,
      xFrameOptions: 'DENY',
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
    }),
  );
  // Not through secureHeaders, which would overwrite a route's own, stricter policy (files, media, badges: `sandbox`).
  app.use('*', async (c, next) => {
    await next();
    const own = c.res.headers.get('content-security-policy');
    c.res.headers.set('content-security-policy', own ? mergeCsp(own, GLOBAL_CSP) : GLOBAL_CSP);
  });
  // Malformed %-encoding or a NUL byte (which PostgreSQL cannot store) is the client's error: 400, never a 500 later.
  app.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      throw new AppError('bad_request', 'The URL has malformed percent-encoding');
    }
    if (path.includes('\0') || /%00|\0/i.test(url.search)) throw new AppError('bad_request', 'The URL contains a NUL byte');
    await next();
  });
  app.use('*', async (c, next) => {
    await next();
    const forwardedTls = deps.env.TESSERA_TRUST_PROXY && c.req.header('x-forwarded-proto') === 'https';
    if (httpsBase || forwardedTls) c.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError('payload_too_large', `The request body is larger than ${maxSize} bytes`);
      },
    });
  const jsonLimit = limit(LIMITS.jsonBodyBytes);
  const uploadLimit = limit(LIMITS.uploadBodyBytes);
  const verifyLimit = limit(LIMITS.verifyBodyBytes);
  const bulkCsvLimit = limit(LIMITS.bulkCsvBytes);
  app.use('/api/*', (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (c.req.method === 'POST' && BULK_UPLOAD_PATH.test(path)) return bulkCsvLimit(c, next);
    if (c.req.method === 'POST' && path === SKILL_IMPORT_PATH) return bulkCsvLimit(c, next);
    return path === '/api/v1/files'
      ? uploadLimit(c, next)
      : path === VERIFY_PATH || path === '/api/v1/me/wallet/imports'
        ? verifyLimit(c, next)
        : jsonLimit(c, next);
  });
  app.use('*', loadSession);
  app.use('/api/*', csrfProtection);
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
  });

  app.get('/healthz', async (c) => {
    try {
      await pingDatabase(deps.db);
      return c.json({ status: 'ok', database: deps.dbKind });
    } catch (err) {
      deps.log.error({ err }, 'health check failed');
      return c.json({ status: 'unavailable', database: deps.dbKind }, 503);
    }
  });

  const api = new OpenAPIHono<AppEnv>({ defaultHook: app.defaultHook });
  api.route('/', accountRoutes());
  api.route('/', orgRoutes());
  api.route('/', mailRoutes());
  api.route('/', fileRoutes());
  api.route('/', achievementRoutes());
  api.route('/', submissionRoutes());
  api.route('/', reviewRoutes());
  api.route('/', credentialRoutes());
  api.route('/', verifyRoutes());
  api.route('/', walletRoutes());
  api.route('/', careerRoutes());
  api.route('/', recommendationRoutes());
  api.route('/', talentRoutes());
  api.route('/', bulkAwardRoutes());
  api.route('/', awardRoutes());
  api.route('/', apiTokenRoutes());
  api.route('/', homeRoutes());
  api.route('/', skillRoutes());
  api.route('/', pathwayRoutes());
  api.route('/', recognitionRoutes());
  app.route('/api/v1', api);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'tessera_session' });
  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Tessera API',
      version: '1.0.0',
      description:
        'Micro-credentials with Open Badges 3.0. Cookie-authenticated mutations need the x-csrf-token header from GET /auth/session.',
    },
    servers: [{ url: deps.env.TESSERA_BASE_URL }],
  });
  app.route('/', docsRoutes());
  app.route('/', publicKeyRoutes());
  app.route('/', statusListRoutes());
  app.route('/', publicCredentialRoutes());
  app.route('/', skillPageRoutes());
  app.route('/', achievementMediaRoutes());
  app.route('/', recognitionPageRoutes());
  app.route('/', landingRoutes());
  app.route('/', spaRoutes(deps.env.TESSERA_WEB_DIST ?? DEFAULT_WEB_DIST));

  // Browsers get an HTML page, API clients problem+json: negotiated in one place, http/problem.ts.
  app.notFound((c) => errorResponse(c, new AppError('not_found', `Nothing at ${new URL(c.req.url).pathname}`)));
  app.onError((err, c) => {
    if (!(err instanceof AppError) || err.status >= 500) deps.log.error({ err, reqId: c.var.requestId }, 'request failed');
    return errorResponse(c, err);
  });
  return app;
}

/** The application type. */
export type App = ReturnType<typeof createApp>;
