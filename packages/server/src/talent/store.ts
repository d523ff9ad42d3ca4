import type { Column, SQL } from 'drizzle-orm';
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  accounts,
  credentials,
  occupationSkills,
  occupations,
  orgRoles,
  orgs,
  roleSkills,
  skillFrameworks,
  skillProfileSettings,
  talentContacts,
  talentProfileViews,
  talentProfiles,
  talentSearchHits,
  talentSearches,
  talentSkillEvidence,
  walletItems,
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

/** Create or replace the learner's talent settings (the evidence index time is left as it is). */
export async function upsertTalentProfile(db: Db, row: Omit<TalentProfileRow, 'evidenceAt' | 'evidenceKey'>): Promise<void> {
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

/** One verified skill claim of a learner, as the search index stores it. */
export type TalentEvidenceRow = typeof talentSkillEvidence.$inferInsert;

/**
 * What the index of one learner depends on, computed in SQL: how many current (unrevoked, unsuspended) credentials and
 * the newest issue time, how many verified-valid imports and the newest verification time, and (for a learner with
 * verified imports, whose alignments are matched to known frameworks) how many frameworks there are and the newest
 * framework import. Any issue, revocation, suspension or reinstatement, new import or re-verification, or a framework
 * imported or re-imported that an import may now match, changes it.
 */
export function evidenceKeyOf(accountId: SQL | Column) {
  return sql<string>`(
    (select count(*) filter (where ${credentials.revokedAt} is null and ${credentials.suspendedAt} is null) || '/' || coalesce(max(${credentials.issuedAt})::text, '')
      from ${credentials} where ${credentials.learnerId} = ${accountId})
    || '|' ||
    (select count(*) filter (where ${walletItems.verdict} = 'valid') || '/' || coalesce(max(${walletItems.verifiedAt})::text, '')
       || case when bool_or(${walletItems.verdict} = 'valid')
            then (select '/' || count(*) || '@' || coalesce(max(${skillFrameworks.updatedAt})::text, '') from ${skillFrameworks})
            else '' end
      from ${walletItems} where ${walletItems.accountId} = ${accountId}))`;
}

/** The learner's current evidence fingerprint (read before rebuilding, stored after). */
export async function currentEvidenceKey(db: Db, accountId: string): Promise<string> {
  const [row] = await db.select({ key: evidenceKeyOf(sql`${accountId}`) }).from(sql`(select 1) as one`);
  return row?.key ?? '';
}

/** Replace a learner's rows in the search index and stamp when and from what (one transaction is the caller's). */
export async function replaceEvidence(db: Db, accountId: string, rows: TalentEvidenceRow[], at: Date, key: string): Promise<void> {
  await db.delete(talentSkillEvidence).where(eq(talentSkillEvidence.accountId, accountId));
  if (rows.length) await db.insert(talentSkillEvidence).values(rows);
  await db.update(talentProfiles).set({ evidenceAt: at, evidenceKey: key }).where(eq(talentProfiles.accountId, accountId));
}

/** Drop a learner's rows from the search index (on opt-out; nothing about them stays searchable). */
export async function clearEvidence(db: Db, accountId: string): Promise<void> {
  await db.delete(talentSkillEvidence).where(eq(talentSkillEvidence.accountId, accountId));
  await db.update(talentProfiles).set({ evidenceAt: null, evidenceKey: null }).where(eq(talentProfiles.accountId, accountId));
}

/**
 * Consenting learners whose index rows may be out of date: never indexed, or whose evidence fingerprint changed since
 * (a credential issued, revoked, suspended or reinstated; an import added or re-verified). At most `limit`, oldest
 * index first. One query; it probes each consenting learner's credentials and imports through their learner indexes.
 * (Expiry, replacement, privacy and failed re-verification are also re-checked by the candidate query on every read.)
 */
export async function findStaleLearners(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: talentProfiles.accountId })
    .from(talentProfiles)
    .where(
      and(
        eq(talentProfiles.discoverable, true),
        or(isNull(talentProfiles.evidenceKey), sql`${talentProfiles.evidenceKey} <> ${evidenceKeyOf(talentProfiles.accountId)}`),
      ),
    )
    .orderBy(sql`${talentProfiles.evidenceAt} asc nulls first`, talentProfiles.accountId)
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Consenting learners with indexed evidence for any wanted skill, ranked in one aggregate query: by how many wanted
 * skills they show at the required level (a level no rubric gave counts), then by the sum of those levels, then by
 * the newest of that evidence (an earned credential's issue date, an import's verification), then by id. Every index row is re-checked against its source: earned credentials must be current (not revoked, suspended,
 * replaced or expired) and not private; imports must still be verified valid. Reads the skill index
 * (talent_skill_evidence by skill URL), not everyone's credentials.
 */
export async function findCandidates(
  db: Db,
  opts: { wanted: Array<{ url: string; requiredLevel: number | null }>; now: Date; limit: number },
) {
  if (!opts.wanted.length) return [];
  const e = talentSkillEvidence;
  const values = sql.join(
    opts.wanted.map((w) => sql`(${w.url}::text, ${w.requiredLevel}::int)`),
    sql`, `,
  );
  const result: unknown = await db.execute(sql`
    with wanted(url, req) as (values ${values}),
    claims as (
      select ${e.accountId} as account_id, ${e.skillUrl} as url, max(${e.levelScale}) as lvl,
        max(coalesce(${credentials.issuedAt}, ${walletItems.verifiedAt})) as latest
      from ${e}
      join ${talentProfiles} on ${talentProfiles.accountId} = ${e.accountId} and ${talentProfiles.discoverable}
      left join ${credentials} on ${e.kind} = 'earned' and ${credentials.id} = ${e.sourceId}
      left join ${walletItems} on ${e.kind} = 'imported' and ${walletItems.id} = ${e.sourceId}
      where ${e.skillUrl} in (select url from wanted)
        and (
          (${credentials.id} is not null and ${credentials.learnerId} = ${e.accountId} and ${credentials.replacedBy} is null
            and ${credentials.revokedAt} is null and ${credentials.suspendedAt} is null and ${credentials.visibility} <> 'private'
            and (${credentials.validUntil} is null or ${credentials.validUntil} > ${opts.now}))
          or (${walletItems.id} is not null and ${walletItems.accountId} = ${e.accountId} and ${walletItems.verdict} = 'valid')
        )
      group by ${e.accountId}, ${e.skillUrl})
    select c.account_id,
      count(*) filter (where w.req is null or c.lvl is null or c.lvl >= w.req)::int as matched,
      coalesce(sum(c.lvl) filter (where w.req is null or c.lvl is null or c.lvl >= w.req), 0)::int as levels,
      max(c.latest) filter (where w.req is null or c.lvl is null or c.lvl >= w.req) as latest
    from claims c join wanted w on w.url = c.url
    group by c.account_id
    having count(*) filter (where w.req is null or c.lvl is null or c.lvl >= w.req) > 0
    order by matched desc, levels desc, latest desc nulls last, c.account_id
    limit ${opts.limit}`);
  // Both drivers (PGlite and node-postgres) answer raw SQL with `{ rows }`.
  const rows =
    typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows) ? (result.rows as unknown[]) : [];
  return rows.map((r) => {
    const o = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
    const latest = o['latest'];
    return {
      accountId: String(o['account_id']),
      matched: Number(o['matched']),
      levels: Number(o['levels']),
      // The newest evidence, as epoch milliseconds (0 when none has a date): drivers answer a timestamp as a Date or text.
      latestMs: latest instanceof Date ? latest.getTime() : typeof latest === 'string' ? Date.parse(latest) || 0 : 0,
    };
  });
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

/** An organisation's contact requests (to one learner when `accountId` is given), newest first, with the learner's names, email and consent. */
export async function listOrgContacts(db: Db, opts: { orgId: string; accountId?: string; limit: number }) {
  return db
    .select({
      contact: talentContacts,
      accountName: accounts.name,
      email: accounts.email,
      displayName: talentProfiles.displayName,
      discoverable: talentProfiles.discoverable,
    })
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
