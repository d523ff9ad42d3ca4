import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { achievementAlignments, skillAssociations, skillFrameworks, skills } from '../db/schema.js';

/** A skill framework row. */
export type SkillFrameworkRow = typeof skillFrameworks.$inferSelect;
/** A skill row. */
export type SkillRow = typeof skills.$inferSelect;
/** A skill association row. */
export type SkillAssociationRow = typeof skillAssociations.$inferSelect;
/** An achievement alignment row. */
export type AchievementAlignmentRow = typeof achievementAlignments.$inferSelect;

/** A skill with the framework it belongs to. */
export interface SkillWithFramework extends SkillRow {
  framework: Pick<SkillFrameworkRow, 'id' | 'orgId' | 'title' | 'sourceKind' | 'sourceUri' | 'version'>;
}

/** An aligned skill: the skill, its framework, and the criterion it is aligned to (null: the whole micro-credential). */
export interface AlignedSkill extends SkillWithFramework {
  criterionId: string | null;
}

/** Rows per INSERT statement: well under PostgreSQL's 65,535 bind parameters. */
export const BATCH = 1000;

const frameworkCols = {
  id: skillFrameworks.id,
  orgId: skillFrameworks.orgId,
  title: skillFrameworks.title,
  sourceKind: skillFrameworks.sourceKind,
  sourceUri: skillFrameworks.sourceUri,
  version: skillFrameworks.version,
};

/** Frameworks a viewer in `orgId` sees: platform-wide ones and the organisation's own (null: platform-wide only). */
function visibleTo(orgId: string | null): SQL | undefined {
  return orgId ? or(isNull(skillFrameworks.orgId), eq(skillFrameworks.orgId, orgId)) : isNull(skillFrameworks.orgId);
}

/** The framework with a source identifier in a scope (org id, or null for platform-wide), locked when asked. */
export async function findFrameworkBySource(
  db: Db,
  orgId: string | null,
  kind: SkillFrameworkRow['sourceKind'],
  sourceId: string,
  lock = false,
): Promise<SkillFrameworkRow | undefined> {
  const q = db
    .select()
    .from(skillFrameworks)
    .where(
      and(
        orgId ? eq(skillFrameworks.orgId, orgId) : isNull(skillFrameworks.orgId),
        eq(skillFrameworks.sourceKind, kind),
        eq(skillFrameworks.sourceId, sourceId),
      ),
    );
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** A framework by id. */
export async function findFramework(db: Db, id: string): Promise<SkillFrameworkRow | undefined> {
  const [row] = await db.select().from(skillFrameworks).where(eq(skillFrameworks.id, id));
  return row;
}

/** Frameworks visible in a scope, platform-wide first, then by title. */
export async function listFrameworks(db: Db, orgId: string | null): Promise<SkillFrameworkRow[]> {
  return db
    .select()
    .from(skillFrameworks)
    .where(visibleTo(orgId))
    .orderBy(sql`${skillFrameworks.orgId} is not null`, asc(skillFrameworks.title));
}

/** Insert a framework. */
export async function insertFramework(db: Db, row: typeof skillFrameworks.$inferInsert): Promise<SkillFrameworkRow> {
  const [r] = await db.insert(skillFrameworks).values(row).returning();
  if (!r) throw new Error('framework insert returned nothing');
  return r;
}

/** Update a framework's fields. */
export async function updateFramework(db: Db, id: string, patch: Partial<typeof skillFrameworks.$inferInsert>): Promise<SkillFrameworkRow> {
  const [r] = await db.update(skillFrameworks).set(patch).where(eq(skillFrameworks.id, id)).returning();
  if (!r) throw new Error(`framework ${id} vanished`);
  return r;
}

/** Identifier → skill id of every skill (retired ones too) of a framework. */
export async function skillIdsByIdentifier(db: Db, frameworkId: string): Promise<Map<string, string>> {
  const rows = await db.select({ id: skills.id, identifier: skills.identifier }).from(skills).where(eq(skills.frameworkId, frameworkId));
  return new Map(rows.map((r) => [r.identifier, r.id]));
}

/** Mark every skill of a framework retired (a re-import then revives the ones it still has). */
export async function retireAllSkills(db: Db, frameworkId: string, at: Date): Promise<void> {
  await db.update(skills).set({ retiredAt: at }).where(eq(skills.frameworkId, frameworkId));
}

/** Insert or update skills by (framework, identifier), keeping existing ids; at most `BATCH` rows per call. */
export async function upsertSkills(db: Db, rows: Array<typeof skills.$inferInsert>): Promise<void> {
  if (!rows.length) return;
  await db
    .insert(skills)
    .values(rows)
    .onConflictDoUpdate({
      target: [skills.frameworkId, skills.identifier],
      set: {
        code: sql`excluded.code`,
        name: sql`excluded.name`,
        description: sql`excluded.description`,
        uri: sql`excluded.uri`,
        type: sql`excluded.type`,
        parentId: sql`excluded.parent_id`,
        position: sql`excluded.position`,
        retiredAt: sql`null`,
      },
    });
}

/** Delete every association of a framework (a re-import writes them again). */
export async function deleteAssociations(db: Db, frameworkId: string): Promise<void> {
  await db.delete(skillAssociations).where(eq(skillAssociations.frameworkId, frameworkId));
}

/** Insert associations; at most `BATCH` rows per call. */
export async function insertAssociations(db: Db, rows: Array<typeof skillAssociations.$inferInsert>): Promise<void> {
  if (rows.length) await db.insert(skillAssociations).values(rows);
}

/** Live skills and associations of a framework, counted. */
export async function countFramework(db: Db, frameworkId: string): Promise<{ skills: number; associations: number }> {
  const [s] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(skills)
    .where(and(eq(skills.frameworkId, frameworkId), isNull(skills.retiredAt)));
  const [a] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(skillAssociations)
    .where(eq(skillAssociations.frameworkId, frameworkId));
  return { skills: s?.n ?? 0, associations: a?.n ?? 0 };
}

/** Live skills of a framework under a parent (null: the roots), in order, each with its number of live children. */
export async function listChildren(
  db: Db,
  frameworkId: string,
  parentId: string | null,
  limit: number,
): Promise<Array<SkillRow & { childCount: number }>> {
  // Written out: drizzle renders a lone column unqualified, which inside the subquery would mean `c`'s own column.
  const child = sql<number>`(select count(*)::int from skills c where c.framework_id = "skills"."framework_id" and c.parent_id = "skills"."id" and c.retired_at is null)`;
  return db
    .select({ ...getSkillColumns(), childCount: child })
    .from(skills)
    .where(
      and(
        eq(skills.frameworkId, frameworkId),
        parentId ? eq(skills.parentId, parentId) : isNull(skills.parentId),
        isNull(skills.retiredAt),
      ),
    )
    .orderBy(asc(skills.position), asc(skills.name))
    .limit(limit);
}

function getSkillColumns() {
  return {
    id: skills.id,
    frameworkId: skills.frameworkId,
    identifier: skills.identifier,
    code: skills.code,
    name: skills.name,
    description: skills.description,
    uri: skills.uri,
    type: skills.type,
    parentId: skills.parentId,
    position: skills.position,
    retiredAt: skills.retiredAt,
  };
}

/** The search expression; the same text as the GIN index `skills_search_idx`, so the index serves it. */
const searchText = sql`to_tsvector('simple', ${skills.name} || ' ' || coalesce(${skills.code}, '') || ' ' || ${skills.description})`;

/** Words of a query as a prefix tsquery (`teach:* & onlin:*`), or null when it has none. */
export function toPrefixQuery(q: string): string | null {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length
    ? words
        .slice(0, 8)
        .map((w) => `${w}:*`)
        .join(' & ')
    : null;
}

/** Full-text search over live skills of the frameworks visible in a scope (or one framework), best first. */
export async function searchSkillRows(
  db: Db,
  opts: { q: string; orgId: string | null; frameworkId?: string; limit: number },
): Promise<SkillWithFramework[]> {
  const tsq = toPrefixQuery(opts.q);
  const code = opts.q.trim().toLowerCase();
  const match = tsq
    ? or(sql`${searchText} @@ to_tsquery('simple', ${tsq})`, sql`lower(${skills.code}) = ${code}`)
    : sql`lower(${skills.code}) = ${code}`;
  const rank = tsq
    ? sql`case when lower(${skills.code}) = ${code} then 2 else ts_rank(${searchText}, to_tsquery('simple', ${tsq})) end`
    : sql`1`;
  const rows = await db
    .select({ skill: skills, framework: frameworkCols })
    .from(skills)
    .innerJoin(skillFrameworks, eq(skillFrameworks.id, skills.frameworkId))
    .where(
      and(visibleTo(opts.orgId), opts.frameworkId ? eq(skills.frameworkId, opts.frameworkId) : undefined, isNull(skills.retiredAt), match),
    )
    .orderBy(sql`${rank} desc`, asc(skills.name))
    .limit(opts.limit);
  return rows.map((r) => ({ ...r.skill, framework: r.framework }));
}

/** Skills by id with their frameworks (retired ones too: alignments keep them), in no particular order. */
export async function findSkillRows(db: Db, ids: readonly string[]): Promise<SkillWithFramework[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ skill: skills, framework: frameworkCols })
    .from(skills)
    .innerJoin(skillFrameworks, eq(skillFrameworks.id, skills.frameworkId))
    .where(inArray(skills.id, [...ids]));
  return rows.map((r) => ({ ...r.skill, framework: r.framework }));
}

/** Live skills whose `uri` is one of `uris`, or (when `code` is given) whose code matches it case-insensitively. */
export async function findSkillsByUriOrCode(db: Db, opts: { uris: string[]; code: string | null }): Promise<SkillWithFramework[]> {
  const conds: SQL[] = [];
  if (opts.uris.length) conds.push(inArray(skills.uri, opts.uris));
  if (opts.code) conds.push(sql`lower(${skills.code}) = ${opts.code.toLowerCase()}`);
  if (!conds.length) return [];
  const rows = await db
    .select({ skill: skills, framework: frameworkCols })
    .from(skills)
    .innerJoin(skillFrameworks, eq(skillFrameworks.id, skills.frameworkId))
    .where(and(isNull(skills.retiredAt), or(...conds)))
    .limit(50);
  return rows.map((r) => ({ ...r.skill, framework: r.framework }));
}

/** Alignments of a draft (versionId null) or a published version, with skills and frameworks, in order. */
export async function listAlignmentRows(db: Db, opts: { achievementId?: string; versionId: string | null }): Promise<AlignedSkill[]> {
  return (
    await listAlignmentRowsWhere(
      db,
      opts.versionId ? eq(achievementAlignments.versionId, opts.versionId) : isNull(achievementAlignments.versionId),
      opts.achievementId,
    )
  ).map((r) => r.skill);
}

/** Alignment rows of several published versions in one query, each with its version id. */
export async function listVersionsAlignmentRows(db: Db, versionIds: string[]): Promise<Array<{ versionId: string; skill: AlignedSkill }>> {
  if (!versionIds.length) return [];
  return (await listAlignmentRowsWhere(db, inArray(achievementAlignments.versionId, versionIds))).flatMap((r) =>
    r.versionId ? [{ versionId: r.versionId, skill: r.skill }] : [],
  );
}

async function listAlignmentRowsWhere(
  db: Db,
  version: SQL,
  achievementId?: string,
): Promise<Array<{ versionId: string | null; skill: AlignedSkill }>> {
  const rows = await db
    .select({
      skill: skills,
      framework: frameworkCols,
      criterionId: achievementAlignments.criterionId,
      versionId: achievementAlignments.versionId,
    })
    .from(achievementAlignments)
    .innerJoin(skills, eq(skills.id, achievementAlignments.skillId))
    .innerJoin(skillFrameworks, eq(skillFrameworks.id, skills.frameworkId))
    .where(and(version, achievementId ? eq(achievementAlignments.achievementId, achievementId) : undefined))
    .orderBy(asc(achievementAlignments.position));
  return rows.map((r) => ({ versionId: r.versionId, skill: { ...r.skill, framework: r.framework, criterionId: r.criterionId } }));
}

/** Replace a draft's alignments. */
export async function replaceDraftAlignments(
  db: Db,
  opts: { orgId: string; achievementId: string; rows: Array<{ id: string; criterionId: string | null; skillId: string }> },
): Promise<void> {
  await db
    .delete(achievementAlignments)
    .where(and(eq(achievementAlignments.achievementId, opts.achievementId), isNull(achievementAlignments.versionId)));
  if (!opts.rows.length) return;
  await db
    .insert(achievementAlignments)
    .values(opts.rows.map((r, i) => ({ ...r, orgId: opts.orgId, achievementId: opts.achievementId, versionId: null, position: i })));
}

/** Copy a draft's alignments onto a published version (which must have none yet). */
export async function copyDraftAlignments(
  db: Db,
  opts: { achievementId: string; versionId: string; newId: () => string },
): Promise<number> {
  const draft = await db
    .select()
    .from(achievementAlignments)
    .where(and(eq(achievementAlignments.achievementId, opts.achievementId), isNull(achievementAlignments.versionId)));
  if (!draft.length) return 0;
  await db.insert(achievementAlignments).values(draft.map((r) => ({ ...r, id: opts.newId(), versionId: opts.versionId })));
  return draft.length;
}

/** (criterion, skill) pairs of a draft or version, as sortable keys. */
export async function alignmentKeys(db: Db, achievementId: string, versionId: string | null): Promise<string[]> {
  const rows = await db
    .select({ c: achievementAlignments.criterionId, s: achievementAlignments.skillId })
    .from(achievementAlignments)
    .where(
      and(
        eq(achievementAlignments.achievementId, achievementId),
        versionId ? eq(achievementAlignments.versionId, versionId) : isNull(achievementAlignments.versionId),
      ),
    );
  return rows.map((r) => `${r.c ?? ''}\u0000${r.s}`).sort();
}
