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

/** An http(s) URL. */
export const HttpUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), { message: 'Enter a URL starting with http:// or https://' });

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
