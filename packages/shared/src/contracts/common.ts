import { z } from 'zod';
import { LIMITS } from '../limits.js';

/** An email address, trimmed and lower-cased. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }));

/** A password within the platform limits. */
export const Password = z
  .string()
  .min(LIMITS.passwordMinLength, { message: `Use at least ${LIMITS.passwordMinLength} characters` })
  .max(LIMITS.passwordMaxLength);

/** A person's display name. */
export const DisplayName = z.string().trim().min(1, { message: 'Enter a name' }).max(LIMITS.nameMaxLength);

/** Characters an IRI may hold (RFC 3987: unreserved incl. ucschar, reserved, `%`); everything else is refused. */
const IRI_CHARS = /[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF\u{10000}-\u{EFFFD}]/u;
/** Bidirectional formatting characters: allowed by the grammar, but they disguise what a link says (RFC 3987 §4.1). */
const BIDI_CHARS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** How a refused character is named in a message: printable ones quoted, others by code point. */
function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code > 0x20 && code !== 0x7f && !(code >= 0x80 && code <= 0x9f) && !BIDI_CHARS.test(ch)
    ? `the character “${ch}”`
    : `an invisible character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * Why `value` is not an absolute http(s) IRI that JSON-LD processors accept as it is, or null when it is one.
 * The WHATWG URL parser alone is not enough: it silently percent-encodes `"`, `<`, `{`, `|`, spaces and the
 * like, so the raw string would be stored and later refused when a credential is signed or verified.
 */
export function httpUrlProblem(value: string): string | null {
  if (!/^https?:\/\/[^/?#]/i.test(value)) return 'Enter a URL starting with http:// or https://';
  if (/\s/u.test(value)) return 'Remove the spaces from the URL (write a space inside it as %20)';
  const bad = IRI_CHARS.exec(value) ?? BIDI_CHARS.exec(value);
  if (bad)
    return `The URL contains ${describeChar(bad[0])}, which a web address cannot hold; remove it or percent-encode it (for example " as %22)`;
  if (/%(?![0-9A-Fa-f]{2})/.test(value)) return 'A % in a URL must be followed by two hexadecimal digits (for example %20)';
  if (!URL.canParse(value)) return 'Enter a valid URL starting with http:// or https://';
  if (/[[\]]/.test(value.replace(/^https?:\/\/[^/?#]*/i, '')))
    return 'Square brackets are allowed only around an IP address; percent-encode them elsewhere (%5B, %5D)';
  if (value.indexOf('#') !== value.lastIndexOf('#')) return 'A URL can contain only one #; percent-encode the others as %23';
  return null;
}

/**
 * An absolute http(s) URL that is also a valid IRI (RFC 3987): trimmed, at most `LIMITS.urlMaxLength`
 * characters, parsed by `new URL`, with no whitespace, none of " < > \ ^ ` { | } and no control characters,
 * and only well-formed percent-escapes. Use it for every field that can end up as an IRI in a signed credential.
 */
export const HttpUrl = z
  .string()
  .trim()
  .max(LIMITS.urlMaxLength, { message: `Use at most ${LIMITS.urlMaxLength} characters` })
  .superRefine((v, ctx) => {
    const problem = httpUrlProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** An ISO 8601 timestamp as returned by the API. */
export const Timestamp = z.string();

/** RFC 9457 problem details as the API returns them. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
/** Problem details type. */
export type Problem = z.infer<typeof Problem>;

/** Cursor pagination query. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
