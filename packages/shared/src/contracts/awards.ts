import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { DisplayName, Email, HttpUrl, PageQuery, Timestamp } from './common.js';

/** Where an award came from. */
export const AWARD_SOURCES = ['assessment', 'direct', 'bulk', 'api', 'pathway'] as const;
/** An award's source. */
export const AwardSource = z.enum(AWARD_SOURCES);
/** An award's source. */
export type AwardSource = z.infer<typeof AwardSource>;

/** Roles an owner may allow to award directly (owners always may). */
export const AwardRole = z.enum(['designer', 'assessor', 'viewer']);

/** Most recipients in one direct-award request. */
export const MAX_AWARD_RECIPIENTS = 100;

/** A calendar day, YYYY-MM-DD. */
export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use a date like 2026-05-31' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    message: 'Not a calendar date',
  });

/** A recipient: an email (with the name to greet them by), or an account (a member or past learner). */
export const AwardRecipientInput = z.union([
  z.object({ email: Email, name: DisplayName }).strict(),
  z.object({ accountId: z.string().trim().min(1).max(64) }).strict(),
]);
/** A recipient. */
export type AwardRecipientInput = z.infer<typeof AwardRecipientInput>;

/** A criterion's level in an award's results. */
export const AwardResultInput = z.object({ criterionId: z.string().min(1).max(100), levelId: z.string().min(1).max(100) });

/** Award a published achievement directly to recipients (web, API). */
export const DirectAwardInput = z.object({
  achievementId: z.string().trim().min(1).max(64),
  recipients: z.array(AwardRecipientInput).min(1, { message: 'Add at least one recipient' }).max(MAX_AWARD_RECIPIENTS),
  narrative: z.string().trim().max(LIMITS.awardNarrativeMaxLength).optional(),
  evidenceUrl: HttpUrl.optional(),
  issuedOn: IsoDay.optional(),
  results: z.array(AwardResultInput).max(50).optional(),
  /** Validate and preview; nothing is written. */
  dryRun: z.boolean().optional(),
});
/** A direct award request. */
export type DirectAwardInput = z.infer<typeof DirectAwardInput>;

/** An award as the API shows it. */
export const AwardView = z.object({
  id: z.string(),
  achievementId: z.string(),
  achievementName: z.string(),
  version: z.number().int(),
  recipientName: z.string(),
  /** The address the award was sent to (null when it was made to an account). */
  recipientEmail: z.string().nullable(),
  recipientAccountId: z.string().nullable(),
  source: AwardSource,
  sourceRef: z.string().nullable(),
  narrative: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  issuedOn: z.string().nullable(),
  createdAt: Timestamp,
  claimed: z.boolean(),
  claimedAt: Timestamp.nullable(),
  credentialId: z.string().nullable(),
  credentialPageUrl: z.string().nullable(),
});
/** An award. */
export type AwardView = z.infer<typeof AwardView>;

/** What a direct award returns: one entry per recipient, in request order. */
export const DirectAwardResult = z.object({
  items: z.array(z.object({ award: AwardView, credentialId: z.string().nullable(), created: z.boolean() })),
});
/** A direct award result. */
export type DirectAwardResult = z.infer<typeof DirectAwardResult>;

/** A dry run: each recipient checked, and the credential a recipient would get (unsigned). */
export const DirectAwardPreview = z.object({
  dryRun: z.literal(true),
  achievement: z.object({ id: z.string(), name: z.string(), version: z.number().int() }),
  items: z.array(
    z.object({
      index: z.number().int(),
      recipientName: z.string(),
      recipientEmail: z.string().nullable(),
      ok: z.boolean(),
      errors: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  ),
  credentialPreview: z.record(z.string(), z.unknown()).nullable(),
});
/** A direct award preview. */
export type DirectAwardPreview = z.infer<typeof DirectAwardPreview>;

/** Filters and cursor of an organisation's award or credential list. */
export const AwardListQuery = PageQuery.extend({
  achievementId: z.string().max(64).optional(),
  source: AwardSource.optional(),
  email: Email.optional(),
  issuedAfter: z.iso.datetime({ offset: true }).optional(),
  issuedBefore: z.iso.datetime({ offset: true }).optional(),
});

/** One page of awards. */
export const AwardPage = z.object({ items: z.array(AwardView), nextCursor: z.string().nullable() });
/** One page of awards. */
export type AwardPage = z.infer<typeof AwardPage>;

/** Someone who may be picked as a recipient (a member or a past learner); the email only as a hint. */
export const AwardCandidate = z.object({ accountId: z.string(), name: z.string(), emailHint: z.string() });
/** A recipient candidate. */
export type AwardCandidate = z.infer<typeof AwardCandidate>;

/** Who besides owners may award directly. */
export const AwardSettings = z.object({ awardRoles: z.array(AwardRole).max(3) });
/** Award settings. */
export type AwardSettings = z.infer<typeof AwardSettings>;

/** What a claim link shows before the person signs in. */
export const ClaimPreview = z.object({
  state: z.enum(['claimable', 'claimed', 'expired']),
  achievementName: z.string(),
  issuerName: z.string(),
  recipientName: z.string(),
  /** The address the award was sent to: sign up or sign in with it, verified. */
  email: z.string(),
  expiresAt: Timestamp.nullable(),
});
/** A claim preview. */
export type ClaimPreview = z.infer<typeof ClaimPreview>;

/** A claimed award. */
export const ClaimResult = z.object({ awardId: z.string(), credentialId: z.string().nullable() });
/** A claimed award. */
export type ClaimResult = z.infer<typeof ClaimResult>;

/** What an organisation API token may do. */
export const API_TOKEN_SCOPES = ['awards:write', 'credentials:read'] as const;
/** An API token scope. */
export const ApiTokenScope = z.enum(API_TOKEN_SCOPES);
/** An API token scope. */
export type ApiTokenScope = z.infer<typeof ApiTokenScope>;

/** Create an API token. */
export const ApiTokenInput = z.object({
  name: z.string().trim().min(1, { message: 'Name the token' }).max(100),
  scopes: z.array(ApiTokenScope).min(1, { message: 'Choose at least one scope' }).max(API_TOKEN_SCOPES.length),
});

/** An API token as listed (never the token itself). */
export const ApiTokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(ApiTokenScope),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
/** An API token. */
export type ApiTokenView = z.infer<typeof ApiTokenView>;

/** A new token: the secret is shown this once. */
export const ApiTokenCreated = ApiTokenView.extend({ token: z.string() });
/** A new API token. */
export type ApiTokenCreated = z.infer<typeof ApiTokenCreated>;
