import { z } from 'zod';

/** How notices reach someone by email: at once, in one daily digest, or not at all. */
export const EmailNoticeMode = z.enum(['immediate', 'digest', 'off']);
/** An email notice mode. */
export type EmailNoticeMode = z.infer<typeof EmailNoticeMode>;

/** One organisation's notice preferences of the signed-in member (assessors and owners get notices of new submissions). */
export const NotificationPreference = z.object({
  orgSlug: z.string(),
  orgName: z.string(),
  inApp: z.boolean(),
  email: EmailNoticeMode,
});
/** A notice preference. */
export type NotificationPreference = z.infer<typeof NotificationPreference>;

/** Every organisation's preferences, and whether email can be sent at all (the address must be confirmed). */
export const NotificationPreferences = z.object({ emailVerified: z.boolean(), orgs: z.array(NotificationPreference) });
/** Notice preferences. */
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** Change one organisation's preferences. */
export const NotificationPreferenceInput = z
  .object({ inApp: z.boolean().optional(), email: EmailNoticeMode.optional() })
  .refine((v) => v.inApp !== undefined || v.email !== undefined, { message: 'Change at least one setting' });
