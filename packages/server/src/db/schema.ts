import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A person: may be a learner and a member of organisations. */
export const accounts = pgTable('accounts', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  did: text('did'),
  showNameOnCredentials: boolean('show_name_on_credentials').notNull().default(true),
  isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
  /** When the owner proved control of the address (a verification link or a password reset); null until then. */
  emailVerifiedAt: ts('email_verified_at'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** Server-side sessions; the id is the sha256 of the cookie token. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/** Single-use password reset tokens (stored hashed). */
export const passwordResets = pgTable('password_resets', {
  id: text('id').primaryKey(),
  accountId: text('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});

/** Single-use email verification tokens (stored hashed). */
export const emailVerifications = pgTable('email_verifications', {
  id: text('id').primaryKey(),
  accountId: text('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

/** Fixed-window counters for rate limits shared by every process. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: ts('window_start').notNull(),
  count: integer('count').notNull(),
});

/** An issuing organisation (an OB 3.0 Profile). */
export const orgs = pgTable('orgs', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  url: text('url'),
  email: text('email'),
  description: text('description'),
  image: text('image'),
  address: jsonb('address').$type<Record<string, string>>(),
  brandColor: text('brand_color').notNull().default('#1f5fbf'),
  reviewSlaDays: integer('review_sla_days').notNull().default(14),
  doubleScorePercent: integer('double_score_percent').notNull().default(10),
  blindReviews: boolean('blind_reviews').notNull().default(true),
  /** Credentials issued from now on also carry a suspension status entry (see README: credentialStatus). */
  suspensionEnabled: boolean('suspension_enabled').notNull().default(false),
  /** Keys the blind-review labels (HMAC); sealed with the master key, made on first use, never shown. */
  reviewLabelSecret: text('review_label_secret'),
  /** The web domain this organisation has proven it controls (DNS TXT, /.well-known file, or a platform admin). */
  verifiedDomain: text('verified_domain'),
  domainVerifiedAt: ts('domain_verified_at'),
  domainVerificationMethod: text('domain_verification_method', { enum: ['dns', 'file', 'admin'] }),
  /** A domain claim waiting for its proof, and the token the proof must carry. */
  pendingDomain: text('pending_domain'),
  domainToken: text('domain_token'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** An account's role in an organisation. */
export const memberships = pgTable(
  'memberships',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'designer', 'assessor', 'viewer'] }).notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.accountId] }), index('memberships_account_idx').on(t.accountId)],
);

/** An emailed invitation to join an organisation (token stored hashed). */
export const invitations = pgTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: ['owner', 'designer', 'assessor', 'viewer'] }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by')
      .notNull()
      .references(() => accounts.id),
    status: text('status', { enum: ['pending', 'accepted', 'revoked'] }).notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    acceptedBy: text('accepted_by').references(() => accounts.id),
    acceptedAt: ts('accepted_at'),
  },
  (t) => [index('invitations_org_idx').on(t.orgId)],
);

/**
 * Signing keys; private keys are AES-256-GCM encrypted with the master key. org_id null = platform key. An
 * organisation has one current key per algorithm: Ed25519 signs Data Integrity proofs and status lists, P-256
 * signs the ES256 VC-JWT form (the JWT form 1EdTech's validator accepts).
 */
export const signingKeys = pgTable(
  'signing_keys',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').references(() => orgs.id, { onDelete: 'cascade' }),
    algorithm: text('algorithm', { enum: ['Ed25519', 'P-256'] }).notNull(),
    publicKeyMultibase: text('public_key_multibase').notNull(),
    encryptedPrivateKey: text('encrypted_private_key').notNull(),
    /** The id of the master key that sealed `encrypted_private_key` (null: sealed before master keys had ids). */
    masterKeyId: text('master_key_id'),
    createdAt: ts('created_at').notNull(),
    retiredAt: ts('retired_at'),
  },
  (t) => [
    index('signing_keys_org_idx').on(t.orgId),
    uniqueIndex('signing_keys_one_current_per_org').on(t.orgId, t.algorithm).where(sql`retired_at is null and org_id is not null`),
    uniqueIndex('signing_keys_one_current_platform').on(sql`(org_id is null)`).where(sql`retired_at is null and org_id is null`),
  ],
);

/** Security-relevant actions, append-only. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').references(() => orgs.id, { onDelete: 'cascade' }),
    actorId: text('actor_id').references(() => accounts.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    target: text('target'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    ip: text('ip'),
    at: ts('at').notNull(),
  },
  (t) => [index('audit_events_org_at_idx').on(t.orgId, t.at)],
);

/** Every email Tessera sends: the dev outbox, and the delivery record for SMTP. */
export const mailMessages = pgTable('mail_messages', {
  id: text('id').primaryKey(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  transport: text('transport', { enum: ['outbox', 'smtp'] }).notNull(),
  status: text('status', { enum: ['stored', 'queued', 'sending', 'sent', 'failed'] }).notNull(),
  createdAt: ts('created_at').notNull(),
  sentAt: ts('sent_at'),
  /** When a delivery was last handed to the transport (status `sending`): one sender at a time. */
  sendingSince: ts('sending_since'),
});

/** Durable jobs claimed with FOR UPDATE SKIP LOCKED. */
export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    state: text('state', { enum: ['queued', 'running', 'succeeded', 'dead'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    runAfter: ts('run_after').notNull(),
    leaseUntil: ts('lease_until'),
    lockedBy: text('locked_by'),
    idempotencyKey: text('idempotency_key').unique(),
    /** The organisation the job works for (its owners see it when it fails), if any. */
    orgId: text('org_id').references(() => orgs.id, { onDelete: 'cascade' }),
    lastError: text('last_error'),
    progress: integer('progress').notNull().default(0),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('jobs_claim_idx').on(t.state, t.runAfter), index('jobs_org_state_idx').on(t.orgId, t.state)],
);

/** Uploaded files (evidence, images); bytes live in the storage backend under `storage_key`. */
export const files = pgTable('files', {
  id: text('id').primaryKey(),
  ownerId: text('owner_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  purpose: text('purpose', { enum: ['evidence', 'image'] }).notNull(),
  name: text('name').notNull(),
  mimeType: text('mime_type').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  storageKey: text('storage_key').notNull(),
  createdAt: ts('created_at').notNull(),
});

/** A micro-credential: its editable draft and a pointer to the latest published version. */
export const achievements = pgTable(
  'achievements',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['draft', 'published', 'retired'] }).notNull(),
    draft: jsonb('draft').$type<Record<string, unknown>>().notNull(),
    latestVersionId: text('latest_version_id'),
    createdBy: text('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    retiredAt: ts('retired_at'),
  },
  (t) => [index('achievements_org_idx').on(t.orgId)],
);

/** An immutable published version of a micro-credential. */
export const achievementVersions = pgTable(
  'achievement_versions',
  {
    id: text('id').primaryKey(),
    achievementId: text('achievement_id')
      .notNull()
      .references(() => achievements.id, { onDelete: 'cascade' }),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    publishedAt: ts('published_at').notNull(),
    publishedBy: text('published_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('achievement_versions_unique').on(t.achievementId, t.version)],
);

/** A learner's work towards one micro-credential version. */
export const submissions = pgTable(
  'submissions',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    achievementId: text('achievement_id')
      .notNull()
      .references(() => achievements.id, { onDelete: 'cascade' }),
    versionId: text('version_id')
      .notNull()
      .references(() => achievementVersions.id),
    learnerId: text('learner_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    state: text('state', { enum: ['draft', 'submitted', 'in_review', 'needs_revision', 'disputed', 'passed', 'not_passed'] }).notNull(),
    attempt: integer('attempt').notNull(),
    doubleScored: boolean('double_scored').notNull().default(false),
    openCriteria: jsonb('open_criteria').$type<string[]>().notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    submittedAt: ts('submitted_at'),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    index('submissions_org_state_idx').on(t.orgId, t.state, t.submittedAt),
    index('submissions_learner_idx').on(t.learnerId),
    uniqueIndex('submissions_one_active').on(t.learnerId, t.achievementId).where(sql`state not in ('passed', 'not_passed')`),
  ],
);

/** The current evidence of a submission, one item per requirement. */
export const evidenceItems = pgTable(
  'evidence_items',
  {
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    requirementId: text('requirement_id').notNull(),
    kind: text('kind', { enum: ['text', 'link', 'file', 'video'] }).notNull(),
    text: text('text'),
    url: text('url'),
    fileId: text('file_id').references(() => files.id),
    isPublic: boolean('is_public').notNull().default(false),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.requirementId] })],
);

/** A snapshot of what was submitted at each attempt, for the history. */
export const submissionAttempts = pgTable(
  'submission_attempts',
  {
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    evidence: jsonb('evidence').$type<unknown[]>().notNull(),
    submittedAt: ts('submitted_at').notNull(),
    outcome: text('outcome', { enum: ['pending', 'pass', 'needs_revision', 'disputed'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.number] })],
);

/** Review slots of an attempt (1, or 2 when double-scored) and who has claimed each. */
export const reviewSlots = pgTable(
  'review_slots',
  {
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    slot: integer('slot').notNull(),
    assessorId: text('assessor_id').references(() => accounts.id, { onDelete: 'set null' }),
    claimExpiresAt: ts('claim_expires_at'),
    reviewId: text('review_id'),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.attempt, t.slot] })],
);

/** A scored review (or an owner's settlement). */
export const reviews = pgTable(
  'reviews',
  {
    id: text('id').primaryKey(),
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    kind: text('kind', { enum: ['primary', 'second', 'settlement'] }).notNull(),
    assessorId: text('assessor_id').references(() => accounts.id, { onDelete: 'set null' }),
    scores: jsonb('scores').$type<Array<{ criterionId: string; levelId: string; feedback: string; met: boolean }>>().notNull(),
    overallFeedback: text('overall_feedback').notNull(),
    decision: text('decision', { enum: ['pass', 'needs_revision'] }).notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('reviews_one_per_assessor').on(t.submissionId, t.attempt, t.kind, t.assessorId), index('reviews_submission_idx').on(t.submissionId)],
);

/** Bitstring status lists; an index, once allocated, is never handed out again. */
export const statusLists = pgTable(
  'status_lists',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['revocation', 'suspension'] }).notNull(),
    seq: integer('seq').notNull(),
    size: integer('size').notNull(),
    nextIndex: integer('next_index').notNull(),
    bits: text('bits').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('status_lists_unique').on(t.orgId, t.purpose, t.seq)],
);

/** Issued credentials; one current (not replaced) credential per submission, so a pass issues exactly one. */
export const credentials = pgTable(
  'credentials',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    submissionId: text('submission_id').references(() => submissions.id, { onDelete: 'set null' }),
    achievementId: text('achievement_id')
      .notNull()
      .references(() => achievements.id),
    versionId: text('version_id')
      .notNull()
      .references(() => achievementVersions.id),
    learnerId: text('learner_id')
      .notNull()
      .references(() => accounts.id),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    jwt: text('jwt'),
    revocationListId: text('revocation_list_id').notNull(),
    revocationIndex: integer('revocation_index').notNull(),
    /** Null when the credential was issued without a suspension entry (the organisation's default). */
    suspensionListId: text('suspension_list_id'),
    suspensionIndex: integer('suspension_index'),
    issuedAt: ts('issued_at').notNull(),
    validUntil: ts('valid_until'),
    revokedAt: ts('revoked_at'),
    revokedReason: text('revoked_reason'),
    suspendedAt: ts('suspended_at'),
    suspendedReason: text('suspended_reason'),
    /** Who sees the public page: listed on the learner's profile, anyone with the link, or only the learner. */
    visibility: text('visibility', { enum: ['public', 'unlisted', 'private'] }).notNull().default('unlisted'),
    /** Show the learner's name on the page; null follows the account setting. */
    showName: boolean('show_name'),
    /** The credential that re-issued this one (with the learner's later sharing choices); this one is then revoked. */
    replacedBy: text('replaced_by'),
  },
  (t) => [
    index('credentials_org_idx').on(t.orgId),
    index('credentials_learner_idx').on(t.learnerId),
    uniqueIndex('credentials_submission_current').on(t.submissionId).where(sql`replaced_by is null`),
  ],
);

/** In-app notifications. */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('notifications_account_idx').on(t.accountId, t.createdAt)],
);

/** Credentials a learner imported into their wallet (from anywhere), with the last verification. */
export const walletItems = pgTable(
  'wallet_items',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    source: text('source', { enum: ['upload', 'url', 'paste'] }).notNull(),
    sourceUrl: text('source_url'),
    /** The credential as received: JSON or JWT text, or a baked image as base64 (see `mediaType`). */
    payload: text('payload').notNull(),
    mediaType: text('media_type').notNull(),
    name: text('name').notNull(),
    issuerName: text('issuer_name'),
    verdict: text('verdict', { enum: ['valid', 'invalid', 'indeterminate'] }).notNull(),
    report: jsonb('report').$type<Record<string, unknown>>().notNull(),
    verifiedAt: ts('verified_at').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('wallet_items_account_idx').on(t.accountId, t.createdAt)],
);

/** Named groups of a learner's credentials (earned or imported); public ones show on the learner's profile. */
export const collections = pgTable(
  'collections',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    isPublic: boolean('is_public').notNull().default(false),
    /** Entries as `earned:<credential id>` or `imported:<wallet item id>`, in order. */
    entries: jsonb('entries').$type<string[]>().notNull().default([]),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('collections_account_idx').on(t.accountId)],
);
