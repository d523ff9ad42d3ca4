import { z } from 'zod';
import { DisplayName, Email, Password, Timestamp } from './common.js';

/** The roles a member can hold in an organisation, most powerful first. */
export const ROLES = ['owner', 'designer', 'assessor', 'viewer'] as const;
/** A membership role. */
export const Role = z.enum(ROLES);
/** A membership role. */
export type Role = z.infer<typeof Role>;

/** A DID the learner controls (did:key, did:web, …), by the DID Core ABNF: it becomes the subject's IRI in credentials. */
export const Did = z
  .string()
  .trim()
  .max(2048)
  .regex(/^did:[a-z0-9]+:(?:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*:)*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+$/, {
    message: 'Enter a DID such as did:key:z6Mk…',
  });

/** Sign-up request. */
export const SignUpInput = z.object({ email: Email, name: DisplayName, password: Password });
/** The answer to every sign-up, whether or not the address already had an account: check your email, then sign in. */
export const SignUpAccepted = z.object({ status: z.literal('check_email'), email: z.string() });
/** The answer to every sign-up. */
export type SignUpAccepted = z.infer<typeof SignUpAccepted>;
/** Email verification with the token from the emailed link. */
export const VerifyEmailInput = z.object({ token: z.string().min(10).max(200) });
/** Whether a new verification email was sent (false when the address is already verified). */
export const VerificationEmailSent = z.object({ sent: z.boolean() });
/** Whether a new verification email was sent. */
export type VerificationEmailSent = z.infer<typeof VerificationEmailSent>;
/** Sign-in request. */
export const SignInInput = z.object({ email: Email, password: z.string().min(1, { message: 'Enter your password' }).max(256) });
/** Password-reset request. */
export const PasswordResetRequestInput = z.object({ email: Email });
/** Password-reset confirmation. */
export const PasswordResetConfirmInput = z.object({ token: z.string().min(10).max(200), password: Password });
/** Account settings update. */
export const UpdateAccountInput = z.object({
  name: DisplayName.optional(),
  did: Did.nullable().optional(),
  showNameOnCredentials: z.boolean().optional(),
});
/** Password change for a signed-in account. */
export const ChangePasswordInput = z.object({ currentPassword: z.string().min(1).max(256), newPassword: Password });

/** An account as its owner sees it. */
export const Account = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  did: z.string().nullable(),
  showNameOnCredentials: z.boolean(),
  isPlatformAdmin: z.boolean(),
  /** Whether the owner confirmed the address; credentials and notifications are emailed only to verified addresses. */
  emailVerified: z.boolean(),
  createdAt: Timestamp,
});
/** An account as its owner sees it. */
export type Account = z.infer<typeof Account>;

/** A membership summary in the session. */
export const MembershipSummary = z.object({
  org: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  role: Role,
});

/** The current session: who is signed in, their organisations and the CSRF token for mutations. */
export const Session = z.object({
  account: Account,
  memberships: z.array(MembershipSummary),
  csrfToken: z.string(),
  expiresAt: Timestamp,
});
/** The current session. */
export type Session = z.infer<typeof Session>;
