import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import { achievements, achievementVersions, credentials, orgs } from '../db/schema.js';

/** An achievement row. */
export type AchievementRow = typeof achievements.$inferSelect;
/** A version row. */
export type VersionRow = typeof achievementVersions.$inferSelect;
/** An organisation row. */
export type OrgRowLite = typeof orgs.$inferSelect;

/** Insert an achievement. */
export async function insertAchievement(db: Db, row: typeof achievements.$inferInsert): Promise<void> {
  await db.insert(achievements).values(row);
}

/** Update an achievement. */
export async function updateAchievementRow(
  db: Db,
  id: string,
  patch: Partial<typeof achievements.$inferInsert>,
): Promise<AchievementRow | undefined> {
  const [row] = await db.update(achievements).set(patch).where(eq(achievements.id, id)).returning();
  return row;
}

/** An achievement of an organisation, locked for update when asked. */
export async function findAchievement(db: Db, orgId: string, id: string, lock = false): Promise<AchievementRow | undefined> {
  const q = db
    .select()
    .from(achievements)
    .where(and(eq(achievements.orgId, orgId), eq(achievements.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** An achievement by id with its organisation. */
export async function findAchievementWithOrg(db: Db, id: string): Promise<{ achievement: AchievementRow; org: OrgRowLite } | undefined> {
  const [row] = await db
    .select({ achievement: achievements, org: orgs })
    .from(achievements)
    .innerJoin(orgs, eq(orgs.id, achievements.orgId))
    .where(eq(achievements.id, id));
  return row;
}

/** An organisation's achievements, newest first. */
export async function listAchievementRows(db: Db, orgId: string): Promise<AchievementRow[]> {
  return db.select().from(achievements).where(eq(achievements.orgId, orgId)).orderBy(desc(achievements.updatedAt));
}

/** Versions of an achievement, oldest first. */
export async function listVersions(db: Db, achievementId: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(achievementVersions)
    .where(eq(achievementVersions.achievementId, achievementId))
    .orderBy(asc(achievementVersions.version));
}

/** One version. */
export async function findVersion(db: Db, id: string): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(achievementVersions).where(eq(achievementVersions.id, id));
  return row;
}

/** Insert a version. */
export async function insertVersion(db: Db, row: VersionRow): Promise<void> {
  await db.insert(achievementVersions).values(row);
}

/** Number of credentials issued per achievement of an organisation. */
export async function issuedCounts(db: Db, orgId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: credentials.achievementId, n: count() })
    .from(credentials)
    .where(eq(credentials.orgId, orgId))
    .groupBy(credentials.achievementId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

interface CatalogRow {
  achievement_id: string;
  status: 'published' | 'retired';
  version_id: string;
  version: number;
  content: Record<string, unknown> | string;
  published_at: Date | string;
  org: Record<string, unknown> | string;
  total: number | string;
}

/** Published micro-credentials (latest versions) matching the filters, with the total count. */
export async function searchCatalog(
  db: Db,
  opts: {
    q?: string | undefined;
    skill?: string | undefined;
    org?: string | undefined;
    type?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  const where: SQL[] = [sql`a.status = 'published'`];
  const doc = sql`to_tsvector('english', coalesce(v.content->>'name','') || ' ' || coalesce(v.content->>'description','') || ' ' || coalesce(v.content->>'learningGoal','') || ' ' || coalesce(v.content->>'competency','') || ' ' || coalesce(v.content->>'skills',''))`;
  if (opts.q)
    where.push(
      sql`(${doc} @@ websearch_to_tsquery('english', ${opts.q}) or v.content->>'name' ilike ${`%${opts.q.replace(/[%_\\]/g, '\\$&')}%`})`,
    );
  if (opts.skill) where.push(sql`v.content->'skills' @> ${JSON.stringify([opts.skill])}::jsonb`);
  if (opts.org) where.push(sql`o.slug = ${opts.org}`);
  if (opts.type) where.push(sql`v.content->>'achievementType' = ${opts.type}`);
  const rank = opts.q ? sql`ts_rank(${doc}, websearch_to_tsquery('english', ${opts.q})) desc,` : sql``;
  const rows = await queryRows<CatalogRow>(
    db,
    sql`select a.id as achievement_id, a.status, v.id as version_id, v.version, v.content, v.published_at,
               json_build_object('slug', o.slug, 'name', o.name, 'url', o.url, 'image', o.image, 'brandColor', o.brand_color) as org,
               count(*) over() as total
          from achievements a
          join achievement_versions v on v.id = a.latest_version_id
          join orgs o on o.id = a.org_id
         where ${sql.join(where, sql` and `)}
         order by ${rank} v.published_at desc, a.id
         limit ${opts.limit} offset ${opts.offset}`,
  );
  return rows.map((r) => ({
    achievementId: r.achievement_id,
    status: r.status,
    versionId: r.version_id,
    version: Number(r.version),
    content: typeof r.content === 'string' ? (JSON.parse(r.content) as Record<string, unknown>) : r.content,
    publishedAt: new Date(r.published_at),
    org: (typeof r.org === 'string' ? JSON.parse(r.org) : r.org) as {
      slug: string;
      name: string;
      url: string | null;
      image: string | null;
      brandColor: string;
    },
    total: Number(r.total),
  }));
}

/** Values for the catalog filters: skills, organisations and types of published micro-credentials. */
export async function catalogFacets(db: Db) {
  const skills = await queryRows<{ s: string }>(
    db,
    sql`select distinct jsonb_array_elements_text(v.content->'skills') as s from achievements a join achievement_versions v on v.id = a.latest_version_id where a.status = 'published' order by 1`,
  );
  const orgRows = await queryRows<{ slug: string; name: string }>(
    db,
    sql`select distinct o.slug, o.name from achievements a join orgs o on o.id = a.org_id where a.status = 'published' order by o.name`,
  );
  const types = await queryRows<{ t: string }>(
    db,
    sql`select distinct v.content->>'achievementType' as t from achievements a join achievement_versions v on v.id = a.latest_version_id where a.status = 'published' order by 1`,
  );
  return { skills: skills.map((r) => r.s), orgs: orgRows, types: types.map((r) => r.t) };
}
