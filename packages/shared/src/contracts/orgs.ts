import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { DisplayName, Email, HttpUrl, Timestamp } from './common.js';
import { Role } from './accounts.js';

/** An organisation slug: lowercase letters, digits and single dashes. */
export const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, { message: 'Use at least 2 characters' })
  .max(LIMITS.slugMaxLength)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Use lowercase letters, digits and dashes' });

/** A postal address (OB 3.0 Address). */
export const Address = z.object({
  streetAddress: z.string().trim().max(200).optional(),
  addressLocality: z.string().trim().max(120).optional(),
  addressRegion: z.string().trim().max(120).optional(),
  postalCode: z.string().trim().max(40).optional(),
  addressCountry: z.string().trim().max(120).optional(),
});

/** A brand colour as #rrggbb. */
export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'Use a colour like #1f6feb' });

/** Editable profile fields of an organisation (OB 3.0 Profile). */
export const OrgProfileFields = z.object({
  name: DisplayName,
  url: HttpUrl.nullable().optional(),
  email: Email.nullable().optional(),
  description: z.string().trim().max(4000).nullable().optional(),
  image: HttpUrl.nullable().optional(),
  address: Address.nullable().optional(),
  brandColor: HexColor.optional(),
  /** Days within which a submission should be reviewed (service level). */
  reviewSlaDays: z.number().int().min(1).max(365).optional(),
  /** Share of submissions scored independently by a second assessor, in percent. */
  doubleScorePercent: z.number().int().min(0).max(100).optional(),
  /** Hide learners' identities from assessors. */
  blindReviews: z.boolean().optional(),
  /**
   * Credentials issued from now on carry a second status entry, for suspension. OB 3.0 (and its JSON
   * Schema) allows one credentialStatus, so such credentials fail 1EdTech's schema check: off by default.
   */
  suspensionEnabled: z.boolean().optional(),
});

/** Create-organisation request. */
export const CreateOrgInput = OrgProfileFields.extend({ slug: Slug });
/** Update-organisation request. */
export const UpdateOrgInput = OrgProfileFields.partial();

/** An organisation as the API returns it. */
export const Org = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  url: z.string().nullable(),
  email: z.string().nullable(),
  description: z.string().nullable(),
  image: z.string().nullable(),
  address: Address.nullable(),
  brandColor: z.string(),
  reviewSlaDays: z.number().int(),
  doubleScorePercent: z.number().int(),
  blindReviews: z.boolean(),
  suspensionEnabled: z.boolean(),
  /** The web domain the organisation has proven it controls; null while unverified. */
  verifiedDomain: z.string().nullable(),
  did: z.string(),
  createdAt: Timestamp,
});
/** An organisation. */
export type Org = z.infer<typeof Org>;

/** An organisation with the caller's role in it. */
export const OrgWithRole = Org.extend({ role: Role });

/** A member of an organisation. */
export const Member = z.object({
  accountId: z.string(),
  name: z.string(),
  email: z.string(),
  role: Role,
  joinedAt: Timestamp,
});
/** A member of an organisation. */
export type Member = z.infer<typeof Member>;

/** Change-role request. */
export const ChangeRoleInput = z.object({ role: Role });

/** Invitation request. */
export const InviteInput = z.object({ email: Email, role: Role });

/** A pending or settled invitation. */
export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: Role,
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  invitedBy: z.string(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
});
/** An invitation. */
export type Invitation = z.infer<typeof Invitation>;

/** What an invitee sees before accepting. */
export const InvitationPreview = z.object({
  orgName: z.string(),
  orgSlug: z.string(),
  email: z.string(),
  role: Role,
  status: Invitation.shape.status,
  expiresAt: Timestamp,
});

/** A signing key's public view. */
export const SigningKey = z.object({
  id: z.string(),
  /** Ed25519 signs Data Integrity proofs and status lists; P-256 signs the ES256 VC-JWT form. */
  algorithm: z.enum(['Ed25519', 'P-256']),
  verificationMethod: z.string(),
  publicKeyMultibase: z.string(),
  createdAt: Timestamp,
  retiredAt: Timestamp.nullable(),
  current: z.boolean(),
});
/** A signing key's public view. */
export type SigningKey = z.infer<typeof SigningKey>;

/** One audit log entry. */
export const AuditEvent = z.object({
  id: z.string(),
  at: Timestamp,
  action: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
/** One audit log entry. */
export type AuditEvent = z.infer<typeof AuditEvent>;

/** A page of audit events. */
export const AuditPage = z.object({ items: z.array(AuditEvent), nextCursor: z.string().nullable() });

/** A message in the development outbox. */
export const OutboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: Timestamp,
  transport: z.enum(['outbox', 'smtp']),
});
/** A message in the development outbox. */
export type OutboxMessage = z.infer<typeof OutboxMessage>;

/** A web domain name (lowercase, at least two labels, no scheme, port or path). */
export const DomainName = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, {
    message: 'Enter a domain like riverside.example (no https://, no path)',
  });

/** How an organisation's domain was proven. */
export const DomainVerificationMethod = z.enum(['dns', 'file', 'admin']);

/** An organisation's issuer verification: the proven domain, and a claim waiting for its proof (owners only). */
export const DomainVerification = z.object({
  verifiedDomain: z.string().nullable(),
  verifiedAt: Timestamp.nullable(),
  method: DomainVerificationMethod.nullable(),
  /** A domain claimed and not yet proven, with where and what to publish. */
  pending: z
    .object({
      domain: z.string(),
      token: z.string(),
      dnsName: z.string(),
      fileUrl: z.string(),
    })
    .nullable(),
});
/** An organisation's issuer verification. */
export type DomainVerification = z.infer<typeof DomainVerification>;
/** The answer of a domain check: whether the domain is now verified, why not, and the verification state. */
export const DomainCheckResponse = z.object({ verified: z.boolean(), reason: z.string().nullable(), verification: DomainVerification });

/** Claim a domain: a token is issued to publish in DNS or under /.well-known/. */
export const DomainClaimInput = z.object({ domain: DomainName });

/** Check a claimed domain by one proof. */
export const DomainCheckInput = z.object({ method: z.enum(['dns', 'file']) });

/** A platform admin verifies an organisation's domain directly (audited), with a note of how it was checked. */
export const AdminVerifyDomainInput = z.object({
  domain: DomainName,
  note: z.string().trim().min(1, { message: 'Say how you checked it' }).max(500),
});

/** An issuer as platform admins see it: verification, and the verified issuers its name resembles. */
export const AdminIssuer = z.object({
  slug: z.string(),
  name: z.string(),
  url: z.string().nullable(),
  verifiedDomain: z.string().nullable(),
  method: DomainVerificationMethod.nullable(),
  pendingDomain: z.string().nullable(),
  createdAt: Timestamp,
  /** Verified issuers whose names are confusingly close to this one's. */
  resembles: z.array(z.object({ slug: z.string(), name: z.string(), verifiedDomain: z.string(), reason: z.string() })),
});
/** An issuer as platform admins see it. */
export type AdminIssuer = z.infer<typeof AdminIssuer>;

/** A background job of an organisation that failed for good (owners may retry it). */
export const FailedJob = z.object({
  id: z.string(),
  type: z.string(),
  /** What the job was doing, in plain words. */
  description: z.string(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: Timestamp,
  failedAt: Timestamp.nullable(),
});
/** A failed job. */
export type FailedJob = z.infer<typeof FailedJob>;
