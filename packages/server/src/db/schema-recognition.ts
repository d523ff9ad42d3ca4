/**
 * Tables of the recognition slice: recognition rules (another organisation's achievement counts here), the records
 * learners send to a recognising organisation, endorsements between organisations, and co-design review invitations.
 * schema.ts re-exports this module. Tables here reference schema.ts tables only inside lazy `() =>` callbacks.
 */
import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts, achievements, orgs } from './schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A recognising organisation's statement that an achievement counts (hours, credit, or a requirement met). */
export const recognitionRules = pgTable(
  'recognition_rules',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    achievementId: text('achievement_id')
      .notNull()
      .references(() => achievements.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['hours', 'credit', 'satisfies'] }).notNull(),
    amount: doublePrecision('amount'),
    unit: text('unit'),
    target: text('target').notNull(),
    validFrom: ts('valid_from').notNull(),
    validUntil: ts('valid_until'),
    reviewerId: text('reviewer_id').references(() => accounts.id, { onDelete: 'set null' }),
    rationale: text('rationale').notNull(),
    status: text('status', { enum: ['draft', 'published', 'withdrawn'] }).notNull(),
    /** The signed EndorsementCredential that publishes the rule (set on publish). */
    credential: jsonb('credential').$type<Record<string, unknown>>(),
    credentialId: text('credential_id'),
    publishedAt: ts('published_at'),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnReason: text('withdrawn_reason'),
    createdBy: text('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('recognition_rules_org_idx').on(t.orgId), index('recognition_rules_achievement_idx').on(t.achievementId)],
);

/** A learner's record of credentials that count, sent to a recognising organisation, with each credential's check. */
export const recognitionRecords = pgTable(
  'recognition_records',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    message: text('message').notNull().default(''),
    /** One entry per credential: its id, the rule it counts under, and the verification verdict at send time and since. */
    items: jsonb('items')
      .$type<
        Array<{
          credentialId: string;
          ruleId: string;
          verdict: string;
          checkedAt: string;
          sentVerdict: string;
          achievementName: string;
        }>
      >()
      .notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('recognition_records_org_idx').on(t.orgId, t.createdAt)],
);

/** An endorsement between organisations: requested by the subject's owner or offered by the endorser. */
export const endorsements = pgTable(
  'endorsements',
  {
    id: text('id').primaryKey(),
    endorserOrgId: text('endorser_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    /** The organisation that owns the subject (the achievement's or pathway's issuer, or the issuer itself). */
    ownerOrgId: text('owner_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    subjectType: text('subject_type', { enum: ['achievement', 'pathway', 'issuer'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    initiatedBy: text('initiated_by', { enum: ['owner', 'endorser'] }).notNull(),
    status: text('status', { enum: ['pending', 'accepted', 'declined', 'revoked'] }).notNull(),
    message: text('message').notNull().default(''),
    comment: text('comment'),
    credential: jsonb('credential').$type<Record<string, unknown>>(),
    credentialId: text('credential_id'),
    /** Achievement endorsements appear in credentials issued for this version and later. */
    fromVersion: integer('from_version'),
    requestedBy: text('requested_by').references(() => accounts.id, { onDelete: 'set null' }),
    decidedBy: text('decided_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    decidedAt: ts('decided_at'),
    revokedAt: ts('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    index('endorsements_endorser_idx').on(t.endorserOrgId),
    index('endorsements_owner_idx').on(t.ownerOrgId),
    index('endorsements_subject_idx').on(t.subjectType, t.subjectId),
  ],
);

/** An invitation to an external reviewer (by email) to review a draft achievement. */
export const reviewInvitations = pgTable(
  'review_invitations',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    achievementId: text('achievement_id')
      .notNull()
      .references(() => achievements.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    /** The reviewer's organisation as they are to be credited ("Co-designed with …"). */
    reviewerOrgName: text('reviewer_org_name'),
    reviewerAccountId: text('reviewer_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['pending', 'approved', 'changes_requested', 'revoked'] }).notNull(),
    decisionNote: text('decision_note'),
    invitedBy: text('invited_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    decidedAt: ts('decided_at'),
  },
  (t) => [index('review_invitations_achievement_idx').on(t.achievementId), index('review_invitations_email_idx').on(t.email)],
);

/** A reviewer's comment on one section of a draft. */
export const reviewComments = pgTable(
  'review_comments',
  {
    id: text('id').primaryKey(),
    invitationId: text('invitation_id')
      .notNull()
      .references(() => reviewInvitations.id, { onDelete: 'cascade' }),
    section: text('section', { enum: ['description', 'criteria', 'rubric', 'alignments', 'general'] }).notNull(),
    body: text('body').notNull(),
    authorId: text('author_id').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('review_comments_invitation_idx').on(t.invitationId)],
);
