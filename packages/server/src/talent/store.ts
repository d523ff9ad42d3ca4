import { and, desc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  accounts,
  achievementAlignments,
  credentials,
  occupationSkills,
  occupations,
  orgRoles,
  orgs,
  roleSkills,
  skillProfileSettings,
  talentContacts,
  talentProfileViews,
  talentProfiles,
  talentSearchHits,
  talentSearches,
} from '../db/schema.js';

/** A stored talent profile (the learner's consent and what employers see). */
export type TalentProfileRow = typeof talentProfiles.$inferSelect;
/** A stored contact request. */
export type TalentContactRow = typeof talentContacts.$inferSelect;

/** The learner's talent settings and account name (settings undefined until they first save). */
export async function findTalentProfile(db: Db, accountId: string) {
  const [row] = await db
    .select({ profile: talentProfiles, accountName: accounts.name, email: accounts.email })
    .from(accounts)
    .leftJoin(talentProfiles, eq(talentProfiles.accountId, accounts.id))
    .where(eq(accounts.id, accountId));
  return row;
}

/** A learner who currently consents to employer search, or undefined (opted out, never opted in, or unknown). */
export async function findDiscoverable(db: Db, accountId: string) {
  const [row] = await db
    .select({ profile: talentProfiles, accountName: accounts.name, email: accounts.email })
    .from(talentProfiles)
    .innerJoin(accounts, eq(accounts.id, talentProfiles.accountId))
    .where(and(eq(talentProfiles.accountId, accountId), eq(talentProfiles.discoverable, true)));
  return row;
}

/** Those of `accountIds` who currently consent to employer search (one query), with their account names. */
export async function findDiscoverableMany(db: Db, accountIds: string[]) {
  if (!accountIds.length) return [];
  return db
    .select({ profile: talentProfiles, accountName: accounts.name })
    .from(talentProfiles)
    .innerJoin(accounts, eq(accounts.id, talentProfiles.accountId))
    .where(and(inArray(talentProfiles.accountId, accountIds), eq(talentProfiles.discoverable, true)));
}

/** Create or replace the learner's talent settings. */
export async function upsertTalentProfile(db: Db, row: TalentProfileRow): Promise<void> {
  const { accountId: _id, ...set } = row;
  await db.insert(talentProfiles).values(row).onConflictDoUpdate({ target: talentProfiles.accountId, set });
}

/** Whether the learner's public skills page (careers) is on. Read-only look at the careers setting. */
export async function hasPublicSkillsPage(db: Db, accountId: string): Promise<boolean> {
  const [r] = await db
    .select({ p: skillProfileSettings.isPublic })
    .from(skillProfileSettings)
    .where(eq(skillProfileSettings.accountId, accountId));
  return r?.p ?? false;
}

/** One organisation's role and its required skills (undefined when the role is not the organisation's). */
export async function findOrgRoleSkills(db: Db, orgId: string, roleId: string) {
  const [role] = await db
    .select({ id: orgRoles.id, title: orgRoles.title })
    .from(orgRoles)
    .where(and(eq(orgRoles.id, roleId), eq(orgRoles.orgId, orgId)));
  if (!role) return undefined;
  const skills = await db.select().from(roleSkills).where(eq(roleSkills.roleId, roleId));
  return { role, skills };
}

/** An occupation's title, or undefined when unknown. */
export async function findOccupationTitle(db: Db, code: string): Promise<string | undefined> {
  const [row] = await db.select({ title: occupations.title }).from(occupations).where(eq(occupations.code, code));
  return row?.title;
}

/** An occupation's skills (empty when unknown), most important first. */
export async function findOccupationSkills(db: Db, code: string) {
  return db
    .select()
    .from(occupationSkills)
    .where(eq(occupationSkills.occupationCode, code))
    .orderBy(desc(occupationSkills.importance), occupationSkills.skillName);
}

/**
 * Consenting learners holding a current, non-private earned credential aligned (as a whole or by a rubric criterion) to
 * any of `skillIds`, with how many of those skills they show, best first. One aggregate query over indexed joins
 * (alignments by skill, credentials by version and learner, the partial index of consenting profiles); nobody else is
 * read. Levels and imported credentials are judged afterwards, on these candidates only.
 */
export async function findCandidates(db: Db, opts: { skillIds: string[]; now: Date; limit: number }) {
  if (!opts.skillIds.length) return [];
  const matched = sql<number>`count(distinct ${achievementAlignments.skillId})::int`;
  return db
    .select({ accountId: credentials.learnerId, matched })
    .from(achievementAlignments)
    .innerJoin(credentials, eq(credentials.versionId, achievementAlignments.versionId))
    .innerJoin(talentProfiles, and(eq(talentProfiles.accountId, credentials.learnerId), eq(talentProfiles.discoverable, true)))
    .where(
      and(
        inArray(achievementAlignments.skillId, opts.skillIds),
        isNull(credentials.replacedBy),
        isNull(credentials.revokedAt),
        isNull(credentials.suspendedAt),
        ne(credentials.visibility, 'private'),
        or(isNull(credentials.validUntil), gt(credentials.validUntil, opts.now)),
      ),
    )
    .groupBy(credentials.learnerId)
    .orderBy(desc(matched), sql`max(${credentials.issuedAt}) desc`, credentials.learnerId)
    .limit(opts.limit);
}

/** Record a search and the learners it returned (one transaction is the caller's). */
export async function insertSearch(
  db: Db,
  search: typeof talentSearches.$inferInsert,
  hits: Array<{ accountId: string; rank: number }>,
): Promise<void> {
  await db.insert(talentSearches).values(search);
  if (hits.length)
    await db
      .insert(talentSearchHits)
      .values(hits.map((h) => ({ searchId: search.id, accountId: h.accountId, rank: h.rank, createdAt: search.createdAt })));
}

/** One of the organisation's searches (undefined for another organisation's). */
export async function findOrgSearch(db: Db, orgId: string, searchId: string) {
  const [row] = await db
    .select()
    .from(talentSearches)
    .where(and(eq(talentSearches.id, searchId), eq(talentSearches.orgId, orgId)));
  return row;
}

/** Record a profile view. */
export async function insertView(db: Db, row: typeof talentProfileViews.$inferInsert): Promise<void> {
  await db.insert(talentProfileViews).values(row);
}

/** The searches that returned the learner and the views of their profile, newest first, with the organisation's name. */
export async function listActivity(db: Db, accountId: string, limit: number) {
  const searches = await db
    .select({ orgName: orgs.name, summary: talentSearches.summary, at: talentSearchHits.createdAt })
    .from(talentSearchHits)
    .innerJoin(talentSearches, eq(talentSearches.id, talentSearchHits.searchId))
    .innerJoin(orgs, eq(orgs.id, talentSearches.orgId))
    .where(eq(talentSearchHits.accountId, accountId))
    .orderBy(desc(talentSearchHits.createdAt))
    .limit(limit);
  const views = await db
    .select({ orgName: orgs.name, summary: talentSearches.summary, at: talentProfileViews.createdAt })
    .from(talentProfileViews)
    .innerJoin(orgs, eq(orgs.id, talentProfileViews.orgId))
    .leftJoin(talentSearches, eq(talentSearches.id, talentProfileViews.searchId))
    .where(eq(talentProfileViews.accountId, accountId))
    .orderBy(desc(talentProfileViews.createdAt))
    .limit(limit);
  return { searches, views };
}

/** Insert a contact request; false when one from this organisation to this learner is already pending. */
export async function insertContact(db: Db, row: TalentContactRow): Promise<boolean> {
  const created = await db.insert(talentContacts).values(row).onConflictDoNothing().returning({ id: talentContacts.id });
  return created.length > 0;
}

/** The newest contact request from an organisation to a learner. */
export async function latestContact(db: Db, orgId: string, accountId: string) {
  const [row] = await db
    .select()
    .from(talentContacts)
    .where(and(eq(talentContacts.orgId, orgId), eq(talentContacts.accountId, accountId)))
    .orderBy(desc(talentContacts.createdAt))
    .limit(1);
  return row;
}

/** An organisation's contact requests (to one learner when `accountId` is given), newest first, with the learner's names and email. */
export async function listOrgContacts(db: Db, opts: { orgId: string; accountId?: string; limit: number }) {
  return db
    .select({ contact: talentContacts, accountName: accounts.name, email: accounts.email, displayName: talentProfiles.displayName })
    .from(talentContacts)
    .innerJoin(accounts, eq(accounts.id, talentContacts.accountId))
    .leftJoin(talentProfiles, eq(talentProfiles.accountId, talentContacts.accountId))
    .where(and(eq(talentContacts.orgId, opts.orgId), opts.accountId ? eq(talentContacts.accountId, opts.accountId) : undefined))
    .orderBy(desc(talentContacts.createdAt))
    .limit(opts.limit);
}

/** The learner's contact requests, newest first, with the organisation's name. */
export async function listLearnerContacts(db: Db, accountId: string, limit: number) {
  return db
    .select({ contact: talentContacts, orgName: orgs.name, orgSlug: orgs.slug })
    .from(talentContacts)
    .innerJoin(orgs, eq(orgs.id, talentContacts.orgId))
    .where(eq(talentContacts.accountId, accountId))
    .orderBy(desc(talentContacts.createdAt))
    .limit(limit);
}

/** Answer one of the learner's pending requests; undefined when it is not theirs or not pending. */
export async function answerContact(
  db: Db,
  opts: { accountId: string; id: string; status: 'accepted' | 'declined'; reply: string | null; shareEmail: boolean; now: Date },
) {
  const [row] = await db
    .update(talentContacts)
    .set({ status: opts.status, reply: opts.reply, shareEmail: opts.shareEmail, answeredAt: opts.now })
    .where(and(eq(talentContacts.id, opts.id), eq(talentContacts.accountId, opts.accountId), eq(talentContacts.status, 'pending')))
    .returning();
  return row;
}

/** One contact request of the learner's (any status). */
export async function findLearnerContact(db: Db, accountId: string, id: string) {
  const [row] = await db
    .select()
    .from(talentContacts)
    .where(and(eq(talentContacts.id, id), eq(talentContacts.accountId, accountId)));
  return row;
}
