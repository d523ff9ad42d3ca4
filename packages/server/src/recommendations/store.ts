import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
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

/** A published micro-credential aligned (in its latest version) to one of the asked-for skills, with what ranking needs. */
export interface AlignedCandidateRow {
  achievementId: string;
  skillId: string;
  uri: string | null;
  name: string;
  orgName: string;
  learners: number;
}

/**
 * Published micro-credentials whose latest version is aligned to the skills named by `uris` (skills' own URIs) or
 * `ids`, with name, issuer and popularity, in one index-driven query: skills by URI or id, alignments by skill, then
 * each item by primary key. Retired, draft and superseded versions never come back.
 */
export async function alignedCandidates(db: Db, opts: { uris: string[]; ids: string[] }): Promise<AlignedCandidateRow[]> {
  if (!opts.uris.length && !opts.ids.length) return [];
  return db
    .select({
      achievementId: achievementAlignments.achievementId,
      skillId: skills.id,
      uri: skills.uri,
      name: sql<string>`${achievementVersions.content}->>'name'`,
      orgName: orgs.name,
      learners: sql<number>`coalesce(${achievementEarners.learners}, 0)::int`,
    })
    .from(skills)
    .innerJoin(achievementAlignments, eq(achievementAlignments.skillId, skills.id))
    .innerJoin(
      achievements,
      and(
        eq(achievements.id, achievementAlignments.achievementId),
        eq(achievements.latestVersionId, achievementAlignments.versionId),
        eq(achievements.status, 'published'),
      ),
    )
    .innerJoin(achievementVersions, eq(achievementVersions.id, achievements.latestVersionId))
    .innerJoin(orgs, eq(orgs.id, achievements.orgId))
    .leftJoin(achievementEarners, eq(achievementEarners.achievementId, achievements.id))
    .where(or(opts.uris.length ? inArray(skills.uri, opts.uris) : undefined, opts.ids.length ? inArray(skills.id, opts.ids) : undefined));
}

/** One precomputed co-earning row from a learner's item to a published item, with both items' popularity and the later one's name. */
export interface CoEarningRow {
  beforeId: string;
  afterId: string;
  learners: number;
  beforeLearners: number;
  afterLearners: number;
  afterName: string;
  afterOrgName: string;
}

/**
 * The precomputed co-earning rows that start from the learner's items: the `perItem` strongest for each, keeping
 * only published later items, with names and popularity joined in (one query).
 */
export async function coEarningFrom(db: Db, beforeIds: string[], perItem: number): Promise<CoEarningRow[]> {
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
    .innerJoin(achievements, and(eq(achievements.id, coEarnings.afterId), eq(achievements.status, 'published')))
    .where(inArray(coEarnings.beforeId, beforeIds))
    .as('ranked');
  const before = alias(achievementEarners, 'before_earners');
  const after = alias(achievementEarners, 'after_earners');
  return db
    .select({
      beforeId: ranked.beforeId,
      afterId: ranked.afterId,
      learners: ranked.learners,
      beforeLearners: sql<number>`coalesce(${before.learners}, 0)::int`,
      afterLearners: sql<number>`coalesce(${after.learners}, 0)::int`,
      afterName: sql<string>`${achievementVersions.content}->>'name'`,
      afterOrgName: orgs.name,
    })
    .from(ranked)
    .innerJoin(achievements, eq(achievements.id, ranked.afterId))
    .innerJoin(achievementVersions, eq(achievementVersions.id, achievements.latestVersionId))
    .innerJoin(orgs, eq(orgs.id, achievements.orgId))
    .leftJoin(before, eq(before.achievementId, ranked.beforeId))
    .leftJoin(after, eq(after.achievementId, ranked.afterId))
    .where(sql`${ranked.n} <= ${perItem}`);
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
