/** A small client for the Tessera JSON API: cookie session, CSRF header, problem+json errors. */
import type { Problem } from './types';

/** Base path of the JSON API. */
export const API_BASE = '/api/v1';

/** An API failure carrying the server's RFC 9457 problem details. */
export class ApiError extends Error {
  /** The problem details (synthesised for network failures and non-JSON answers). */
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  /** HTTP status (0 for a network failure). */
  get status(): number {
    return this.problem.status;
  }

  /** Stable error code from the server. */
  get code(): string {
    return this.problem.code;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remember the session's CSRF token; every mutation sends it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Register what to do when the server says the session is gone (401 on an authenticated call). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'number' && typeof v.title === 'string' && typeof v.code === 'string';
}

/** Options of one API call. */
export interface ApiOptions {
  /** JSON body (sent with content-type: application/json). */
  body?: unknown;
  /** Abort signal, e.g. from an effect clean-up. */
  signal?: AbortSignal;
  /** Do not treat a 401 as "session expired" (sign-in, session probe). */
  allowAnonymous?: boolean;
}

/** Call the API; resolves with the parsed JSON body (undefined for 204) or throws an ApiError. */
export async function api(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, options: ApiOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      code: 'network_error',
      detail: 'Could not reach the server. Check your connection and try again.',
    });
  }
  if (res.status === 204) return undefined;
  const text = await res.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!res.ok) {
    const problem: Problem = isProblem(body)
      ? body
      : {
          type: 'about:blank',
          title: res.statusText || 'Request failed',
          status: res.status,
          code: 'http_error',
          detail: `The server answered ${res.status}.`,
        };
    if (res.status === 401 && !options.allowAnonymous && onUnauthenticated) onUnauthenticated();
    throw new ApiError(problem);
  }
  return body;
}

/** A readable message for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.problem.detail ?? err.problem.title;
  if (err instanceof Error) return err.message;
  return 'Something went wrong';
}

/** POST a non-JSON body (multipart form, file bytes or text); resolves with the JSON answer or throws an ApiError. */
async function postBody(path: string, body: BodyInit, contentType: string | null, failure: string): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (contentType) headers['content-type'] = contentType;
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, { method: 'POST', headers, credentials: 'same-origin', body });
  } catch {
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      code: 'network_error',
      detail: 'Could not reach the server. Check your connection and try again.',
    });
  }
  const json: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    throw new ApiError(
      isProblem(json)
        ? json
        : { type: 'about:blank', title: failure, status: res.status, code: 'http_error', detail: `The server answered ${res.status}.` },
    );
  }
  return json;
}

/** Upload a file (multipart) for evidence or a micro-credential image; resolves with the stored file's details. */
export async function uploadFile(file: File, purpose: 'evidence' | 'image'): Promise<unknown> {
  const form = new FormData();
  form.set('file', file);
  form.set('purpose', purpose);
  return postBody('/files', form, null, 'Upload failed');
}

/** POST a raw body (a file's bytes or pasted text) with its own content type; resolves with the JSON answer. */
export async function postRaw(path: string, body: Uint8Array | string, contentType: string): Promise<unknown> {
  return postBody(path, typeof body === 'string' ? body : new Blob([body as BlobPart]), contentType, 'Request failed');
}
