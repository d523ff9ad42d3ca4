import { sql } from 'drizzle-orm';
import {
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

/** Signing keys; private keys are AES-256-GCM encrypted with the master key. org_id null = platform key. */
export const signingKeys = pgTable(
  'signing_keys',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').references(() => orgs.id, { onDelete: 'cascade' }),
    algorithm: text('algorithm', { enum: ['Ed25519'] }).notNull(),
    publicKeyMultibase: text('public_key_multibase').notNull(),
    encryptedPrivateKey: text('encrypted_private_key').notNull(),
    createdAt: ts('created_at').notNull(),
    retiredAt: ts('retired_at'),
  },
  (t) => [
    index('signing_keys_org_idx').on(t.orgId),
    uniqueIndex('signing_keys_one_current_per_org').on(t.orgId).where(sql`retired_at is null and org_id is not null`),
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
  status: text('status', { enum: ['stored', 'queued', 'sent', 'failed'] }).notNull(),
  createdAt: ts('created_at').notNull(),
  sentAt: ts('sent_at'),
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
    lastError: text('last_error'),
    progress: integer('progress').notNull().default(0),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('jobs_claim_idx').on(t.state, t.runAfter)],
);
