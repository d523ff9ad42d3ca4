import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import { jobs } from '../db/schema.js';

/** A job row. */
export type JobRow = typeof jobs.$inferSelect;

/** Insert a job unless one with the same idempotency key exists; returns the job's id either way. */
export async function insertJob(db: Db, row: typeof jobs.$inferInsert): Promise<{ id: string; created: boolean }> {
  const inserted = await db.insert(jobs).values(row).onConflictDoNothing({ target: jobs.idempotencyKey }).returning({ id: jobs.id });
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const [existing] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(eq(jobs.idempotencyKey, row.idempotencyKey ?? ''));
  if (!existing) throw new Error('Job insert conflicted but no job holds the idempotency key');
  return { id: existing.id, created: false };
}

interface RawJob {
  id: string;
  type: string;
  payload: Record<string, unknown> | string;
  attempts: number;
  max_attempts: number;
}

/**
 * Claim up to `limit` runnable jobs: queued ones whose time has come, and running ones whose lease ran out
 * (their worker died). Rows are locked with FOR UPDATE SKIP LOCKED so concurrent workers never take the same job.
 */
export async function claimJobs(
  db: Db,
  opts: { workerId: string; types: string[]; now: Date; leaseUntil: Date; limit: number },
): Promise<Array<{ id: string; type: string; payload: Record<string, unknown>; attempts: number; maxAttempts: number }>> {
  if (opts.types.length === 0) return [];
  const types = sql.join(
    opts.types.map((t) => sql`${t}`),
    sql`, `,
  );
  // A job whose worker vanished on its last allowed attempt is not run again: a job that kills its process
  // would otherwise be reclaimed forever. It ends dead, with the reason, where owners can see and retry it.
  await db.execute(
    sql`update jobs set state = 'dead', lease_until = null, locked_by = null,
          updated_at = ${opts.now.toISOString()}::timestamptz, finished_at = ${opts.now.toISOString()}::timestamptz,
          last_error = 'The worker stopped responding (its lease ran out) on attempt ' || attempts || ' of ' || max_attempts
            || coalesce('; before that: ' || last_error, '')
        where id in (
          select id from jobs
           where type in (${types}) and state = 'running' and lease_until < ${opts.now.toISOString()}::timestamptz
             and attempts >= max_attempts
           for update skip locked)`,
  );
  const rows = await queryRows<RawJob>(
    db,
    sql`update jobs set state = 'running', attempts = attempts + 1, locked_by = ${opts.workerId},
          lease_until = ${opts.leaseUntil.toISOString()}::timestamptz, updated_at = ${opts.now.toISOString()}::timestamptz
        where id in (
          select id from jobs
           where type in (${types})
             and ((state = 'queued' and run_after <= ${opts.now.toISOString()}::timestamptz)
               or (state = 'running' and lease_until < ${opts.now.toISOString()}::timestamptz))
           order by run_after, created_at
           limit ${opts.limit}
           for update skip locked)
        returning id, type, payload, attempts, max_attempts`,
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
  }));
}

/** Whether this worker still holds the job: it is running, locked by the worker, and the lease has not run out. */
export async function holdsLease(db: Db, id: string, workerId: string, now: Date): Promise<boolean> {
  const rows = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.state, 'running'), gte(jobs.leaseUntil, now)));
  return rows.length > 0;
}

/** Extend a lease held by this worker; false when the worker lost the job. */
export async function extendLease(db: Db, id: string, workerId: string, leaseUntil: Date): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ leaseUntil })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.state, 'running')))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Mark a job done, only if this worker still holds it. */
export async function markSucceeded(db: Db, id: string, workerId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ state: 'succeeded', leaseUntil: null, progress: 100, updatedAt: now, finishedAt: now, lastError: null })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.state, 'running')))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Record a failure: back to the queue after `runAfter`, or dead when attempts are used up. */
export async function markFailed(
  db: Db,
  opts: { id: string; workerId: string; now: Date; error: string; dead: boolean; runAfter: Date },
): Promise<void> {
  await db
    .update(jobs)
    .set({
      state: opts.dead ? 'dead' : 'queued',
      lastError: opts.error.slice(0, 2000),
      runAfter: opts.runAfter,
      leaseUntil: null,
      lockedBy: null,
      updatedAt: opts.now,
      finishedAt: opts.dead ? opts.now : null,
    })
    .where(and(eq(jobs.id, opts.id), eq(jobs.lockedBy, opts.workerId), eq(jobs.state, 'running')));
}

/** Update a job's progress (0–100). */
export async function setProgress(db: Db, id: string, progress: number): Promise<void> {
  await db.update(jobs).set({ progress }).where(eq(jobs.id, id));
}

/** Read one job. */
export async function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

/** Jobs of an organisation in the given states, newest first. */
export async function listOrgJobs(db: Db, orgId: string, states: Array<JobRow['state']>, limit: number): Promise<JobRow[]> {
  return db
    .select()
    .from(jobs)
    .where(and(eq(jobs.orgId, orgId), inArray(jobs.state, states)))
    .orderBy(desc(jobs.updatedAt), desc(jobs.id))
    .limit(limit);
}

/** Put a dead job back on the queue with a fresh set of attempts; false unless it was dead (and the organisation's). */
export async function requeueDeadJob(db: Db, opts: { id: string; orgId: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ state: 'queued', attempts: 0, runAfter: opts.now, leaseUntil: null, lockedBy: null, finishedAt: null, updatedAt: opts.now })
    .where(and(eq(jobs.id, opts.id), eq(jobs.orgId, opts.orgId), eq(jobs.state, 'dead')))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** The job holding an idempotency key (e.g. `issue:<submission id>`), if any. */
export async function findJobByKey(db: Db, idempotencyKey: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.idempotencyKey, idempotencyKey));
  return row;
}
