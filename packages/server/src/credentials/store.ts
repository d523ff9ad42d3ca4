import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { accounts, achievementVersions, credentials, orgs, statusLists } from '../db/schema.js';

/** A credential row. */
export type CredentialRow = typeof credentials.$inferSelect;
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

/** Insert a credential; false when the submission already has a current (not replaced) one (exactly once). */
export async function insertCredential(db: Db, row: typeof credentials.$inferInsert): Promise<boolean> {
  const r = await db
    .insert(credentials)
    .values(row)
    .onConflictDoNothing({ target: credentials.submissionId, where: sql`replaced_by is null` })
    .returning({ id: credentials.id });
  return r.length > 0;
}

/** A credential by id (locked for update when asked). */
export async function findCredential(db: Db, id: string, lock = false): Promise<CredentialRow | undefined> {
  const q = db.select().from(credentials).where(eq(credentials.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Update a credential. */
export async function updateCredential(db: Db, id: string, patch: Partial<CredentialRow>): Promise<CredentialRow | undefined> {
  const [row] = await db.update(credentials).set(patch).where(eq(credentials.id, id)).returning();
  return row;
}

/**
 * Credentials with achievement names and recipients, newest first: all an organisation issued, or a learner's
 * current ones (a credential re-issued with later sharing choices is replaced by its successor).
 */
export async function listCredentialRows(db: Db, where: { orgId?: string; learnerId?: string }) {
  const cond = where.orgId ? eq(credentials.orgId, where.orgId) : and(eq(credentials.learnerId, where.learnerId ?? ''), isNull(credentials.replacedBy));
  return db
    .select({ c: credentials, content: achievementVersions.content, orgName: orgs.name, orgSlug: orgs.slug, learnerName: accounts.name })
    .from(credentials)
    .innerJoin(achievementVersions, eq(achievementVersions.id, credentials.versionId))
    .innerJoin(orgs, eq(orgs.id, credentials.orgId))
    .innerJoin(accounts, eq(accounts.id, credentials.learnerId))
    .where(cond)
    .orderBy(desc(credentials.issuedAt));
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
    const [last] = await db.select({ seq: sql<number>`coalesce(max(${statusLists.seq}), 0)` }).from(statusLists).where(and(eq(statusLists.orgId, opts.orgId), eq(statusLists.purpose, opts.purpose)));
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
