/**
 * Tables of the talent slice. Kept in their own module so slices can grow their schema independently;
 * schema.ts re-exports it. Tables here reference schema.ts tables only inside lazy `() =>` callbacks.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts, orgs } from './schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A learner's consent to employer search (off until they turn it on) and what employers may see. */
export const talentProfiles = pgTable(
  'talent_profiles',
  {
    accountId: text('account_id')
      .primaryKey()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    discoverable: boolean('discoverable').notNull().default(false),
    displayName: text('display_name').notNull().default(''),
    headline: text('headline').notNull().default(''),
    location: text('location').notNull().default(''),
    showSkills: boolean('show_skills').notNull().default(true),
    showCredentials: boolean('show_credentials').notNull().default(true),
    showPublicLink: boolean('show_public_link').notNull().default(false),
    updatedAt: ts('updated_at').notNull(),
    /** When the learner's rows in talent_skill_evidence were last rebuilt (null: never). */
    evidenceAt: ts('evidence_at'),
    /** A fingerprint of the learner's credentials and verified imports when the index rows were built (null: never). */
    evidenceKey: text('evidence_key'),
  },
  (t) => [
    index('talent_profiles_discoverable_idx')
      .on(t.accountId)
      .where(sql`discoverable`),
  ],
);

/** One employer search: which organisation, who, the criteria and their summary, how many results. */
export const talentSearches = pgTable(
  'talent_searches',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    actorId: text('actor_id').references(() => accounts.id, {
      onDelete: 'set null',
    }),
    criteria: jsonb('criteria').$type<Record<string, unknown>>().notNull(),
    summary: text('summary').notNull(),
    resultCount: integer('result_count').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('talent_searches_org_idx').on(t.orgId, t.createdAt)],
);

/** A learner a search returned (so the learner sees who found them, and for what). */
export const talentSearchHits = pgTable(
  'talent_search_hits',
  {
    searchId: text('search_id')
      .notNull()
      .references(() => talentSearches.id, { onDelete: 'cascade' }),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    rank: integer('rank').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('talent_search_hits_unique').on(t.searchId, t.accountId),
    index('talent_search_hits_account_idx').on(t.accountId, t.createdAt),
  ],
);

/** An employer opened a learner's talent profile. */
export const talentProfileViews = pgTable(
  'talent_profile_views',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    actorId: text('actor_id').references(() => accounts.id, {
      onDelete: 'set null',
    }),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** The search the view came from (its summary is what the learner sees), when the employer came from one. */
    searchId: text('search_id').references(() => talentSearches.id, {
      onDelete: 'set null',
    }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('talent_profile_views_account_idx').on(t.accountId, t.createdAt),
    index('talent_profile_views_org_idx').on(t.orgId, t.createdAt),
  ],
);

/** A contact request from an organisation to a learner, answered by the learner. At most one pending per org and learner. */
export const talentContacts = pgTable(
  'talent_contacts',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    senderId: text('sender_id').references(() => accounts.id, {
      onDelete: 'set null',
    }),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status', {
      enum: ['pending', 'accepted', 'declined'],
    }).notNull(),
    /** The learner's reply when accepting (optional). */
    reply: text('reply'),
    /** Whether the learner shared their email address when accepting. */
    shareEmail: boolean('share_email').notNull().default(false),
    createdAt: ts('created_at').notNull(),
    answeredAt: ts('answered_at'),
  },
  (t) => [
    uniqueIndex('talent_contacts_one_pending')
      .on(t.orgId, t.accountId)
      .where(sql`status = 'pending'`),
    index('talent_contacts_account_idx').on(t.accountId, t.createdAt),
    index('talent_contacts_org_idx').on(t.orgId, t.createdAt),
  ],
);

/**
 * The search index: one row per verified skill claim of a consenting learner (an earned credential's alignment or a
 * verified import's alignment matched to a known framework skill), with the rubric level it shows. Rebuilt per learner
 * from their exact skill profile when they opt in and lazily at search time when they have newer credentials or
 * imports; searches re-check the source (credential current, import still valid) on every read.
 */
export const talentSkillEvidence = pgTable(
  'talent_skill_evidence',
  {
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    skillUrl: text('skill_url').notNull(),
    kind: text('kind', { enum: ['earned', 'imported'] }).notNull(),
    /** The credential id (earned) or wallet item id (imported). */
    sourceId: text('source_id').notNull(),
    /** The rubric level on the 1–5 scale, when a rubric gave one. */
    levelScale: integer('level_scale'),
  },
  (t) => [index('talent_skill_evidence_skill_idx').on(t.skillUrl, t.accountId), index('talent_skill_evidence_account_idx').on(t.accountId)],
);
