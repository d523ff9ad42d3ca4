import { and, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  achievementAlignments,
  achievementEarners,
  achievements,
  achievementVersions,
  coEarnings,
  orgs,
  recommendationStats,
  skills,
} from '../db/schema.js';

/** A micro-credential's current state: whether it is published, and which version is the latest. */
export interface AchievementHead {
  id: string;
  status: 'draft' | 'published' | 'retired';
  latestVersionId: string | null;
}

/**
 * Alignments of published versions to the skills named by `uris` (skills' own URIs) or `ids`. Two index-driven steps
 * (skills by URI or id, then alignments by skill), so the planner never scans the alignment table.
 */
export async function alignmentsToSkills(db: Db, opts: { uris: string[]; ids: string[] }) {
  if (!opts.uris.length && !opts.ids.length) return [];
  const found = await db
    .select({ id: skills.id, uri: skills.uri })
    .from(skills)
    .where(or(opts.uris.length ? inArray(skills.uri, opts.uris) : undefined, opts.ids.length ? inArray(skills.id, opts.ids) : undefined));
  if (!found.length) return [];
  const uriOf = new Map(found.map((k) => [k.id, k.uri]));
  const rows = await db
    .select({
      achievementId: achievementAlignments.achievementId,
      versionId: achievementAlignments.versionId,
      skillId: achievementAlignments.skillId,
    })
    .from(achievementAlignments)
    .where(and(inArray(achievementAlignments.skillId, [...uriOf.keys()]), isNotNull(achievementAlignments.versionId)));
  return rows.map((r) => ({ ...r, uri: uriOf.get(r.skillId) ?? null }));
}

/** The status and latest version of micro-credentials, by id. */
export async function achievementHeads(db: Db, ids: string[]): Promise<AchievementHead[]> {
  if (!ids.length) return [];
  return db
    .select({ id: achievements.id, status: achievements.status, latestVersionId: achievements.latestVersionId })
    .from(achievements)
    .where(inArray(achievements.id, ids));
}

/** Names (from the latest version) and issuers of micro-credentials, by id. */
export async function achievementNames(db: Db, ids: string[]): Promise<Array<{ id: string; name: string; orgName: string }>> {
  if (!ids.length) return [];
  return db
    .select({ id: achievements.id, name: sql<string>`${achievementVersions.content}->>'name'`, orgName: orgs.name })
    .from(achievements)
    .innerJoin(achievementVersions, eq(achievementVersions.id, achievements.latestVersionId))
    .innerJoin(orgs, eq(orgs.id, achievements.orgId))
    .where(inArray(achievements.id, ids));
}

/** The precomputed co-earning rows that start from the learner's items: the `perItem` strongest for each. */
export async function coEarningFrom(db: Db, beforeIds: string[], perItem: number) {
  if (!beforeIds.length) return [];
  const ranked = db
    .select({
      beforeId: coEarnings.beforeId,
      afterId: coEarnings.afterId,
      learners: coEarnings.learners,
      n: sql<number>`row_number() over (partition by ${coEarnings.beforeId} order by ${coEarnings.learners} desc, ${coEarnings.afterId})`.as(
        'n',
      ),
    })
    .from(coEarnings)
    .where(inArray(coEarnings.beforeId, beforeIds))
    .as('ranked');
  return db
    .select({ beforeId: ranked.beforeId, afterId: ranked.afterId, learners: ranked.learners })
    .from(ranked)
    .where(sql`${ranked.n} <= ${perItem}`);
}

/** Precomputed popularity of the given items. */
export async function earnersOf(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db.select().from(achievementEarners).where(inArray(achievementEarners.achievementId, ids));
  return new Map(rows.map((r) => [r.achievementId, r.learners]));
}

/** When the statistics were last refreshed (null: never). */
export async function statsRefreshedAt(db: Db): Promise<Date | null> {
  const [r] = await db
    .select({ at: recommendationStats.refreshedAt })
    .from(recommendationStats)
    .where(eq(recommendationStats.id, 'co_earning'));
  return r?.at ?? null;
}

/**
 * Recompute co-earning and popularity from current credentials in one transaction: for each learner, every pair of
 * items (first time earned) where one was earned before the other. Runs in the database; no rows come to the process.
 */
export async function refreshStats(db: Db, now: Date): Promise<{ learners: number; pairs: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`delete from co_earnings`);
    await tx.execute(sql`delete from achievement_earners`);
    await tx.execute(sql`create temporary table rec_firsts on commit drop as
      select learner_id, achievement_id, min(issued_at) as at from credentials
      where learner_id is not null and replaced_by is null and revoked_at is null
      group by learner_id, achievement_id`);
    await tx.execute(sql`create index on rec_firsts (learner_id)`);
    await tx.execute(
      sql`insert into achievement_earners (achievement_id, learners) select achievement_id, count(*) from rec_firsts group by achievement_id`,
    );
    await tx.execute(sql`insert into co_earnings (before_id, after_id, learners)
      select a.achievement_id, b.achievement_id, count(*) from rec_firsts a join rec_firsts b on a.learner_id = b.learner_id and a.at < b.at
      group by a.achievement_id, b.achievement_id`);
    const [l] = await tx.select({ n: sql<number>`count(distinct learner_id)::int` }).from(sql`rec_firsts`);
    const [p] = await tx.select({ n: sql<number>`count(*)::int` }).from(coEarnings);
    const learners = l?.n ?? 0;
    await tx
      .insert(recommendationStats)
      .values({ id: 'co_earning', refreshedAt: now, learners })
      .onConflictDoUpdate({ target: recommendationStats.id, set: { refreshedAt: now, learners } });
    return { learners, pairs: p?.n ?? 0 };
  });
}

/** The most popular published items (a fallback when the learner has no goal gap). */
export async function popularPublished(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: achievementEarners.achievementId })
    .from(achievementEarners)
    .innerJoin(achievements, eq(achievements.id, achievementEarners.achievementId))
    .where(eq(achievements.status, 'published'))
    .orderBy(desc(achievementEarners.learners))
    .limit(limit);
  return rows.map((r) => r.id);
}
