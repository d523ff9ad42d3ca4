import { and, asc, count, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import { credentialDocument } from '../credentials/index.js';
import {
  achievements,
  achievementVersions,
  credentials,
  orgs,
  pathwayCompletions,
  pathwayPins,
  pathways,
  pathwayStepKeys,
  pathwayVersions,
  submissions,
  walletItems,
} from '../db/schema.js';

/** A pathway row. */
export type PathwayRow = typeof pathways.$inferSelect;
/** A published pathway version row. */
export type PathwayVersionRow = typeof pathwayVersions.$inferSelect;
/** A completion (or milestone) row. */
export type CompletionRow = typeof pathwayCompletions.$inferSelect;

/** Insert a pathway. */
export async function insertPathway(db: Db, row: typeof pathways.$inferInsert): Promise<void> {
  await db.insert(pathways).values(row);
}

/** Update a pathway. */
export async function updatePathwayRow(db: Db, id: string, patch: Partial<typeof pathways.$inferInsert>): Promise<PathwayRow | undefined> {
  const [row] = await db.update(pathways).set(patch).where(eq(pathways.id, id)).returning();
  return row;
}

/** A pathway of an organisation (locked for update when asked). */
export async function findPathway(db: Db, orgId: string, id: string, lock = false): Promise<PathwayRow | undefined> {
  const q = db
    .select()
    .from(pathways)
    .where(and(eq(pathways.orgId, orgId), eq(pathways.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** An organisation's pathways, newest first. */
export async function listPathwayRows(db: Db, orgId: string): Promise<PathwayRow[]> {
  return db.select().from(pathways).where(eq(pathways.orgId, orgId)).orderBy(desc(pathways.updatedAt));
}

/** Versions of a pathway, oldest first. */
export async function listPathwayVersions(db: Db, pathwayId: string): Promise<PathwayVersionRow[]> {
  return db.select().from(pathwayVersions).where(eq(pathwayVersions.pathwayId, pathwayId)).orderBy(asc(pathwayVersions.version));
}

/** One version. */
export async function findPathwayVersion(db: Db, id: string): Promise<PathwayVersionRow | undefined> {
  const [row] = await db.select().from(pathwayVersions).where(eq(pathwayVersions.id, id));
  return row;
}

/** Insert a version. */
export async function insertPathwayVersion(db: Db, row: PathwayVersionRow): Promise<void> {
  await db.insert(pathwayVersions).values(row);
}

/** Completions (not milestones) per pathway of an organisation. */
export async function completionCounts(db: Db, orgId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: pathwayCompletions.pathwayId, n: count() })
    .from(pathwayCompletions)
    .where(and(eq(pathwayCompletions.orgId, orgId), eq(pathwayCompletions.groupId, '')))
    .groupBy(pathwayCompletions.pathwayId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** A published pathway: its latest version with the issuing organisation. */
export interface PublishedPathway {
  pathway: PathwayRow;
  version: PathwayVersionRow;
  org: { id: string; slug: string; name: string };
}

/** Published pathways (latest versions); only `ids` when given. */
export async function listPublishedPathways(db: Db, ids?: string[], limit?: number): Promise<PublishedPathway[]> {
  if (ids && !ids.length) return [];
  const query = db
    .select({ pathway: pathways, version: pathwayVersions, org: { id: orgs.id, slug: orgs.slug, name: orgs.name } })
    .from(pathways)
    .innerJoin(pathwayVersions, eq(pathwayVersions.id, pathways.latestVersionId))
    .innerJoin(orgs, eq(orgs.id, pathways.orgId))
    .where(ids ? inArray(pathways.id, ids) : eq(pathways.status, 'published'))
    .orderBy(desc(pathwayVersions.publishedAt));
  return limit === undefined ? query : query.limit(limit);
}

/** What a pathway shows of an achievement it refers to. */
export interface AchievementInfo {
  id: string;
  orgId: string;
  orgSlug: string;
  orgName: string;
  status: 'draft' | 'published' | 'retired';
  /** Name, type and credits of the latest published version, or of the draft when never published. */
  content: Record<string, unknown>;
}

/** Achievements by id (any organisation) with their latest content. */
export async function findAchievementInfos(db: Db, ids: string[]): Promise<Map<string, AchievementInfo>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      id: achievements.id,
      orgId: achievements.orgId,
      orgSlug: orgs.slug,
      orgName: orgs.name,
      status: achievements.status,
      draft: achievements.draft,
      content: achievementVersions.content,
    })
    .from(achievements)
    .innerJoin(orgs, eq(orgs.id, achievements.orgId))
    .leftJoin(achievementVersions, eq(achievementVersions.id, achievements.latestVersionId))
    .where(inArray(achievements.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { ...r, content: r.content ?? r.draft }]));
}

/** A learner's current (not replaced) credential, as evaluation needs it. */
export interface HeldCredential {
  id: string;
  achievementId: string;
  orgId: string;
  revokedAt: Date | null;
  suspendedAt: Date | null;
  validUntil: Date | null;
  issuedAt: Date;
}

/** A learner's current credentials. */
export async function listHeldCredentials(db: Db, learnerId: string): Promise<HeldCredential[]> {
  return db
    .select({
      id: credentials.id,
      achievementId: credentials.achievementId,
      orgId: credentials.orgId,
      revokedAt: credentials.revokedAt,
      suspendedAt: credentials.suspendedAt,
      validUntil: credentials.validUntil,
      issuedAt: credentials.issuedAt,
    })
    .from(credentials)
    .where(and(eq(credentials.learnerId, learnerId), isNull(credentials.replacedBy)))
    .orderBy(asc(credentials.issuedAt));
}

/** Credential documents (and names) by id. */
export async function findCredentialDocuments(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: credentials.id,
      learnerId: credentials.learnerId,
      achievementId: credentials.achievementId,
      document: credentialDocument,
      revokedAt: credentials.revokedAt,
      suspendedAt: credentials.suspendedAt,
      validUntil: credentials.validUntil,
      name: sql<string>`${achievementVersions.content}->>'name'`,
    })
    .from(credentials)
    .innerJoin(achievementVersions, eq(achievementVersions.id, credentials.versionId))
    .where(inArray(credentials.id, ids));
}

/** The achievements a learner has an open submission for (started, waiting or being revised). */
export async function listOpenSubmissionAchievements(db: Db, learnerId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: submissions.achievementId })
    .from(submissions)
    .where(and(eq(submissions.learnerId, learnerId), notInArray(submissions.state, ['passed', 'not_passed'])));
  return new Set(rows.map((r) => r.id));
}

/** A learner's imported credentials that verified as valid (raw payloads; matching reads them). */
export async function listValidImports(db: Db, learnerId: string) {
  return db
    .select({ id: walletItems.id, payload: walletItems.payload, mediaType: walletItems.mediaType, name: walletItems.name })
    .from(walletItems)
    .where(and(eq(walletItems.accountId, learnerId), eq(walletItems.verdict, 'valid')));
}

/** Names of imported credentials by id. */
export async function findImportNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: walletItems.id, name: walletItems.name }).from(walletItems).where(inArray(walletItems.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Learners who may qualify for a pathway: holders of its achievements, and (when it accepts imports) wallet holders. */
export async function listCandidateLearners(db: Db, achievementIds: string[], withImports: boolean): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select distinct learner_id as id from credentials
         where learner_id is not null and replaced_by is null and revoked_at is null
           and achievement_id in (${
             achievementIds.length
               ? sql.join(
                   achievementIds.map((a) => sql`${a}`),
                   sql`, `,
                 )
               : sql`null`
           })
        ${withImports ? sql`union select distinct account_id as id from wallet_items where verdict = 'valid'` : sql``}
        order by 1`,
  );
  return rows.map((r) => r.id);
}

/** Record a completion unless it exists; true when this call recorded it. */
export async function insertCompletion(db: Db, row: CompletionRow): Promise<boolean> {
  const r = await db
    .insert(pathwayCompletions)
    .values(row)
    .onConflictDoNothing({ target: [pathwayCompletions.pathwayId, pathwayCompletions.learnerId, pathwayCompletions.groupId] })
    .returning({ id: pathwayCompletions.id });
  return r.length > 0;
}

/** A learner's completions and milestones (all pathways, or one). */
export async function listCompletionsOfLearner(db: Db, learnerId: string, pathwayId?: string): Promise<CompletionRow[]> {
  return db
    .select()
    .from(pathwayCompletions)
    .where(
      pathwayId
        ? and(eq(pathwayCompletions.learnerId, learnerId), eq(pathwayCompletions.pathwayId, pathwayId))
        : eq(pathwayCompletions.learnerId, learnerId),
    )
    .orderBy(asc(pathwayCompletions.createdAt));
}

/** The current credential signed for each award. */
export async function credentialIdsOfAwards(db: Db, awardIds: string[]): Promise<Map<string, string>> {
  if (!awardIds.length) return new Map();
  const rows = await db
    .select({ awardId: credentials.awardId, id: credentials.id })
    .from(credentials)
    .where(and(inArray(credentials.awardId, awardIds), isNull(credentials.replacedBy)));
  return new Map(rows.flatMap((r) => (r.awardId ? [[r.awardId, r.id] as [string, string]] : [])));
}

/** Record the step keys of a published version. */
export async function insertStepKeys(db: Db, opts: { versionId: string; pathwayId: string; keys: string[] }): Promise<void> {
  if (!opts.keys.length) return;
  await db
    .insert(pathwayStepKeys)
    .values(opts.keys.map((key) => ({ versionId: opts.versionId, pathwayId: opts.pathwayId, key })))
    .onConflictDoNothing();
}

/** Published pathways with a step (in any of their versions) matching one of `keys`: an indexed lookup. */
export async function publishedPathwayIdsForKeys(db: Db, keys: string[]): Promise<string[]> {
  if (!keys.length) return [];
  const rows = await db
    .selectDistinct({ id: pathwayStepKeys.pathwayId })
    .from(pathwayStepKeys)
    .innerJoin(pathways, eq(pathways.id, pathwayStepKeys.pathwayId))
    .where(and(inArray(pathwayStepKeys.key, [...new Set(keys)]), eq(pathways.status, 'published')))
    .orderBy(pathwayStepKeys.pathwayId);
  return rows.map((r) => r.id);
}

/** What triggered a learner check: one of their credentials (its achievement) or a verified wallet item (its payload). */
export async function findTrigger(
  db: Db,
  learnerId: string,
  id: string,
): Promise<
  { kind: 'credential'; achievementId: string; issuedAt: Date } | { kind: 'imported'; payload: string; mediaType: string } | null
> {
  const [c] = await db
    .select({ achievementId: credentials.achievementId, issuedAt: credentials.issuedAt })
    .from(credentials)
    .where(and(eq(credentials.id, id), eq(credentials.learnerId, learnerId)));
  if (c) return { kind: 'credential', achievementId: c.achievementId, issuedAt: c.issuedAt };
  const [w] = await db
    .select({ payload: walletItems.payload, mediaType: walletItems.mediaType })
    .from(walletItems)
    .where(and(eq(walletItems.id, id), eq(walletItems.accountId, learnerId)));
  return w ? { kind: 'imported', ...w } : null;
}

/** The versions a learner is pinned to, by pathway. */
export async function listPins(db: Db, learnerId: string, pathwayIds?: string[]): Promise<Map<string, string>> {
  if (pathwayIds && !pathwayIds.length) return new Map();
  const rows = await db
    .select({ pathwayId: pathwayPins.pathwayId, versionId: pathwayPins.versionId })
    .from(pathwayPins)
    .where(
      pathwayIds
        ? and(eq(pathwayPins.learnerId, learnerId), inArray(pathwayPins.pathwayId, pathwayIds))
        : eq(pathwayPins.learnerId, learnerId),
    );
  return new Map(rows.map((r) => [r.pathwayId, r.versionId]));
}

/** Pin a learner to a version unless they are pinned already (the first pin wins). */
export async function insertPin(db: Db, row: typeof pathwayPins.$inferInsert): Promise<void> {
  await db.insert(pathwayPins).values(row).onConflictDoNothing();
}

/** Versions by id. */
export async function findPathwayVersions(db: Db, ids: string[]): Promise<Map<string, PathwayVersionRow>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select()
    .from(pathwayVersions)
    .where(inArray(pathwayVersions.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Published pathways whose latest version awards one of `achievementIds` on completion or as a milestone. */
export async function findPathwaysAwarding(
  db: Db,
  achievementIds: string[],
): Promise<Array<{ pathwayId: string; name: string; achievementId: string }>> {
  if (!achievementIds.length) return [];
  return queryRows<{ pathwayId: string; name: string; achievementId: string }>(
    db,
    sql`select p.id as "pathwayId", v.content->>'name' as "name", a.id as "achievementId"
          from pathways p
          join pathway_versions v on v.id = p.latest_version_id
          cross join lateral (
            select v.completion_achievement_id as id
            union select g->>'milestoneAchievementId' from jsonb_array_elements(v.content->'groups') g
          ) a
         where p.status = 'published' and a.id in (${sql.join(
           [...new Set(achievementIds)].map((id) => sql`${id}`),
           sql`, `,
         )})
         order by p.id`,
  );
}

/** Verified imported credentials by id (raw payloads), of one learner. */
export async function findValidImports(db: Db, learnerId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: walletItems.id, payload: walletItems.payload, mediaType: walletItems.mediaType, name: walletItems.name })
    .from(walletItems)
    .where(and(eq(walletItems.accountId, learnerId), eq(walletItems.verdict, 'valid'), inArray(walletItems.id, ids)));
}

/** Move a learner's pin from one version to another; false when the pin is not on `fromVersionId` (any more). */
export async function movePin(db: Db, opts: { pathwayId: string; learnerId: string; fromVersionId: string; toVersionId: string }) {
  const rows = await db
    .update(pathwayPins)
    .set({ versionId: opts.toVersionId })
    .where(
      and(
        eq(pathwayPins.pathwayId, opts.pathwayId),
        eq(pathwayPins.learnerId, opts.learnerId),
        eq(pathwayPins.versionId, opts.fromVersionId),
      ),
    )
    .returning({ versionId: pathwayPins.versionId });
  return rows.length > 0;
}
