import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

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
  /** Roles besides owner that may award credentials directly (owners always may). */
  awardRoles: jsonb('award_roles').$type<Array<'designer' | 'assessor' | 'viewer'>>().notNull().default([]),
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
    uniqueIndex('signing_keys_one_current_per_org')
      .on(t.orgId, t.algorithm)
      .where(sql`retired_at is null and org_id is not null`),
    uniqueIndex('signing_keys_one_current_platform')
      .on(sql`(org_id is null)`)
      .where(sql`retired_at is null and org_id is null`),
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
    uniqueIndex('submissions_one_active')
      .on(t.learnerId, t.achievementId)
      .where(sql`state not in ('passed', 'not_passed')`),
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
  (t) => [
    uniqueIndex('reviews_one_per_assessor').on(t.submissionId, t.attempt, t.kind, t.assessorId),
    index('reviews_submission_idx').on(t.submissionId),
  ],
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

/**
 * The achievements that signed credentials embed, each stored once: a bulk job signs thousands of credentials of one
 * version, and the achievement (rubric, alignments, endorsements) is most of each document. The id is the SHA-256 of
 * the achievement's canonical JSON (RFC 8785), so a row never changes and the same achievement is never stored twice.
 */
export const credentialAchievements = pgTable('credential_achievements', {
  id: text('id').primaryKey(),
  orgId: text('org_id')
    .notNull()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  document: jsonb('document').$type<Record<string, unknown>>().notNull(),
});

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
    /** Null while the award's email recipient has not claimed it (the credential names a salted hash of the email). */
    learnerId: text('learner_id').references(() => accounts.id),
    /** The award this credential was signed for (every credential has one; a re-issue keeps it). */
    awardId: text('award_id').references(() => awards.id),
    /**
     * The signed document; without its `credentialSubject.achievement` when `achievementRef` names it. Read it through
     * the credentials slice's `credentialColumns`, which puts the document back together.
     */
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    /** The stored achievement the signed document embeds (credential_achievements), left out of `document`. */
    achievementRef: text('achievement_ref').references(() => credentialAchievements.id),
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
    visibility: text('visibility', { enum: ['public', 'unlisted', 'private'] })
      .notNull()
      .default('unlisted'),
    /** Show the learner's name on the page; null follows the account setting. */
    showName: boolean('show_name'),
    /** The credential that re-issued this one (with the learner's later sharing choices); this one is then revoked. */
    replacedBy: text('replaced_by'),
  },
  (t) => [
    index('credentials_org_idx').on(t.orgId),
    index('credentials_learner_idx').on(t.learnerId),
    // Who holds a version (talent search joins alignments to credentials by version).
    index('credentials_version_current_idx')
      .on(t.versionId)
      .where(sql`replaced_by is null`),
    uniqueIndex('credentials_submission_current')
      .on(t.submissionId)
      .where(sql`replaced_by is null`),
    uniqueIndex('credentials_award_current')
      .on(t.awardId)
      .where(sql`replaced_by is null`),
  ],
);

/**
 * An award: the decision that someone earned an achievement version, from any source. Every credential is
 * signed for one award; the idempotency key (unique per organisation) makes each source exactly-once.
 */
export const awards = pgTable(
  'awards',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    achievementId: text('achievement_id')
      .notNull()
      .references(() => achievements.id),
    versionId: text('version_id')
      .notNull()
      .references(() => achievementVersions.id),
    /** The recipient's account, or null while an email recipient has not claimed the award. */
    recipientAccountId: text('recipient_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /** The address the award was sent to (trimmed, lowercase); null for awards made to an account. */
    recipientEmail: text('recipient_email'),
    recipientName: text('recipient_name').notNull(),
    source: text('source', { enum: ['assessment', 'direct', 'bulk', 'api', 'pathway'] }).notNull(),
    sourceRef: text('source_ref'),
    results: jsonb('results').$type<Array<{ criterionId: string; levelId: string }>>().notNull().default([]),
    narrative: text('narrative'),
    evidenceUrl: text('evidence_url'),
    /** The award date the issuer gave (null: the day it was signed). */
    issuedOn: ts('issued_on'),
    idempotencyKey: text('idempotency_key').notNull(),
    createdBy: text('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    /** sha256 of the claim link's token (email recipients only), and when the link stops working. */
    claimTokenHash: text('claim_token_hash').unique(),
    claimExpiresAt: ts('claim_expires_at'),
    claimedAt: ts('claimed_at'),
  },
  (t) => [
    uniqueIndex('awards_org_idempotency').on(t.orgId, t.idempotencyKey),
    index('awards_org_created_idx').on(t.orgId, t.createdAt),
    index('awards_recipient_account_idx').on(t.recipientAccountId),
    index('awards_recipient_email_idx').on(t.recipientEmail),
  ],
);

/** Organisation API tokens (stored as sha256 of the token; the token is shown once). */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, for recognising it in a list (`tsr_ab12…`). */
    prefix: text('prefix').notNull(),
    scopes: jsonb('scopes').$type<Array<'awards:write' | 'credentials:read'>>().notNull(),
    createdBy: text('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('api_tokens_org_idx').on(t.orgId)],
);

/** The first response to an API request with an Idempotency-Key, replayed for the same key. */
export const idempotentRequests = pgTable(
  'idempotent_requests',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** sha256 of the method, path and body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    body: jsonb('body').$type<Record<string, unknown>>(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] })],
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

/** How a member of an organisation wants its notices (no row: in the app, and by email at once). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    inApp: boolean('in_app').notNull().default(true),
    email: text('email', { enum: ['immediate', 'digest', 'off'] })
      .notNull()
      .default('immediate'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.orgId] })],
);

/**
 * Each notice delivered to one account on one channel, once: the key (e.g. a submission attempt) makes a
 * retried job a no-op. Digest rows wait with `sent_at` null until the account's daily digest email.
 */
export const noticeDeliveries = pgTable(
  'notice_deliveries',
  {
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    noticeKey: text('notice_key').notNull(),
    channel: text('channel', { enum: ['in_app', 'email', 'digest'] }).notNull(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.noticeKey, t.channel] }),
    index('notice_deliveries_digest_idx').on(t.accountId, t.channel, t.sentAt),
  ],
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

/** A bulk award run: one uploaded CSV for one achievement, validated (draft), then issued row by row by a job. */
export const bulkAwardRuns = pgTable(
  'bulk_award_runs',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    achievementId: text('achievement_id')
      .notNull()
      .references(() => achievements.id),
    fileName: text('file_name').notNull(),
    state: text('state', { enum: ['draft', 'queued', 'running', 'paused', 'cancelled', 'completed'] }).notNull(),
    total: integer('total').notNull(),
    /** The `level:…` columns of the file, in order. */
    levelColumns: jsonb('level_columns').$type<string[]>().notNull().default([]),
    /** Send each new email recipient the claim email (batched per recipient). */
    sendClaimMail: boolean('send_claim_mail').notNull().default(true),
    jobId: text('job_id'),
    createdBy: text('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    /** Milliseconds spent issuing (excludes time paused), for the rate and the time left. */
    activeMs: bigint('active_ms', { mode: 'number' }).notNull().default(0),
    /** Rows done when the current stretch of issuing began (with `resumedAt`, the live rate). */
    doneAtResume: integer('done_at_resume').notNull().default(0),
    resumedAt: ts('resumed_at'),
    lastError: text('last_error'),
  },
  (t) => [index('bulk_award_runs_org_idx').on(t.orgId, t.createdAt)],
);

/** One row of a bulk award CSV: its cells, its dry-run problems, and what the run did with it. */
export const bulkAwardRows = pgTable(
  'bulk_award_rows',
  {
    runId: text('run_id')
      .notNull()
      .references(() => bulkAwardRuns.id, { onDelete: 'cascade' }),
    /** The spreadsheet row number (header = 1). */
    row: integer('row').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    issuedOn: text('issued_on').notNull().default(''),
    narrative: text('narrative').notNull().default(''),
    evidenceUrl: text('evidence_url').notNull().default(''),
    levels: jsonb('levels').$type<Record<string, string>>().notNull().default({}),
    problems: jsonb('problems').$type<Array<{ column: string; message: string }>>().notNull().default([]),
    /** Whether the row has problems (indexed, for the problem grid). */
    hasProblems: boolean('has_problems').notNull().default(false),
    outcome: text('outcome', { enum: ['pending', 'issued', 'skipped', 'failed'] })
      .notNull()
      .default('pending'),
    awardId: text('award_id'),
    credentialId: text('credential_id'),
    message: text('message'),
    doneAt: ts('done_at'),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.row] }),
    index('bulk_award_rows_pending_idx').on(t.runId, t.outcome, t.row),
    index('bulk_award_rows_problems_idx').on(t.runId, t.hasProblems, t.row),
  ],
);

/** A skill framework (CASE document, RSD collection or CSV list): platform-wide (org_id null) or owned by an organisation. */
export const skillFrameworks = pgTable(
  'skill_frameworks',
  {
    id: text('id').primaryKey(),
    /** Null: platform-wide (managed by platform admins). */
    orgId: text('org_id').references(() => orgs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    sourceKind: text('source_kind', { enum: ['case', 'rsd', 'csv'] }).notNull(),
    /** The source's own identifier (CFDocument identifier, RSD collection id, CSV framework key): re-imports match on it. */
    sourceId: text('source_id').notNull(),
    /** Where the framework lives (CFDocument uri, RSD collection URL, the URL it was imported from). */
    sourceUri: text('source_uri'),
    version: text('version'),
    licence: text('licence'),
    skillCount: integer('skill_count').notNull().default(0),
    importedBy: text('imported_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('skill_frameworks_source_unique').on(sql`coalesce(${t.orgId}, '')`, t.sourceKind, t.sourceId),
    index('skill_frameworks_org_idx').on(t.orgId),
  ],
);

/** One skill (CASE CFItem, RSD, CSV row) of a framework; keyed by its source identifier so re-imports keep its id. */
export const skills = pgTable(
  'skills',
  {
    id: text('id').primaryKey(),
    frameworkId: text('framework_id')
      .notNull()
      .references(() => skillFrameworks.id, { onDelete: 'cascade' }),
    /** CASE CFItem identifier, RSD id, CSV id: unique within the framework. */
    identifier: text('identifier').notNull(),
    /** CASE humanCodingScheme, RSD/CSV code. */
    code: text('code'),
    /** CASE fullStatement, RSD skillName. */
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    uri: text('uri'),
    /** CASE CFItemType, RSD category. */
    type: text('type'),
    /** The first isChildOf parent, denormalised for browsing (null: a root). */
    parentId: text('parent_id'),
    position: integer('position').notNull().default(0),
    /** Set when a re-import no longer contains the skill: kept for existing alignments, hidden from browse and search. */
    retiredAt: ts('retired_at'),
  },
  (t) => [
    uniqueIndex('skills_framework_identifier').on(t.frameworkId, t.identifier),
    index('skills_framework_parent_idx').on(t.frameworkId, t.parentId, t.position),
    index('skills_code_idx').on(sql`lower(${t.code})`),
    index('skills_uri_idx').on(t.uri),
    index('skills_search_idx').using(
      'gin',
      sql`to_tsvector('simple', ${t.name} || ' ' || coalesce(${t.code}, '') || ' ' || ${t.description})`,
    ),
  ],
);

/** A typed link between two skills of a framework (CASE CFAssociation): isChildOf, precedes, isRelatedTo, … */
export const skillAssociations = pgTable(
  'skill_associations',
  {
    frameworkId: text('framework_id')
      .notNull()
      .references(() => skillFrameworks.id, { onDelete: 'cascade' }),
    /** The CFAssociation identifier (generated for RSD and CSV). */
    identifier: text('identifier').notNull(),
    type: text('type').notNull(),
    fromSkillId: text('from_skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'cascade' }),
    /** The target skill when it is in this framework; otherwise `toUri` names it. */
    toSkillId: text('to_skill_id').references(() => skills.id, { onDelete: 'cascade' }),
    toUri: text('to_uri'),
  },
  (t) => [
    primaryKey({ columns: [t.frameworkId, t.identifier] }),
    index('skill_associations_from_idx').on(t.fromSkillId),
    index('skill_associations_to_idx').on(t.toSkillId),
  ],
);

/** A micro-credential (or one rubric criterion of it) aligned to a skill: for the draft (version_id null) or a published version. */
export const achievementAlignments = pgTable(
  'achievement_alignments',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    achievementId: text('achievement_id')
      .notNull()
      .references(() => achievements.id, { onDelete: 'cascade' }),
    /** Null: the draft's alignments; set: the immutable alignments of a published version. */
    versionId: text('version_id').references(() => achievementVersions.id, { onDelete: 'cascade' }),
    /** Null: the micro-credential as a whole; set: one rubric criterion (its local id). */
    criterionId: text('criterion_id'),
    skillId: text('skill_id')
      .notNull()
      .references(() => skills.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    uniqueIndex('achievement_alignments_unique').on(
      t.achievementId,
      sql`coalesce(${t.versionId}, '')`,
      sql`coalesce(${t.criterionId}, '')`,
      t.skillId,
    ),
    index('achievement_alignments_version_idx').on(t.versionId),
    index('achievement_alignments_skill_idx').on(t.skillId),
  ],
);

/** An occupation from the bundled O*NET-style dataset (code, title), with the skills it needs in `occupation_skills`. */
export const occupations = pgTable('occupations', {
  code: text('code').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  /** Where the occupation comes from (the dataset's name and licence). */
  source: text('source').notNull(),
});

/** A skill an occupation needs, named by the framework skill's URL (CFItem URI), with an importance from 1 to 5. */
export const occupationSkills = pgTable(
  'occupation_skills',
  {
    occupationCode: text('occupation_code')
      .notNull()
      .references(() => occupations.code, { onDelete: 'cascade' }),
    skillUrl: text('skill_url').notNull(),
    skillName: text('skill_name').notNull(),
    importance: integer('importance').notNull(),
  },
  (t) => [primaryKey({ columns: [t.occupationCode, t.skillUrl] })],
);

/** A role an organisation (often an employer) defines, with the skills it requires in `role_skills`. */
export const orgRoles = pgTable(
  'org_roles',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Whether learners outside the organisation may pick the role as a goal. */
    isPublic: boolean('is_public').notNull().default(true),
    createdBy: text('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('org_roles_org_idx').on(t.orgId)],
);

/** A skill a role requires, named by the framework skill's URL, optionally at a minimum level (1–5). */
export const roleSkills = pgTable(
  'role_skills',
  {
    roleId: text('role_id')
      .notNull()
      .references(() => orgRoles.id, { onDelete: 'cascade' }),
    skillUrl: text('skill_url').notNull(),
    skillName: text('skill_name').notNull(),
    level: integer('level'),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.skillUrl] })],
);

/** A learner's career goal: an occupation or an organisation's role (exactly one is set). */
export const learnerGoals = pgTable(
  'learner_goals',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    occupationCode: text('occupation_code').references(() => occupations.code, { onDelete: 'cascade' }),
    roleId: text('role_id').references(() => orgRoles.id, { onDelete: 'cascade' }),
    /** `occupation:<code>` or `role:<id>`: one goal per target and learner. */
    target: text('target').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('learner_goals_target_unique').on(t.accountId, t.target)],
);

/** A learner's skill-profile choices (the public skills page is opt-in). */
export const skillProfileSettings = pgTable('skill_profile_settings', {
  accountId: text('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  isPublic: boolean('is_public').notNull().default(false),
  updatedAt: ts('updated_at').notNull(),
});

/** Precomputed co-earning: how many learners earned `after` later than `before` (refreshed by a job, read per request). */
export const coEarnings = pgTable(
  'co_earnings',
  {
    beforeId: text('before_id')
      .notNull()
      .references(() => achievements.id, { onDelete: 'cascade' }),
    afterId: text('after_id')
      .notNull()
      .references(() => achievements.id, { onDelete: 'cascade' }),
    learners: integer('learners').notNull(),
  },
  (t) => [primaryKey({ columns: [t.beforeId, t.afterId] })],
);

/** Precomputed popularity: how many learners hold a current credential for each achievement. */
export const achievementEarners = pgTable('achievement_earners', {
  achievementId: text('achievement_id')
    .primaryKey()
    .references(() => achievements.id, { onDelete: 'cascade' }),
  learners: integer('learners').notNull(),
});

/** When the precomputed recommendation statistics were last refreshed. */
export const recommendationStats = pgTable('recommendation_stats', {
  id: text('id').primaryKey(),
  refreshedAt: ts('refreshed_at').notNull(),
  learners: integer('learners').notNull(),
});

// Slice schemas kept in their own modules (re-exported so drizzle and drizzle-kit see one schema).
export * from './schema-talent.js';
export * from './schema-pathways.js';
export * from './schema-recognition.js';
