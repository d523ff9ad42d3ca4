import { and, desc, eq, getTableColumns, gte, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import { accounts, achievementVersions, awards, credentials, orgs, statusLists } from '../db/schema.js';
import { isoOrNull, jsonBatch, jsonParam } from '../db/json-param.js';

/** A credential row, its document whole (see `credentialColumns`). */
export type CredentialRow = typeof credentials.$inferSelect;

/**
 * A credential's signed document as issued: a credential stored with `achievement_ref` has its achievement put back
 * from credential_achievements (stored once for every credential of a version); any other is stored whole.
 */
export const credentialDocument = sql<Record<string, unknown>>`case when ${credentials.achievementRef} is null then ${credentials.document}
  else jsonb_set(${credentials.document}, '{credentialSubject,achievement}',
                 (select ca.document from credential_achievements ca where ca.id = "credentials"."achievement_ref"))
  end`.mapWith(credentials.document);

/** Every column of a credential, the document whole: what every read of a credential selects. */
export const credentialColumns = { ...getTableColumns(credentials), document: credentialDocument };
/** A status list row. */
export type StatusListRow = typeof statusLists.$inferSelect;

/** The credential issued for a submission, if any: the current one when it was re-issued. */
export async function findCredentialIdOfSubmission(db: Db, submissionId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: credentials.id })
    .from(credentials)
    .where(eq(credentials.submissionId, submissionId))
    .orderBy(sql`${credentials.replacedBy} is not null`)
    .limit(1);
  return row?.id;
}

/**
 * Insert a credential; false when its award (or submission) already has a current (not replaced) one: the
 * partial unique indexes on award_id and submission_id make issuance exactly-once.
 */
export async function insertCredential(db: Db, row: typeof credentials.$inferInsert): Promise<boolean> {
  const r = await db.insert(credentials).values(row).onConflictDoNothing().returning({ id: credentials.id });
  return r.length > 0;
}

/** Insert many credentials in one statement; returns the ids that went in (the others' awards already had one). */
export async function insertCredentialRows(db: Db, rows: Array<typeof credentials.$inferInsert>): Promise<string[]> {
  if (!rows.length) return [];
  const r = await db.insert(credentials).values(rows).onConflictDoNothing().returning({ id: credentials.id });
  return r.map((x) => x.id);
}

/**
 * A signed credential's row whose document is already serialised JSON (what the signing threads answer), without
 * its achievement when `achievementRef` names the stored one.
 */
export type SignedCredentialRow = Omit<typeof credentials.$inferInsert, 'document'> & { documentJson: string };

/** Store achievements that signed credentials embed, each once (a row never changes: its id is its content's hash). */
export async function insertCredentialAchievements(db: Db, orgId: string, rows: Array<{ id: string; json: string }>): Promise<void> {
  if (!rows.length) return;
  const parts = rows.map((r) => `{"id":${JSON.stringify(r.id)},"document":${r.json}}`);
  await db.execute(
    sql`insert into credential_achievements (id, org_id, document)
        select id, ${orgId}, document from json_to_recordset(${jsonBatch(`[${parts.join(',')}]`)}) as x(id text, document jsonb)
        on conflict (id) do nothing`,
  );
}

/**
 * Insert many signed credentials in one statement with ONE parameter: a JSON array of the rows, each document
 * spliced in as the JSON text it already is, exploded by json_to_recordset. The document is stored as the same
 * jsonb as insertCredentialRows stores; it is neither re-serialised here nor sent as hundreds of parameters.
 * Returns the ids that went in (the others' awards already had a current credential).
 */
export async function insertSignedCredentialRows(db: Db, rows: SignedCredentialRow[]): Promise<string[]> {
  if (!rows.length) return [];
  const parts = rows.map((r) => {
    const fields = jsonParam({
      id: r.id,
      org_id: r.orgId,
      submission_id: r.submissionId ?? null,
      award_id: r.awardId ?? null,
      achievement_id: r.achievementId,
      version_id: r.versionId,
      learner_id: r.learnerId ?? null,
      achievement_ref: r.achievementRef ?? null,
      jwt: r.jwt ?? null,
      revocation_list_id: r.revocationListId,
      revocation_index: r.revocationIndex,
      suspension_list_id: r.suspensionListId ?? null,
      suspension_index: r.suspensionIndex ?? null,
      issued_at: isoOrNull(r.issuedAt),
      valid_until: isoOrNull(r.validUntil),
    });
    return `${fields.slice(0, -1)},"document":${r.documentJson}}`;
  });
  const inserted = await queryRows<{ id: string }>(
    db,
    sql`insert into credentials (id, org_id, submission_id, award_id, achievement_id, version_id, learner_id, document, achievement_ref,
                                 jwt, revocation_list_id, revocation_index, suspension_list_id, suspension_index, issued_at, valid_until)
        select id, org_id, submission_id, award_id, achievement_id, version_id, learner_id, document, achievement_ref,
               jwt, revocation_list_id, revocation_index, suspension_list_id, suspension_index, issued_at, valid_until
          from json_to_recordset(${jsonBatch(`[${parts.join(',')}]`)})
            as x(id text, org_id text, submission_id text, award_id text, achievement_id text, version_id text, learner_id text,
                 document jsonb, achievement_ref text, jwt text, revocation_list_id text, revocation_index integer, suspension_list_id text,
                 suspension_index integer, issued_at timestamptz, valid_until timestamptz)
        on conflict do nothing
        returning id`,
  );
  return inserted.map((x) => x.id);
}

/** The current (not replaced) credential of an award, if any. */
export async function findCredentialIdOfAward(db: Db, awardId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: credentials.id })
    .from(credentials)
    .where(eq(credentials.awardId, awardId))
    .orderBy(sql`${credentials.replacedBy} is not null`)
    .limit(1);
  return row?.id;
}

/** The award a credential is signed for (read by issuance; awards are written only by the awards slice). */
export async function findAwardForSigning(db: Db, where: { awardId: string } | { submissionId: string }, lock = false) {
  const cond =
    'awardId' in where ? eq(awards.id, where.awardId) : and(eq(awards.source, 'assessment'), eq(awards.sourceRef, where.submissionId));
  const q = db.select().from(awards).where(cond).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Join every credential of an award (re-issues included) to the account that claimed it. */
export async function setLearnerOfAwardCredentials(db: Db, awardId: string, accountId: string): Promise<string[]> {
  const r = await db
    .update(credentials)
    .set({ learnerId: accountId })
    .where(and(eq(credentials.awardId, awardId), isNull(credentials.learnerId)))
    .returning({ id: credentials.id });
  return r.map((x) => x.id);
}

/** A credential by id (locked for update when asked). */
export async function findCredential(db: Db, id: string, lock = false): Promise<CredentialRow | undefined> {
  const q = db.select(credentialColumns).from(credentials).where(eq(credentials.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Update a credential's standing or sharing (its signed document and stored achievement never change). */
export async function updateCredential(
  db: Db,
  id: string,
  patch: Partial<Omit<CredentialRow, 'id' | 'document' | 'achievementRef' | 'jwt'>>,
): Promise<CredentialRow | undefined> {
  const [row] = await db.update(credentials).set(patch).where(eq(credentials.id, id)).returning(credentialColumns);
  return row;
}

/**
 * Store a credential's VC-JWT (payload detached) unless it already has one; returns the one stored, which is another
 * request's when two signed it at once.
 */
export async function storeCredentialJwt(db: Db, id: string, jwt: string): Promise<string | undefined> {
  const [set] = await db
    .update(credentials)
    .set({ jwt })
    .where(and(eq(credentials.id, id), isNull(credentials.jwt)))
    .returning({ jwt: credentials.jwt });
  if (set?.jwt) return set.jwt;
  const [kept] = await db.select({ jwt: credentials.jwt }).from(credentials).where(eq(credentials.id, id));
  return kept?.jwt ?? undefined;
}

/**
 * Credentials with achievement names and recipients, newest first: all an organisation issued, or a learner's
 * current ones (a credential re-issued with later sharing choices is replaced by its successor).
 */
export async function listCredentialRows(db: Db, where: { orgId?: string; learnerId?: string }) {
  const cond = where.orgId
    ? eq(credentials.orgId, where.orgId)
    : and(eq(credentials.learnerId, where.learnerId ?? ''), isNull(credentials.replacedBy));
  return credentialRowsQuery(db).where(cond).orderBy(desc(credentials.issuedAt));
}

/** Credentials joined with what a summary shows; an unclaimed award's recipient name stands in for the account's. */
function credentialRowsQuery(db: Db) {
  return db
    .select({
      c: credentialColumns,
      content: achievementVersions.content,
      orgName: orgs.name,
      orgSlug: orgs.slug,
      learnerName: sql<string>`coalesce(${accounts.name}, ${awards.recipientName}, '')`,
    })
    .from(credentials)
    .innerJoin(achievementVersions, eq(achievementVersions.id, credentials.versionId))
    .innerJoin(orgs, eq(orgs.id, credentials.orgId))
    .leftJoin(accounts, eq(accounts.id, credentials.learnerId))
    .leftJoin(awards, eq(awards.id, credentials.awardId));
}

/** Filters of an organisation's credential list (API). */
export interface CredentialFilter {
  orgId: string;
  achievementId?: string | undefined;
  source?: string | undefined;
  email?: string | undefined;
  issuedAfter?: Date | undefined;
  issuedBefore?: Date | undefined;
  /** Keyset cursor: rows strictly older than (issuedAt, id). */
  after?: { at: Date; id: string } | undefined;
  limit: number;
}

/** One page of an organisation's credentials, newest first, filtered; `limit + 1` rows so the caller sees if more follow. */
export async function listCredentialPage(db: Db, f: CredentialFilter) {
  const conds: SQL[] = [eq(credentials.orgId, f.orgId)];
  if (f.achievementId) conds.push(eq(credentials.achievementId, f.achievementId));
  if (f.source) conds.push(sql`${awards.source} = ${f.source}`);
  if (f.email) conds.push(or(eq(awards.recipientEmail, f.email), eq(accounts.email, f.email)) as SQL);
  if (f.issuedAfter) conds.push(gte(credentials.issuedAt, f.issuedAfter));
  if (f.issuedBefore) conds.push(lte(credentials.issuedAt, f.issuedBefore));
  if (f.after)
    conds.push(or(lt(credentials.issuedAt, f.after.at), and(eq(credentials.issuedAt, f.after.at), lt(credentials.id, f.after.id))) as SQL);
  const rows = await credentialRowsQuery(db)
    .where(and(...conds))
    .orderBy(desc(credentials.issuedAt), desc(credentials.id))
    .limit(f.limit + 1);
  return rows;
}

/**
 * Reserve `count` consecutive indexes of the organisation's current list for a purpose in one short UPDATE
 * (fewer when the list is nearly full; a new list is made when it is full). Reserved indexes that are never
 * used stay unused: an index is never handed out twice.
 */
export async function reserveStatusRange(
  db: Db,
  opts: { orgId: string; purpose: 'revocation' | 'suspension'; count: number; newList: () => StatusListRow },
): Promise<{ listId: string; start: number; count: number }> {
  for (let i = 0; i < 3; i++) {
    // The old value comes from the locked sub-select: RETURNING sees only the new row.
    const [row] = await queryRows<{ id: string; start: number; next: number }>(
      db,
      sql`update status_lists s set next_index = least(o.next_index + ${opts.count}, o.size)
          from (select id, next_index, size from status_lists
                where org_id = ${opts.orgId} and purpose = ${opts.purpose} and next_index < size
                  and seq = (select max(seq) from status_lists where org_id = ${opts.orgId} and purpose = ${opts.purpose})
                for update) o
          where s.id = o.id
          returning s.id as id, o.next_index as start, s.next_index as next`,
    );
    if (row) return { listId: row.id, start: Number(row.start), count: Number(row.next) - Number(row.start) };
    const [last] = await db
      .select({ seq: sql<number>`coalesce(max(${statusLists.seq}), 0)` })
      .from(statusLists)
      .where(and(eq(statusLists.orgId, opts.orgId), eq(statusLists.purpose, opts.purpose)));
    const fresh = { ...opts.newList(), seq: Number(last?.seq ?? 0) + 1 };
    await db.insert(statusLists).values(fresh).onConflictDoNothing();
  }
  throw new Error('Could not reserve status indexes');
}

/**
 * Take the next free index of the organisation's current list for a purpose (creating a new list when full).
 * The increment is a single UPDATE, so concurrent issuers never get the same index; indexes are never reused.
 */
export async function allocateStatusIndex(
  db: Db,
  opts: { orgId: string; purpose: 'revocation' | 'suspension'; newList: () => StatusListRow },
): Promise<{ listId: string; index: number }> {
  for (let i = 0; i < 3; i++) {
    const [row] = await db
      .update(statusLists)
      .set({ nextIndex: sql`${statusLists.nextIndex} + 1` })
      .where(
        and(
          eq(statusLists.orgId, opts.orgId),
          eq(statusLists.purpose, opts.purpose),
          sql`${statusLists.nextIndex} < ${statusLists.size}`,
          sql`${statusLists.seq} = (select max(seq) from status_lists where org_id = ${opts.orgId} and purpose = ${opts.purpose})`,
        ),
      )
      .returning({ id: statusLists.id, next: statusLists.nextIndex });
    if (row) return { listId: row.id, index: row.next - 1 };
    const [last] = await db
      .select({ seq: sql<number>`coalesce(max(${statusLists.seq}), 0)` })
      .from(statusLists)
      .where(and(eq(statusLists.orgId, opts.orgId), eq(statusLists.purpose, opts.purpose)));
    const fresh = { ...opts.newList(), seq: Number(last?.seq ?? 0) + 1 };
    await db.insert(statusLists).values(fresh).onConflictDoNothing();
  }
  throw new Error('Could not allocate a status index');
}

/** A status list, locked for update when asked. */
export async function findStatusList(db: Db, id: string, lock = false): Promise<StatusListRow | undefined> {
  const q = db.select().from(statusLists).where(eq(statusLists.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Store a status list's bits. */
export async function saveStatusBits(db: Db, id: string, bits: string, at: Date): Promise<void> {
  await db.update(statusLists).set({ bits, updatedAt: at }).where(eq(statusLists.id, id));
}
