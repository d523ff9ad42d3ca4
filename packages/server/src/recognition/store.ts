import { and, desc, eq, gt, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import {
  accounts,
  achievements,
  achievementVersions,
  credentials,
  endorsements,
  orgs,
  recognitionRecords,
  recognitionRules,
  reviewComments,
  reviewInvitations,
} from '../db/schema.js';

/** A stored recognition rule. */
export type RuleRow = typeof recognitionRules.$inferSelect;
/** A stored record sent by a learner. */
export type RecordRow = typeof recognitionRecords.$inferSelect;
/** A stored endorsement. */
export type EndorsementRow = typeof endorsements.$inferSelect;
/** A stored review invitation. */
export type InvitationRow = typeof reviewInvitations.$inferSelect;
/** A stored review comment. */
export type CommentRow = typeof reviewComments.$inferSelect;

const issuerOrg = alias(orgs, 'issuer_org');
/** An achievement's display name: its latest published version's, else its draft's. */
const achievementName = sql<string>`coalesce((select v.content->>'name' from achievement_versions v where v.id = ${achievements.latestVersionId}), ${achievements.draft}->>'name', 'Untitled')`;

/** A rule with the names a presentation needs. */
export interface RuleView {
  rule: RuleRow;
  org: { slug: string; name: string };
  achievement: { id: string; name: string; issuer: { slug: string; name: string } };
  reviewer: { id: string; name: string } | null;
}

function rulesQuery(db: Db) {
  return db
    .select({
      rule: recognitionRules,
      orgSlug: orgs.slug,
      orgName: orgs.name,
      achievementName,
      issuerSlug: issuerOrg.slug,
      issuerName: issuerOrg.name,
      reviewerName: accounts.name,
    })
    .from(recognitionRules)
    .innerJoin(orgs, eq(orgs.id, recognitionRules.orgId))
    .innerJoin(achievements, eq(achievements.id, recognitionRules.achievementId))
    .innerJoin(issuerOrg, eq(issuerOrg.id, achievements.orgId))
    .leftJoin(accounts, eq(accounts.id, recognitionRules.reviewerId));
}

function toRuleView(r: Awaited<ReturnType<ReturnType<typeof rulesQuery>['execute']>>[number]): RuleView {
  return {
    rule: r.rule,
    org: { slug: r.orgSlug, name: r.orgName },
    achievement: { id: r.rule.achievementId, name: r.achievementName, issuer: { slug: r.issuerSlug, name: r.issuerName } },
    reviewer: r.rule.reviewerId && r.reviewerName ? { id: r.rule.reviewerId, name: r.reviewerName } : null,
  };
}

/** Insert a rule. */
export async function insertRule(db: Db, row: RuleRow): Promise<void> {
  await db.insert(recognitionRules).values(row);
}

/** Update a rule's fields. */
export async function updateRule(db: Db, id: string, set: Partial<RuleRow>): Promise<void> {
  await db.update(recognitionRules).set(set).where(eq(recognitionRules.id, id));
}

/** One rule with names, or undefined. */
export async function findRule(db: Db, id: string): Promise<RuleView | undefined> {
  const [r] = await rulesQuery(db).where(eq(recognitionRules.id, id));
  return r ? toRuleView(r) : undefined;
}

/** A recognising organisation's rules, newest first. */
export async function listRulesOfOrg(db: Db, orgId: string): Promise<RuleView[]> {
  return (await rulesQuery(db).where(eq(recognitionRules.orgId, orgId)).orderBy(desc(recognitionRules.createdAt))).map(toRuleView);
}

/** Published rules in force at `now` for any of the achievements. */
export async function listActiveRules(db: Db, achievementIds: string[], now: Date): Promise<RuleView[]> {
  if (!achievementIds.length) return [];
  const rows = await rulesQuery(db)
    .where(
      and(
        inArray(recognitionRules.achievementId, achievementIds),
        eq(recognitionRules.status, 'published'),
        lte(recognitionRules.validFrom, now),
        or(isNull(recognitionRules.validUntil), gt(recognitionRules.validUntil, now)),
      ),
    )
    .orderBy(orgs.name);
  return rows.map(toRuleView);
}

/** Other not-withdrawn rules of the same organisation for the same achievement whose dates overlap [from, until). */
export async function findOverlappingRule(
  db: Db,
  opts: { orgId: string; achievementId: string; from: Date; until: Date | null; exceptId: string | null },
): Promise<RuleRow | undefined> {
  const [row] = await db
    .select()
    .from(recognitionRules)
    .where(
      and(
        eq(recognitionRules.orgId, opts.orgId),
        eq(recognitionRules.achievementId, opts.achievementId),
        ne(recognitionRules.status, 'withdrawn'),
        opts.exceptId ? ne(recognitionRules.id, opts.exceptId) : undefined,
        or(isNull(recognitionRules.validUntil), gt(recognitionRules.validUntil, opts.from)),
        opts.until ? sql`${recognitionRules.validFrom} < ${opts.until}` : undefined,
      ),
    )
    .limit(1);
  return row;
}

/** An achievement with its issuer and display name. */
export async function findAchievementRef(db: Db, id: string) {
  const [row] = await db
    .select({
      id: achievements.id,
      orgId: achievements.orgId,
      status: achievements.status,
      name: achievementName,
      latestVersion: sql<number | null>`(select max(v.version) from achievement_versions v where v.achievement_id = ${achievements.id})`,
      draft: achievements.draft,
      orgSlug: orgs.slug,
      orgName: orgs.name,
    })
    .from(achievements)
    .innerJoin(orgs, eq(orgs.id, achievements.orgId))
    .where(eq(achievements.id, id));
  return row;
}

/** The learner's current credentials (not replaced) with their achievements. */
export async function listLearnerCredentials(db: Db, accountId: string) {
  return db
    .select({
      id: credentials.id,
      achievementId: credentials.achievementId,
      name: sql<string>`${achievementVersions.content}->>'name'`,
      revokedAt: credentials.revokedAt,
      suspendedAt: credentials.suspendedAt,
    })
    .from(credentials)
    .innerJoin(achievementVersions, eq(achievementVersions.id, credentials.versionId))
    .where(and(eq(credentials.learnerId, accountId), isNull(credentials.replacedBy)))
    .orderBy(desc(credentials.issuedAt));
}

/** One credential's owner and achievement. */
export async function findCredentialRef(db: Db, id: string) {
  const [row] = await db
    .select({ id: credentials.id, achievementId: credentials.achievementId, learnerId: credentials.learnerId })
    .from(credentials)
    .where(eq(credentials.id, id));
  return row;
}

/** Insert a record a learner sent. */
export async function insertRecord(db: Db, row: RecordRow): Promise<void> {
  await db.insert(recognitionRecords).values(row);
}

/** Replace a record's items (after re-verification). */
export async function updateRecordItems(db: Db, id: string, items: RecordRow['items']): Promise<void> {
  await db.update(recognitionRecords).set({ items }).where(eq(recognitionRecords.id, id));
}

function recordsQuery(db: Db) {
  return db
    .select({
      record: recognitionRecords,
      orgSlug: orgs.slug,
      orgName: orgs.name,
      learnerName: accounts.name,
      learnerEmail: accounts.email,
    })
    .from(recognitionRecords)
    .innerJoin(orgs, eq(orgs.id, recognitionRecords.orgId))
    .innerJoin(accounts, eq(accounts.id, recognitionRecords.accountId));
}

/** Records sent to an organisation (or by a learner), newest first. */
export async function listRecords(db: Db, where: { orgId?: string; accountId?: string }) {
  return recordsQuery(db)
    .where(where.orgId ? eq(recognitionRecords.orgId, where.orgId) : eq(recognitionRecords.accountId, where.accountId ?? ''))
    .orderBy(desc(recognitionRecords.createdAt))
    .limit(500);
}

/** One record. */
export async function findRecord(db: Db, id: string) {
  const [row] = await recordsQuery(db).where(eq(recognitionRecords.id, id));
  return row;
}

const endorserOrg = alias(orgs, 'endorser_org');
const ownerOrg = alias(orgs, 'owner_org');

function endorsementsQuery(db: Db) {
  return db
    .select({
      e: endorsements,
      endorserSlug: endorserOrg.slug,
      endorserName: endorserOrg.name,
      ownerSlug: ownerOrg.slug,
      ownerName: ownerOrg.name,
      achievementName: sql<
        string | null
      >`(select coalesce((select v.content->>'name' from achievement_versions v where v.id = a.latest_version_id), a.draft->>'name') from achievements a where a.id = ${endorsements.subjectId})`,
      pathwayName: sql<
        string | null
      >`(select pv.content->>'name' from pathways p join pathway_versions pv on pv.id = p.latest_version_id where p.id = ${endorsements.subjectId})`,
    })
    .from(endorsements)
    .innerJoin(endorserOrg, eq(endorserOrg.id, endorsements.endorserOrgId))
    .innerJoin(ownerOrg, eq(ownerOrg.id, endorsements.ownerOrgId));
}

/** An endorsement with names. */
export type EndorsementView = Awaited<ReturnType<ReturnType<typeof endorsementsQuery>['execute']>>[number];

/** Insert an endorsement. */
export async function insertEndorsement(db: Db, row: EndorsementRow): Promise<void> {
  await db.insert(endorsements).values(row);
}

/** Update an endorsement. */
export async function updateEndorsement(db: Db, id: string, set: Partial<EndorsementRow>): Promise<void> {
  await db.update(endorsements).set(set).where(eq(endorsements.id, id));
}

/** One endorsement. */
export async function findEndorsement(db: Db, id: string): Promise<EndorsementView | undefined> {
  const [row] = await endorsementsQuery(db).where(eq(endorsements.id, id));
  return row;
}

/** Endorsements an organisation gives or receives, newest first. */
export async function listEndorsementsOfOrg(db: Db, orgId: string): Promise<EndorsementView[]> {
  return endorsementsQuery(db)
    .where(or(eq(endorsements.endorserOrgId, orgId), eq(endorsements.ownerOrgId, orgId)))
    .orderBy(desc(endorsements.createdAt))
    .limit(500);
}

/** Accepted (not revoked) endorsements of a subject; for achievements, only those in force from `version` on. */
export async function listAcceptedEndorsements(
  db: Db,
  subject: { type: 'achievement' | 'pathway' | 'issuer'; id: string; version?: number },
): Promise<EndorsementView[]> {
  return endorsementsQuery(db)
    .where(
      and(
        eq(endorsements.subjectType, subject.type),
        eq(endorsements.subjectId, subject.id),
        eq(endorsements.status, 'accepted'),
        subject.version !== undefined ? lte(endorsements.fromVersion, subject.version) : undefined,
      ),
    )
    .orderBy(endorsements.decidedAt);
}

/** A pending or accepted endorsement between the same organisations about the same subject. */
export async function findLiveEndorsement(db: Db, opts: { endorserOrgId: string; subjectType: string; subjectId: string }) {
  const [row] = await db
    .select({ id: endorsements.id })
    .from(endorsements)
    .where(
      and(
        eq(endorsements.endorserOrgId, opts.endorserOrgId),
        sql`${endorsements.subjectType} = ${opts.subjectType}`,
        eq(endorsements.subjectId, opts.subjectId),
        inArray(endorsements.status, ['pending', 'accepted']),
      ),
    )
    .limit(1);
  return row;
}

function invitationsQuery(db: Db) {
  return db
    .select({ inv: reviewInvitations, orgSlug: orgs.slug, orgName: orgs.name, achievementName, reviewerName: accounts.name })
    .from(reviewInvitations)
    .innerJoin(orgs, eq(orgs.id, reviewInvitations.orgId))
    .innerJoin(achievements, eq(achievements.id, reviewInvitations.achievementId))
    .leftJoin(accounts, eq(accounts.id, reviewInvitations.reviewerAccountId));
}

/** An invitation with names. */
export type InvitationView = Awaited<ReturnType<ReturnType<typeof invitationsQuery>['execute']>>[number];

/** Insert a review invitation. */
export async function insertInvitation(db: Db, row: InvitationRow): Promise<void> {
  await db.insert(reviewInvitations).values(row);
}

/** Update a review invitation. */
export async function updateInvitation(db: Db, id: string, set: Partial<InvitationRow>): Promise<void> {
  await db.update(reviewInvitations).set(set).where(eq(reviewInvitations.id, id));
}

/** One invitation. */
export async function findInvitation(db: Db, id: string): Promise<InvitationView | undefined> {
  const [row] = await invitationsQuery(db).where(eq(reviewInvitations.id, id));
  return row;
}

/** Invitations of an achievement, or those sent to an email address, newest first. */
export async function listInvitations(db: Db, where: { achievementId?: string; email?: string }): Promise<InvitationView[]> {
  return invitationsQuery(db)
    .where(
      where.achievementId
        ? eq(reviewInvitations.achievementId, where.achievementId)
        : and(sql`lower(${reviewInvitations.email}) = lower(${where.email ?? ''})`, ne(reviewInvitations.status, 'revoked')),
    )
    .orderBy(desc(reviewInvitations.createdAt));
}

/** Approved invitations of achievements (for "co-designed with"). */
export async function listApprovals(db: Db, achievementId: string): Promise<InvitationView[]> {
  return invitationsQuery(db).where(and(eq(reviewInvitations.achievementId, achievementId), eq(reviewInvitations.status, 'approved')));
}

/** Insert a reviewer comment. */
export async function insertComment(db: Db, row: CommentRow): Promise<void> {
  await db.insert(reviewComments).values(row);
}

/** Comments of invitations with their authors, oldest first. */
export async function listComments(db: Db, invitationIds: string[]) {
  if (!invitationIds.length) return [];
  return db
    .select({ comment: reviewComments, authorName: accounts.name })
    .from(reviewComments)
    .leftJoin(accounts, eq(accounts.id, reviewComments.authorId))
    .where(inArray(reviewComments.invitationId, invitationIds))
    .orderBy(reviewComments.createdAt);
}
