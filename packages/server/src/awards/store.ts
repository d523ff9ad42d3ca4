import { and, desc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import { isoOrNull, jsonBatch, jsonParam } from '../db/json-param.js';
import {
  accounts,
  achievements,
  achievementVersions,
  awards,
  credentials,
  idempotentRequests,
  memberships,
  orgs,
  submissions,
} from '../db/schema.js';

/** An award row. */
export type AwardRow = typeof awards.$inferSelect;
/** A new award. */
export type NewAward = typeof awards.$inferInsert;

/** Insert an award unless its (org, idempotency key) exists; true when this call inserted it. */
export async function insertAward(db: Db, row: NewAward): Promise<boolean> {
  const r = await db
    .insert(awards)
    .values(row)
    .onConflictDoNothing({ target: [awards.orgId, awards.idempotencyKey] })
    .returning({ id: awards.id });
  return r.length > 0;
}

/**
 * Insert many awards in one statement with ONE parameter (a JSON array of the rows, exploded by json_to_recordset):
 * a bulk batch of 250 awards is one short message instead of thousands of bound parameters. Returns the idempotency
 * keys that went in (the others existed).
 */
export async function insertAwardRows(db: Db, rows: NewAward[]): Promise<string[]> {
  if (!rows.length) return [];
  const json = jsonParam(
    rows.map((r) => ({
      id: r.id,
      org_id: r.orgId,
      achievement_id: r.achievementId,
      version_id: r.versionId,
      recipient_account_id: r.recipientAccountId ?? null,
      recipient_email: r.recipientEmail ?? null,
      recipient_name: r.recipientName,
      source: r.source,
      source_ref: r.sourceRef ?? null,
      results: r.results ?? [],
      narrative: r.narrative ?? null,
      evidence_url: r.evidenceUrl ?? null,
      issued_on: isoOrNull(r.issuedOn),
      idempotency_key: r.idempotencyKey,
      created_by: r.createdBy ?? null,
      created_at: isoOrNull(r.createdAt),
      claim_token_hash: r.claimTokenHash ?? null,
      claim_expires_at: isoOrNull(r.claimExpiresAt),
      claimed_at: isoOrNull(r.claimedAt),
    })),
  );
  const inserted = await queryRows<{ key: string }>(
    db,
    sql`insert into awards (id, org_id, achievement_id, version_id, recipient_account_id, recipient_email, recipient_name, source,
                            source_ref, results, narrative, evidence_url, issued_on, idempotency_key, created_by, created_at,
                            claim_token_hash, claim_expires_at, claimed_at)
        select id, org_id, achievement_id, version_id, recipient_account_id, recipient_email, recipient_name, source,
               source_ref, results, narrative, evidence_url, issued_on, idempotency_key, created_by, created_at,
               claim_token_hash, claim_expires_at, claimed_at
          from json_to_recordset(${jsonBatch(json)})
            as x(id text, org_id text, achievement_id text, version_id text, recipient_account_id text, recipient_email text,
                 recipient_name text, source text, source_ref text, results jsonb, narrative text, evidence_url text,
                 issued_on timestamptz, idempotency_key text, created_by text, created_at timestamptz,
                 claim_token_hash text, claim_expires_at timestamptz, claimed_at timestamptz)
        on conflict (org_id, idempotency_key) do nothing
        returning idempotency_key as key`,
  );
  return inserted.map((x) => x.key);
}

/** Which of these idempotency keys already hold an award in an organisation. */
export async function existingAwardKeys(db: Db, orgId: string, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const r = await db
    .select({ key: awards.idempotencyKey })
    .from(awards)
    .where(and(eq(awards.orgId, orgId), inArray(awards.idempotencyKey, keys)));
  return new Set(r.map((x) => x.key));
}

/** The award holding an idempotency key in an organisation. */
export async function findAwardByKey(db: Db, orgId: string, key: string): Promise<AwardRow | undefined> {
  const [row] = await db
    .select()
    .from(awards)
    .where(and(eq(awards.orgId, orgId), eq(awards.idempotencyKey, key)));
  return row;
}

/** An award by id (locked for update when asked). */
export async function findAward(db: Db, id: string, lock = false): Promise<AwardRow | undefined> {
  const q = db.select().from(awards).where(eq(awards.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** The award a claim token (its sha256) opens, with what the claim page shows. */
export async function findAwardByClaimHash(db: Db, hash: string, lock = false) {
  const q = db
    .select({ award: awards, orgName: orgs.name, content: achievementVersions.content })
    .from(awards)
    .innerJoin(orgs, eq(orgs.id, awards.orgId))
    .innerJoin(achievementVersions, eq(achievementVersions.id, awards.versionId))
    .where(eq(awards.claimTokenHash, hash));
  const [row] = lock ? await q.for('update', { of: awards }) : await q;
  return row;
}

/** Update an award. */
export async function updateAward(db: Db, id: string, patch: Partial<NewAward>): Promise<AwardRow | undefined> {
  const [row] = await db.update(awards).set(patch).where(eq(awards.id, id)).returning();
  return row;
}

/** Whether an account is a member of the organisation or has worked on one of its achievements. */
export async function isRelatedAccount(db: Db, orgId: string, accountId: string): Promise<boolean> {
  const [m] = await db
    .select({ id: memberships.accountId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.accountId, accountId)))
    .limit(1);
  if (m) return true;
  const [s] = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(and(eq(submissions.orgId, orgId), eq(submissions.learnerId, accountId)))
    .limit(1);
  return Boolean(s);
}

/** An account's name (for an award made to an account). */
export async function findAccountName(db: Db, accountId: string): Promise<string | undefined> {
  const [row] = await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId));
  return row?.name;
}

/** An achievement of the organisation with its latest published version (if any). */
export async function findPublishedAchievement(db: Db, orgId: string, achievementId: string) {
  const [row] = await db
    .select({ achievement: achievements, version: achievementVersions })
    .from(achievements)
    .leftJoin(achievementVersions, eq(achievementVersions.id, achievements.latestVersionId))
    .where(and(eq(achievements.orgId, orgId), eq(achievements.id, achievementId)));
  return row;
}

/** Filters of an organisation's award list. */
export interface AwardFilter {
  orgId: string;
  achievementId?: string | undefined;
  source?: AwardRow['source'] | undefined;
  email?: string | undefined;
  issuedAfter?: Date | undefined;
  issuedBefore?: Date | undefined;
  /** Keyset cursor: rows strictly older than (createdAt, id). */
  after?: { at: Date; id: string } | undefined;
  limit: number;
}

/** One page of awards (newest first) with achievement and current credential; `limit + 1` rows so the caller sees if more follow. */
export async function listAwardPage(db: Db, f: AwardFilter) {
  const conds: SQL[] = [eq(awards.orgId, f.orgId)];
  if (f.achievementId) conds.push(eq(awards.achievementId, f.achievementId));
  if (f.source) conds.push(eq(awards.source, f.source));
  if (f.email) conds.push(or(eq(awards.recipientEmail, f.email), eq(accounts.email, f.email)) as SQL);
  const issued = sql`coalesce(${awards.issuedOn}, ${awards.createdAt})`;
  if (f.issuedAfter) conds.push(gte(issued, f.issuedAfter));
  if (f.issuedBefore) conds.push(lte(issued, f.issuedBefore));
  if (f.after) conds.push(or(lt(awards.createdAt, f.after.at), and(eq(awards.createdAt, f.after.at), lt(awards.id, f.after.id))) as SQL);
  return db
    .select({ award: awards, content: achievementVersions.content, version: achievementVersions.version, credentialId: credentials.id })
    .from(awards)
    .innerJoin(achievementVersions, eq(achievementVersions.id, awards.versionId))
    .leftJoin(accounts, eq(accounts.id, awards.recipientAccountId))
    .leftJoin(credentials, and(eq(credentials.awardId, awards.id), isNull(credentials.replacedBy)))
    .where(and(...conds))
    .orderBy(desc(awards.createdAt), desc(awards.id))
    .limit(f.limit + 1);
}

/** The current credential id of each award. */
export async function credentialIdsOfAwards(db: Db, awardIds: string[]): Promise<Map<string, string>> {
  if (!awardIds.length) return new Map();
  const rows = await db
    .select({ awardId: credentials.awardId, id: credentials.id })
    .from(credentials)
    .where(and(sql`${credentials.awardId} in ${awardIds}`, isNull(credentials.replacedBy)));
  return new Map(rows.flatMap((r) => (r.awardId ? [[r.awardId, r.id] as const] : [])));
}

/** The organisation's members, or the learners who have submitted to it, for picking recipients. */
export async function listCandidateAccounts(db: Db, orgId: string, kind: 'members' | 'learners', limit = 500) {
  if (kind === 'members') {
    return db
      .select({ id: accounts.id, name: accounts.name, email: accounts.email })
      .from(memberships)
      .innerJoin(accounts, eq(accounts.id, memberships.accountId))
      .where(eq(memberships.orgId, orgId))
      .orderBy(accounts.name)
      .limit(limit);
  }
  return db
    .selectDistinct({ id: accounts.id, name: accounts.name, email: accounts.email })
    .from(submissions)
    .innerJoin(accounts, eq(accounts.id, submissions.learnerId))
    .where(and(eq(submissions.orgId, orgId), sql`${submissions.state} <> 'draft'`))
    .orderBy(accounts.name)
    .limit(limit);
}

/** Set which roles besides owners may award directly. */
export async function setAwardRoles(db: Db, orgId: string, roles: Array<'designer' | 'assessor' | 'viewer'>): Promise<void> {
  await db.update(orgs).set({ awardRoles: roles }).where(eq(orgs.id, orgId));
}

/** Claim an idempotency key for a request: true when this call holds it; otherwise the stored record. */
export async function claimIdempotentRequest(db: Db, row: { orgId: string; key: string; requestHash: string; createdAt: Date }) {
  const r = await db.insert(idempotentRequests).values(row).onConflictDoNothing().returning({ key: idempotentRequests.key });
  if (r.length) return { held: true as const };
  // On PostgreSQL the insert above waited for a concurrent holder to commit, so its response is there now.
  const [existing] = await db
    .select()
    .from(idempotentRequests)
    .where(and(eq(idempotentRequests.orgId, row.orgId), eq(idempotentRequests.key, row.key)));
  return { held: false as const, existing };
}

/** Store the response of a request that held its idempotency key. */
export async function saveIdempotentResponse(
  db: Db,
  orgId: string,
  key: string,
  status: number,
  body: Record<string, unknown>,
): Promise<void> {
  await db
    .update(idempotentRequests)
    .set({ status, body })
    .where(and(eq(idempotentRequests.orgId, orgId), eq(idempotentRequests.key, key)));
}
