/**
 * Tables of the pathways slice. Kept in their own module so slices can grow their schema independently;
 * schema.ts re-exports it. Tables here reference schema.ts tables only inside lazy `() =>` callbacks.
 */
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts, achievements, awards, orgs } from './schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A pathway (stack): its editable draft and a pointer to the latest published version. */
export const pathways = pgTable(
  'pathways',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    draft: jsonb('draft').$type<Record<string, unknown>>().notNull(),
    latestVersionId: text('latest_version_id'),
    createdBy: text('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('pathways_org_idx').on(t.orgId)],
);

/** An immutable published version of a pathway. */
export const pathwayVersions = pgTable(
  'pathway_versions',
  {
    id: text('id').primaryKey(),
    pathwayId: text('pathway_id')
      .notNull()
      .references(() => pathways.id, { onDelete: 'cascade' }),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    /** Every Tessera achievement the version's steps accept (for finding the pathways a new credential may complete). */
    achievementIds: jsonb('achievement_ids').$type<string[]>().notNull(),
    completionAchievementId: text('completion_achievement_id')
      .notNull()
      .references(() => achievements.id),
    publishedAt: ts('published_at').notNull(),
    publishedBy: text('published_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('pathway_versions_unique').on(t.pathwayId, t.version)],
);

/**
 * A completion (group_id '') or milestone (group_id set) a learner was awarded, with the credentials that made
 * it. The award itself is exactly-once by its key (`pathway:<pathway>:<learner>` or
 * `pathway:<pathway>:<group>:<learner>`); this row records the parts and is unique the same way.
 */
export const pathwayCompletions = pgTable(
  'pathway_completions',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    pathwayId: text('pathway_id')
      .notNull()
      .references(() => pathways.id, { onDelete: 'cascade' }),
    versionId: text('version_id')
      .notNull()
      .references(() => pathwayVersions.id),
    learnerId: text('learner_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    groupId: text('group_id').notNull(),
    awardId: text('award_id')
      .notNull()
      .references(() => awards.id),
    /** The step credentials that satisfied it: `{ stepId, kind: 'credential' | 'imported', id }`. */
    parts: jsonb('parts').$type<Array<{ stepId: string; kind: 'credential' | 'imported'; id: string }>>().notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('pathway_completions_unique').on(t.pathwayId, t.learnerId, t.groupId),
    index('pathway_completions_learner_idx').on(t.learnerId),
  ],
);

/**
 * What each published version's steps match, one row per key: `achievement:<id>` for a Tessera achievement,
 * `iri:<achievement IRI>` and `skill:<alignment>` for imported credentials. A learner check looks up the keys of
 * the credential that triggered it here (indexed) instead of evaluating every published pathway.
 */
export const pathwayStepKeys = pgTable(
  'pathway_step_keys',
  {
    versionId: text('version_id')
      .notNull()
      .references(() => pathwayVersions.id, { onDelete: 'cascade' }),
    pathwayId: text('pathway_id')
      .notNull()
      .references(() => pathways.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.key] }), index('pathway_step_keys_key_idx').on(t.key, t.pathwayId)],
);

/** The version of a pathway a learner is on: the version current when they first made progress (see get-progress.ts). */
export const pathwayPins = pgTable(
  'pathway_pins',
  {
    pathwayId: text('pathway_id')
      .notNull()
      .references(() => pathways.id, { onDelete: 'cascade' }),
    learnerId: text('learner_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    versionId: text('version_id')
      .notNull()
      .references(() => pathwayVersions.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pathwayId, t.learnerId] }), index('pathway_pins_learner_idx').on(t.learnerId)],
);
