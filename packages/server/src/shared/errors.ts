/** Every request-stopping error code Tessera returns, with its HTTP status. */
export const ERROR_CODES = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  invitation_email_mismatch: 403,
  not_found: 404,
  conflict: 409,
  slug_taken: 409,
  email_taken: 409,
  last_owner: 409,
  already_member: 409,
  invitation_not_pending: 409,
  token_invalid: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** One field-level problem, with a dotted path into the request. */
export interface FieldError {
  path: string;
  message: string;
}

/** A typed, request-stopping error; mapped to problem+json in http/problem.ts only. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  constructor(code: ErrorCode, detail: string, opts: { errors?: FieldError[]; headers?: Record<string, string> } = {}) {
    super(detail);
    this.name = 'AppError';
    this.code = code;
    this.errors = opts.errors;
    this.headers = opts.headers;
  }
  /** HTTP status for this error. */
  get status(): number {
    return ERROR_CODES[this.code];
  }
}
