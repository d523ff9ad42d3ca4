import { and, asc, eq, gt, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  achievementVersions,
  awards,
  credentials,
  learnerGoals,
  occupationSkills,
  occupations,
  orgRoles,
  orgs,
  roleSkills,
  skillProfileSettings,
  skills,
  walletItems,
} from '../db/schema.js';

/** A stored occupation. */
export type OccupationRow = typeof occupations.$inferSelect;
/** A stored occupation skill. */
export type OccupationSkillRow = typeof occupationSkills.$inferSelect;
/** A stored organisation role. */
export type OrgRoleRow = typeof orgRoles.$inferSelect;
/** A stored role skill. */
export type RoleSkillRow = typeof roleSkills.$inferSelect;
/** A stored goal. */
export type GoalRow = typeof learnerGoals.$inferSelect;

/** Insert or update occupations and replace their skills (one transaction). */
export async function upsertOccupations(db: Db, rows: Array<{ occupation: OccupationRow; skills: OccupationSkillRow[] }>): Promise<void> {
  await db.transaction(async (tx) => {
    for (const r of rows) {
      await tx
        .insert(occupations)
        .values(r.occupation)
        .onConflictDoUpdate({
          target: occupations.code,
          set: { title: r.occupation.title, description: r.occupation.description, source: r.occupation.source },
        });
      await tx.delete(occupationSkills).where(eq(occupationSkills.occupationCode, r.occupation.code));
      if (r.skills.length) await tx.insert(occupationSkills).values(r.skills);
    }
  });
}

/** How many occupations are stored. */
export async function countOccupations(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(occupations);
  return r?.n ?? 0;
}

/** Occupations whose title or code matches `q` (all when empty), with their skill counts, by title. */
export async function listOccupationRows(db: Db, q: string) {
  const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return db
    .select({
      code: occupations.code,
      title: occupations.title,
      description: occupations.description,
      skillCount: sql<number>`(select count(*)::int from occupation_skills s where s.occupation_code = ${occupations.code})`,
    })
    .from(occupations)
    .where(q ? or(ilike(occupations.title, like), ilike(occupations.code, like)) : undefined)
    .orderBy(asc(occupations.title))
    .limit(200);
}

/** One occupation and its skills, most important first. */
export async function findOccupation(
  db: Db,
  code: string,
): Promise<{ occupation: OccupationRow; skills: OccupationSkillRow[] } | undefined> {
  const [occupation] = await db.select().from(occupations).where(eq(occupations.code, code));
  if (!occupation) return undefined;
  const skills = await db
    .select()
    .from(occupationSkills)
    .where(eq(occupationSkills.occupationCode, code))
    .orderBy(sql`${occupationSkills.importance} desc`, asc(occupationSkills.skillName));
  return { occupation, skills };
}

/** A role with its organisation and skills. */
export interface RoleWithSkills {
  role: OrgRoleRow;
  org: { slug: string; name: string };
  skills: RoleSkillRow[];
}

async function withSkills(db: Db, rows: Array<{ role: OrgRoleRow; slug: string; name: string }>): Promise<RoleWithSkills[]> {
  const ids = rows.map((r) => r.role.id);
  const skills = ids.length
    ? await db.select().from(roleSkills).where(inArray(roleSkills.roleId, ids)).orderBy(asc(roleSkills.skillName))
    : [];
  return rows.map((r) => ({ role: r.role, org: { slug: r.slug, name: r.name }, skills: skills.filter((s) => s.roleId === r.role.id) }));
}

/** Roles of one organisation, or all public roles (`orgId` null), by title. */
export async function listRoles(db: Db, opts: { orgId: string | null; q?: string }): Promise<RoleWithSkills[]> {
  const like = opts.q ? `%${opts.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  const rows = await db
    .select({ role: orgRoles, slug: orgs.slug, name: orgs.name })
    .from(orgRoles)
    .innerJoin(orgs, eq(orgs.id, orgRoles.orgId))
    .where(and(opts.orgId ? eq(orgRoles.orgId, opts.orgId) : eq(orgRoles.isPublic, true), like ? ilike(orgRoles.title, like) : undefined))
    .orderBy(asc(orgRoles.title))
    .limit(500);
  return withSkills(db, rows);
}

/** One role with its organisation and skills. */
export async function findRole(db: Db, id: string): Promise<RoleWithSkills | undefined> {
  const rows = await db
    .select({ role: orgRoles, slug: orgs.slug, name: orgs.name })
    .from(orgRoles)
    .innerJoin(orgs, eq(orgs.id, orgRoles.orgId))
    .where(eq(orgRoles.id, id));
  return (await withSkills(db, rows))[0];
}

/** Create or replace a role and its skills (one transaction). */
export async function saveRole(db: Db, role: OrgRoleRow, skills: RoleSkillRow[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(orgRoles)
      .values(role)
      .onConflictDoUpdate({
        target: orgRoles.id,
        set: { title: role.title, description: role.description, isPublic: role.isPublic, updatedAt: role.updatedAt },
      });
    await tx.delete(roleSkills).where(eq(roleSkills.roleId, role.id));
    if (skills.length) await tx.insert(roleSkills).values(skills);
  });
}

/** Delete a role of an organisation (goals on it go with it). */
export async function deleteRole(db: Db, orgId: string, id: string): Promise<boolean> {
  return (
    (
      await db
        .delete(orgRoles)
        .where(and(eq(orgRoles.orgId, orgId), eq(orgRoles.id, id)))
        .returning({ id: orgRoles.id })
    ).length > 0
  );
}

/** Add a goal; returns the existing one when the learner already has this target. */
export async function insertGoal(db: Db, row: GoalRow): Promise<GoalRow> {
  const [created] = await db.insert(learnerGoals).values(row).onConflictDoNothing().returning();
  if (created) return created;
  const [existing] = await db
    .select()
    .from(learnerGoals)
    .where(and(eq(learnerGoals.accountId, row.accountId), eq(learnerGoals.target, row.target)));
  if (!existing) throw new Error('goal vanished');
  return existing;
}

/** A learner's goals with their titles, oldest first. */
export async function listGoals(db: Db, accountId: string, id?: string) {
  return db
    .select({ goal: learnerGoals, occupationTitle: occupations.title, roleTitle: orgRoles.title, orgName: orgs.name })
    .from(learnerGoals)
    .leftJoin(occupations, eq(occupations.code, learnerGoals.occupationCode))
    .leftJoin(orgRoles, eq(orgRoles.id, learnerGoals.roleId))
    .leftJoin(orgs, eq(orgs.id, orgRoles.orgId))
    .where(and(eq(learnerGoals.accountId, accountId), id ? eq(learnerGoals.id, id) : undefined))
    .orderBy(asc(learnerGoals.createdAt));
}

/** Remove one of a learner's goals. */
export async function deleteGoal(db: Db, accountId: string, id: string): Promise<boolean> {
  return (
    (
      await db
        .delete(learnerGoals)
        .where(and(eq(learnerGoals.accountId, accountId), eq(learnerGoals.id, id)))
        .returning({ id: learnerGoals.id })
    ).length > 0
  );
}

/** Whether the learner's skills page is public. */
export async function isProfilePublic(db: Db, accountId: string): Promise<boolean> {
  const [r] = await db
    .select({ p: skillProfileSettings.isPublic })
    .from(skillProfileSettings)
    .where(eq(skillProfileSettings.accountId, accountId));
  return r?.p ?? false;
}

/** Turn the learner's public skills page on or off. */
export async function setProfilePublic(db: Db, accountId: string, isPublic: boolean, now: Date): Promise<void> {
  await db
    .insert(skillProfileSettings)
    .values({ accountId, isPublic, updatedAt: now })
    .onConflictDoUpdate({ target: skillProfileSettings.accountId, set: { isPublic, updatedAt: now } });
}

/**
 * The learner's current earned credentials that verify today (not revoked, not suspended, not expired, not replaced),
 * oldest first, with their version content (name, rubric), the award's rubric results and the issuer's name.
 */
export async function listVerifiedEarned(db: Db, accountId: string, now: Date) {
  return db
    .select({
      id: credentials.id,
      visibility: credentials.visibility,
      achievementId: credentials.achievementId,
      versionId: credentials.versionId,
      issuedAt: credentials.issuedAt,
      content: achievementVersions.content,
      results: awards.results,
      orgName: orgs.name,
    })
    .from(credentials)
    .innerJoin(achievementVersions, eq(achievementVersions.id, credentials.versionId))
    .innerJoin(orgs, eq(orgs.id, credentials.orgId))
    .leftJoin(awards, eq(awards.id, credentials.awardId))
    .where(
      and(
        eq(credentials.learnerId, accountId),
        isNull(credentials.replacedBy),
        isNull(credentials.revokedAt),
        isNull(credentials.suspendedAt),
        or(isNull(credentials.validUntil), gt(credentials.validUntil, now)),
      ),
    )
    .orderBy(asc(credentials.issuedAt), asc(credentials.id));
}

/** The learner's imported credentials whose last verification was valid, with the stored report (which holds the credential). */
export async function listValidImports(db: Db, accountId: string) {
  return db
    .select({
      id: walletItems.id,
      name: walletItems.name,
      issuerName: walletItems.issuerName,
      sourceUrl: walletItems.sourceUrl,
      report: walletItems.report,
      verifiedAt: walletItems.verifiedAt,
    })
    .from(walletItems)
    .where(and(eq(walletItems.accountId, accountId), eq(walletItems.verdict, 'valid')))
    .orderBy(asc(walletItems.createdAt));
}

/** Live framework skills whose URI is one of `uris` (to name dataset skills by this installation's canonical URL). */
export async function liveSkillsByUri(db: Db, uris: string[]): Promise<Array<{ id: string; uri: string | null }>> {
  if (!uris.length) return [];
  return db
    .select({ id: skills.id, uri: skills.uri })
    .from(skills)
    .where(and(inArray(skills.uri, uris), isNull(skills.retiredAt)));
}
