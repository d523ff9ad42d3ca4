import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import type { FieldError } from '../shared/errors.js';
import type { ERROR_CODES } from '../shared/errors.js';
import { AppError } from '../shared/errors.js';

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

/** The one place where errors become RFC 9457 problem+json responses. */
export function problemResponse(err: unknown, opts: { requestId?: string | undefined; instance?: string | undefined }): Response {
  let appErr: AppError;
  if (err instanceof AppError) appErr = err;
  else if (err instanceof ZodError) appErr = new AppError('validation_failed', 'Some fields are not valid', { errors: zodFieldErrors(err) });
  else if (err instanceof URIError) appErr = new AppError('bad_request', 'The request has malformed percent-encoding');
  else if (isUnstorableText(err)) appErr = new AppError('bad_request', 'The request contains text the database cannot store (such as a NUL byte)');
  else if (err instanceof HTTPException) {
    const code = err.status === 413 ? 'payload_too_large' : err.status === 415 ? 'unsupported_media_type' : err.status === 404 ? 'not_found' : 'bad_request';
    appErr = new AppError(code, err.message || 'Bad request');
  } else appErr = new AppError('internal', 'An unexpected error occurred. It has been logged with the request id.');
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
