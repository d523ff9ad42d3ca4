import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { resolveSession } from '../accounts/index.js';
import type { SessionRow } from '../accounts/index.js';
import { AppError } from '../shared/errors.js';
import type { AppEnv, AuthState } from './types.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'tessera_session';

/** The token of an `Authorization: Bearer …` header (an organisation API token), or null. */
export function bearerToken(c: Context<AppEnv>): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return m?.[1] ?? null;
}

/**
 * Load the session from the cookie (if any) into `c.var.auth`. A bearer call is never also a cookie session:
 * it authenticates only as its API token (routes that accept tokens check it), so the cookie CSRF rule does not
 * apply to it and a cookie sent alongside grants nothing.
 */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (bearerToken(c) !== null) {
    c.set('auth', null);
    return next();
  }
  const token = getCookie(c, SESSION_COOKIE);
  c.set('auth', token ? await resolveSession(c.var.deps, { token }) : null);
  await next();
};

/** The signed-in caller, or a 401. */
export function requireAuth(c: Context<AppEnv>): AuthState {
  const auth = c.var.auth;
  if (!auth) throw new AppError('unauthenticated', 'Sign in to continue');
  return auth;
}

/** Set the httpOnly, SameSite session cookie. */
export function setSessionCookie(c: Context<AppEnv>, token: string, session: SessionRow): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.env.TESSERA_BASE_URL.startsWith('https:'),
    path: '/',
    expires: session.expiresAt,
  });
}

/** Clear the session cookie. */
export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated mutations: a session-bound token in `x-csrf-token`.
 * Unauthenticated mutations (sign-in, sign-up) must come from our own origin when the browser says where from.
 */
/** The public verification endpoint, open to cross-site callers. */
export const VERIFY_PATH = '/api/v1/verify';

export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE.has(c.req.method)) return next();
  // Verifying a credential changes nothing and reads nothing of the caller's: any site or tool may call it.
  if (new URL(c.req.url).pathname === VERIFY_PATH) return next();
  const auth = c.var.auth;
  if (auth) {
    if (c.req.header('x-csrf-token') !== auth.session.csrfToken) {
      throw new AppError('csrf_failed', 'Missing or wrong x-csrf-token header; reload the page and try again');
    }
  } else {
    const origin = c.req.header('origin');
    const own = new URL(c.var.deps.env.TESSERA_BASE_URL).origin;
    const requestOrigin = new URL(c.req.url).origin;
    if (origin && origin !== 'null' && origin !== own && origin !== requestOrigin) {
      throw new AppError('csrf_failed', 'Cross-site request refused');
    }
  }
  return next();
};
