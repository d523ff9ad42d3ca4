import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import type { FieldError } from '../shared/errors.js';
import type { ERROR_CODES } from '../shared/errors.js';
import { AppError } from '../shared/errors.js';
import { renderErrorPage } from './error-page.js';
import type { AppEnv } from './types.js';

const TITLES: Partial<Record<keyof typeof ERROR_CODES, string>> = {
  validation_failed: 'The request is not valid',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  rate_limited: 'Too many requests',
  internal: 'Something went wrong',
};

/** Field errors from zod issues, with dotted paths (e.g. `address.postalCode`). */
export function zodFieldErrors(error: ZodError, prefix = ''): FieldError[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: i.message,
  }));
}

/** PostgreSQL's "invalid byte sequence" (22021) or "unsupported Unicode escape" (22P05), thrown directly or as a Drizzle error's cause. */
function isUnstorableText(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === '22021' || code === '22P05') return true;
  }
  return false;
}

/** Any thrown value as a typed AppError (unknown errors become `internal`, with no detail leaked). */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return new AppError('validation_failed', 'Some fields are not valid', { errors: zodFieldErrors(err) });
  if (err instanceof URIError) return new AppError('bad_request', 'The request has malformed percent-encoding');
  if (isUnstorableText(err)) return new AppError('bad_request', 'The request contains text the database cannot store (such as a NUL byte)');
  if (err instanceof HTTPException) {
    const code =
      err.status === 413
        ? 'payload_too_large'
        : err.status === 415
          ? 'unsupported_media_type'
          : err.status === 404
            ? 'not_found'
            : 'bad_request';
    return new AppError(code, err.message || 'Bad request');
  }
  return new AppError('internal', 'An unexpected error occurred. It has been logged with the request id.');
}

/** The RFC 9457 problem+json response for an error (API clients; browsers get `errorResponse`'s HTML page). */
export function problemResponse(err: unknown, opts: { requestId?: string | undefined; instance?: string | undefined }): Response {
  const appErr = toAppError(err);
  const status = appErr.status;
  const body = {
    type: `https://tessera.dev/problems/${appErr.code.replace(/_/g, '-')}`,
    title: TITLES[appErr.code] ?? appErr.code.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()),
    status,
    code: appErr.code,
    detail: appErr.message,
    ...(opts.instance ? { instance: opts.instance } : {}),
    ...(opts.requestId ? { requestId: opts.requestId } : {}),
    ...(appErr.errors ? { errors: appErr.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      ...(opts.requestId ? { 'x-request-id': opts.requestId } : {}),
      ...(appErr.headers ?? {}),
    },
  });
}

/** Paths whose callers are programs (REST and OB APIs, DID documents, status lists, JSON and JWT downloads). */
const MACHINE_PATH = /^\/(?:api|ims|\.well-known)(?:\/|$)|^\/orgs\/[^/]+\/status(?:\/|$)|^\/healthz$|\.(?:json|jsonld|jwt)$/i;
const JSON_MEDIA = /^application\/(?:json|[\w.+-]+\+json)$/;
const HTML_MEDIA = new Set(['text/html', 'application/xhtml+xml']);

/**
 * Whether the client asks for HTML ahead of JSON by its Accept header: HTML must be named (browsers' page loads say
 * `text/html`), and win on quality, or on order among equals. Wildcards count for neither, so scripts, curl and
 * image or script loads (no Accept, or `*` types only) get problem+json.
 */
export function acceptPrefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const best = { json: { q: 0, at: Infinity }, html: { q: 0, at: Infinity } };
  accept.split(',').forEach((part, at) => {
    const [rawType = '', ...params] = part.split(';');
    const type = rawType.trim().toLowerCase();
    const slot = JSON_MEDIA.test(type) ? 'json' : HTML_MEDIA.has(type) ? 'html' : null;
    if (!slot) return;
    const qParam = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0 || q < best[slot].q || (q === best[slot].q && at > best[slot].at)) return;
    best[slot] = { q, at };
  });
  const { html, json } = best;
  return html.q > 0 && (html.q > json.q || (html.q === json.q && html.at < json.at));
}

/** Whether a failed request gets problem+json (API paths, or an Accept not preferring HTML) rather than an HTML page. */
export function wantsProblemJson(path: string, accept: string | undefined): boolean {
  return MACHINE_PATH.test(path) || !acceptPrefersHtml(accept);
}

/**
 * The one place where a failed request becomes a response, negotiated: problem+json for API clients, a plain-language
 * HTML page (same status, request id shown) for browsers. Used by `app.notFound`, `app.onError` and any route that
 * answers an error itself.
 */
export function errorResponse(c: Context<AppEnv>, err: unknown): Response {
  const path = new URL(c.req.url).pathname;
  const requestId = c.var.requestId;
  if (wantsProblemJson(path, c.req.header('accept'))) {
    const res = problemResponse(err, { requestId, instance: path });
    res.headers.set('vary', 'accept');
    return res;
  }
  const appErr = toAppError(err);
  const body = renderErrorPage({ status: appErr.status, code: appErr.code, detail: appErr.message, path, requestId });
  return new Response(c.req.method === 'HEAD' ? null : body, {
    status: appErr.status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      vary: 'accept',
      ...(requestId ? { 'x-request-id': requestId } : {}),
      ...(appErr.headers ?? {}),
    },
  });
}
