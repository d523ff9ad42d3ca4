import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import { isoOrNull, jsonBatch, jsonParam } from '../db/json-param.js';
import {
  achievements,
  achievementVersions,
  auditEvents,
  awards,
  bulkAwardRows,
  bulkAwardRuns,
  credentials,
  statusLists,
} from '../db/schema.js';

/** A bulk run row. */
export type BulkRunRow = typeof bulkAwardRuns.$inferSelect;
/** A bulk row as stored. */
export type BulkRowRow = typeof bulkAwardRows.$inferSelect;

/** The achievement a run awards, with its latest published version (null when it was never published). */
export async function findAwardableAchievement(db: Db, orgId: string, achievementId: string) {
  const [row] = await db
    .select({ achievement: achievements, version: achievementVersions })
    .from(achievements)
    .leftJoin(achievementVersions, eq(achievementVersions.id, achievements.latestVersionId))
    .where(and(eq(achievements.id, achievementId), eq(achievements.orgId, orgId)));
  return row;
}

/** The names of achievements by id (from their latest published version, else their draft). */
export async function achievementNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: achievements.id, draft: achievements.draft, content: achievementVersions.content })
    .from(achievements)
    .leftJoin(achievementVersions, eq(achievementVersions.id, achievements.latestVersionId))
    .where(inArray(achievements.id, ids));
  return new Map(rows.map((r) => [r.id, String((r.content ?? r.draft)['name'] ?? r.id)]));
}

/** Insert a run. */
export async function insertRun(db: Db, row: typeof bulkAwardRuns.$inferInsert): Promise<void> {
  await db.insert(bulkAwardRuns).values(row);
}

/** Delete a run and its rows (an upload that was refused half-way). */
export async function deleteRun(db: Db, id: string): Promise<void> {
  await db.delete(bulkAwardRuns).where(eq(bulkAwardRuns.id, id));
}

/** Insert rows in one statement. */
export async function insertRows(db: Db, rows: Array<typeof bulkAwardRows.$inferInsert>): Promise<void> {
  if (!rows.length) return;
  // ONE parameter, a JSON array exploded by json_to_recordset, not ten bound parameters per row.
  const json = jsonParam(
    rows.map((r) => ({
      run_id: r.runId,
      row: r.row,
      email: r.email,
      name: r.name,
      issued_on: r.issuedOn ?? '',
      narrative: r.narrative ?? '',
      evidence_url: r.evidenceUrl ?? '',
      levels: r.levels ?? {},
      problems: r.problems ?? [],
      has_problems: r.hasProblems ?? false,
      outcome: r.outcome ?? 'pending',
      award_id: r.awardId ?? null,
      credential_id: r.credentialId ?? null,
      message: r.message ?? null,
      done_at: isoOrNull(r.doneAt),
    })),
  );
  await db.execute(sql`
    insert into bulk_award_rows (run_id, "row", email, name, issued_on, narrative, evidence_url, levels, problems, has_problems,
                                 outcome, award_id, credential_id, message, done_at)
    select run_id, "row", email, name, issued_on, narrative, evidence_url, levels, problems, has_problems,
           outcome, award_id, credential_id, message, done_at
      from json_to_recordset(${jsonBatch(json)})
        as x(run_id text, "row" integer, email text, name text, issued_on text, narrative text, evidence_url text, levels jsonb,
             problems jsonb, has_problems boolean, outcome text, award_id text, credential_id text, message text, done_at timestamptz)`);
}

/** One run of an organisation (optionally locked). */
export async function findRun(db: Db, orgId: string, id: string, lock = false): Promise<BulkRunRow | undefined> {
  const q = db
    .select()
    .from(bulkAwardRuns)
    .where(and(eq(bulkAwardRuns.id, id), eq(bulkAwardRuns.orgId, orgId)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** A run by id alone (the job). */
export async function findRunById(db: Db, id: string, lock = false): Promise<BulkRunRow | undefined> {
  const q = db.select().from(bulkAwardRuns).where(eq(bulkAwardRuns.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** An organisation's runs, newest first. */
export async function listRuns(db: Db, orgId: string, limit = 50): Promise<BulkRunRow[]> {
  return db.select().from(bulkAwardRuns).where(eq(bulkAwardRuns.orgId, orgId)).orderBy(desc(bulkAwardRuns.createdAt)).limit(limit);
}

/** Change a run. */
export async function updateRun(db: Db, id: string, patch: Partial<typeof bulkAwardRuns.$inferInsert>): Promise<BulkRunRow | undefined> {
  const [row] = await db.update(bulkAwardRuns).set(patch).where(eq(bulkAwardRuns.id, id)).returning();
  return row;
}

/** Rows per outcome, and rows with problems, of each run. */
export async function countRows(
  db: Db,
  runIds: string[],
): Promise<Map<string, { pending: number; issued: number; skipped: number; failed: number; problems: number }>> {
  const out = new Map<string, { pending: number; issued: number; skipped: number; failed: number; problems: number }>();
  if (runIds.length === 0) return out;
  const rows = await db
    .select({
      runId: bulkAwardRows.runId,
      outcome: bulkAwardRows.outcome,
      hasProblems: bulkAwardRows.hasProblems,
      n: sql<number>`count(*)::int`,
    })
    .from(bulkAwardRows)
    .where(inArray(bulkAwardRows.runId, runIds))
    .groupBy(bulkAwardRows.runId, bulkAwardRows.outcome, bulkAwardRows.hasProblems);
  for (const r of rows) {
    const c = out.get(r.runId) ?? { pending: 0, issued: 0, skipped: 0, failed: 0, problems: 0 };
    c[r.outcome] += r.n;
    if (r.hasProblems) c.problems += r.n;
    out.set(r.runId, c);
  }
  return out;
}

/** A page of a run's rows in row order, after `afterRow`; only rows with problems when asked. */
export async function listRows(
  db: Db,
  runId: string,
  opts: { afterRow: number; limit: number; problemsOnly: boolean },
): Promise<BulkRowRow[]> {
  const where = [eq(bulkAwardRows.runId, runId), gt(bulkAwardRows.row, opts.afterRow)];
  if (opts.problemsOnly) where.push(eq(bulkAwardRows.hasProblems, true));
  return db
    .select()
    .from(bulkAwardRows)
    .where(and(...where))
    .orderBy(asc(bulkAwardRows.row))
    .limit(opts.limit);
}

/** One row. */
export async function findRow(db: Db, runId: string, row: number): Promise<BulkRowRow | undefined> {
  const [r] = await db
    .select()
    .from(bulkAwardRows)
    .where(and(eq(bulkAwardRows.runId, runId), eq(bulkAwardRows.row, row)));
  return r;
}

/** The rows of a run whose email (trimmed, lowercase) is one of `emails`, in row order. */
export async function rowsWithEmails(db: Db, runId: string, emails: string[]): Promise<BulkRowRow[]> {
  if (emails.length === 0) return [];
  return db
    .select()
    .from(bulkAwardRows)
    .where(and(eq(bulkAwardRows.runId, runId), inArray(sql`lower(trim(${bulkAwardRows.email}))`, emails)))
    .orderBy(asc(bulkAwardRows.row));
}

/** Change one row. */
export async function updateRow(db: Db, runId: string, row: number, patch: Partial<typeof bulkAwardRows.$inferInsert>): Promise<void> {
  await db
    .update(bulkAwardRows)
    .set(patch)
    .where(and(eq(bulkAwardRows.runId, runId), eq(bulkAwardRows.row, row)));
}

/** The next rows the run has not done, in row order. */
export async function nextPendingRows(db: Db, runId: string, limit: number, after = 0): Promise<BulkRowRow[]> {
  return db
    .select()
    .from(bulkAwardRows)
    .where(and(eq(bulkAwardRows.runId, runId), eq(bulkAwardRows.outcome, 'pending'), gt(bulkAwardRows.row, after)))
    .orderBy(asc(bulkAwardRows.row))
    .limit(limit);
}

/** How many rows of a run are still pending. */
export async function countPendingRows(db: Db, runId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bulkAwardRows)
    .where(and(eq(bulkAwardRows.runId, runId), eq(bulkAwardRows.outcome, 'pending')));
  return Number(r?.n ?? 0);
}

/** A row's outcome. */
export interface RowOutcome {
  row: number;
  outcome: 'issued' | 'skipped' | 'failed';
  awardId: string | null;
  credentialId: string | null;
  message: string | null;
}

/** Record outcomes of pending rows in one statement (a row already done keeps its first outcome). */
export async function recordOutcomes(db: Db, runId: string, outcomes: RowOutcome[], now: Date): Promise<void> {
  if (outcomes.length === 0) return;
  // ONE parameter, a JSON array exploded by json_to_recordset, not five bound parameters per row.
  const rows = jsonParam(
    outcomes.map((o) => ({ row: o.row, outcome: o.outcome, award_id: o.awardId, credential_id: o.credentialId, message: o.message })),
  );
  await db.execute(sql`
    update bulk_award_rows r set outcome = v.outcome, award_id = v.award_id, credential_id = v.credential_id, message = v.message, done_at = ${now.toISOString()}::timestamptz
      from json_to_recordset(${jsonBatch(rows)}) as v("row" integer, outcome text, award_id text, credential_id text, message text)
     where r.run_id = ${runId} and r.row = v.row and r.outcome = 'pending'`);
}

/** The awards already holding some idempotency keys in an organisation, with their credential. */
export async function awardsByKeys(db: Db, orgId: string, keys: string[]) {
  if (keys.length === 0) return [];
  return db
    .select({ id: awards.id, key: awards.idempotencyKey, sourceRef: awards.sourceRef, source: awards.source, credentialId: credentials.id })
    .from(awards)
    .leftJoin(credentials, and(eq(credentials.awardId, awards.id), isNull(credentials.replacedBy)))
    .where(and(eq(awards.orgId, orgId), inArray(awards.idempotencyKey, keys)));
}

/** Every row of a run in order, streamed in pages (the report). */
export async function* allRows(db: Db, runId: string, page = 2000): AsyncGenerator<BulkRowRow[]> {
  let after = 0;
  for (;;) {
    const rows = await listRows(db, runId, { afterRow: after, limit: page, problemsOnly: false });
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]?.row ?? after;
  }
}

/** How many credentials and status indexes a run's rows point at, and how many distinct (crash-safety checks). */
export async function rowIssueCounts(db: Db, runId: string) {
  const [r] = await queryRows<{ issued: number; distinct_credentials: number }>(
    db,
    sql`select count(*)::int as issued, count(distinct credential_id)::int as distinct_credentials from bulk_award_rows where run_id = ${runId} and outcome = 'issued'`,
  );
  return { issued: r?.issued ?? 0, distinctCredentials: r?.distinct_credentials ?? 0 };
}

/** What a bulk revocation selects: exact credential ids, or a filter over the organisation's current credentials. */
export type RevokeSelection = { ids: string[] } | { achievementId?: string; runId?: string; issuedAfter?: Date; issuedBefore?: Date };

/** The organisation's current (not re-issued) credentials a selection matches, with what revoking them needs. */
export async function selectCredentials(db: Db, orgId: string, selection: RevokeSelection, limit: number) {
  const where: SQL[] = [eq(credentials.orgId, orgId), isNull(credentials.replacedBy)];
  if ('ids' in selection) where.push(inArray(credentials.id, selection.ids));
  else {
    if (selection.achievementId) where.push(eq(credentials.achievementId, selection.achievementId));
    if (selection.issuedAfter) where.push(gte(credentials.issuedAt, selection.issuedAfter));
    if (selection.issuedBefore) where.push(lt(credentials.issuedAt, selection.issuedBefore));
    if (selection.runId)
      where.push(
        inArray(
          credentials.id,
          db
            .select({ id: sql<string>`${bulkAwardRows.credentialId}` })
            .from(bulkAwardRows)
            .where(and(eq(bulkAwardRows.runId, selection.runId), eq(bulkAwardRows.outcome, 'issued'))),
        ),
      );
  }
  return db
    .select({
      id: credentials.id,
      achievementId: credentials.achievementId,
      learnerId: credentials.learnerId,
      awardId: credentials.awardId,
      issuedAt: credentials.issuedAt,
      revokedAt: credentials.revokedAt,
      revocationListId: credentials.revocationListId,
      revocationIndex: credentials.revocationIndex,
      recipient: sql<string>`coalesce(${awards.recipientEmail}, ${awards.recipientName}, '')`,
    })
    .from(credentials)
    .leftJoin(awards, eq(awards.id, credentials.awardId))
    .where(and(...where))
    .orderBy(asc(credentials.issuedAt), asc(credentials.id))
    .limit(limit);
}

/** Lock status lists (in id order, so two revocations never deadlock) and return their bits. */
export async function lockStatusLists(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: statusLists.id, bits: statusLists.bits })
    .from(statusLists)
    .where(inArray(statusLists.id, [...ids].sort()))
    .orderBy(asc(statusLists.id))
    .for('update');
  return new Map(rows.map((r) => [r.id, r.bits]));
}

/** Save a status list's bits. */
export async function saveBits(db: Db, id: string, bits: string, now: Date): Promise<void> {
  await db.update(statusLists).set({ bits, updatedAt: now }).where(eq(statusLists.id, id));
}

/** Mark credentials revoked with a reason (those already revoked keep their first revocation); returns the ids changed. */
export async function markRevoked(db: Db, ids: string[], reason: string, now: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .update(credentials)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(inArray(credentials.id, ids), isNull(credentials.revokedAt)))
    .returning({ id: credentials.id });
  return rows.map((r) => r.id);
}

/** Insert audit events in one statement. */
export async function insertAuditEvents(db: Db, rows: Array<typeof auditEvents.$inferInsert>): Promise<void> {
  if (rows.length) await db.insert(auditEvents).values(rows);
}

/**
 * Rows ANALYZE samples per table is 300 times this statistics target. It copies each sampled row whole, the signed
 * document of a credential included, whatever columns it is told to look at, and on PGlite the memory that takes stays
 * in the wasm heap, which never shrinks. At the default target (100: 30,000 rows), the refresh at 20,000 rows grew
 * `tessera bench awards --rows 100000`'s peak RSS by 31–43 MB (50,000 rows, runs alternated: 491–503 MB against 460
 * MB twice). 3,000 rows are plenty for what the job needs: the tables' sizes, and that the keys it looks up are unique.
 */
const BULK_STATISTICS_TARGET = 10;

/**
 * Refresh the planner's statistics of the tables a bulk job writes and reads by key: their row counts, and the
 * columns its lookups filter on. PGlite runs no autovacuum, so without this a table filled by a job keeps the
 * planner's guess of a few dozen rows, and the per-batch check for existing idempotency keys scans every award of
 * the organisation instead of probing its unique index (measured at 40,000 awards: 14 ms a batch, 1.3 ms after).
 * The planner scales counts by the table's current size, so statistics taken once the tables hold a few thousand
 * rows stay good as they grow. The sample is kept small (BULK_STATISTICS_TARGET), for this statement only.
 */
export async function refreshPlannerStatistics(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local default_statistics_target = ${BULK_STATISTICS_TARGET}`));
    await tx.execute(sql`analyze awards (org_id, idempotency_key, recipient_email), credentials (org_id, award_id),
                                 audit_events (org_id), bulk_award_rows (run_id, outcome)`);
  });
}
