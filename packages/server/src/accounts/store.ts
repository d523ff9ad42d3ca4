import { and, count, eq, gt, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { accounts, emailVerifications, memberships, orgs, passwordResets, rateLimits, sessions } from '../db/schema.js';

/** An account row. */
export type AccountRow = typeof accounts.$inferSelect;
/** A session row. */
export type SessionRow = typeof sessions.$inferSelect;

/** Insert an account; returns false when the email is taken. */
export async function insertAccount(db: Db, row: typeof accounts.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(accounts).values(row).onConflictDoNothing({ target: accounts.email }).returning({ id: accounts.id });
  return inserted.length > 0;
}

/** How many accounts exist. */
export async function countAccounts(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(accounts);
  return Number(row?.n ?? 0);
}

/** Find an account by email. */
export async function findAccountByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.email, email));
  return row;
}

/** Find an account by id. */
export async function findAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row;
}

/** Update account fields. */
export async function updateAccount(db: Db, id: string, patch: Partial<typeof accounts.$inferInsert>): Promise<AccountRow | undefined> {
  const [row] = await db.update(accounts).set(patch).where(eq(accounts.id, id)).returning();
  return row;
}

/** Insert a session. */
export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

/** A live session with its account: not past its absolute expiry, and seen after `idleSince`. */
export async function findLiveSession(
  db: Db,
  id: string,
  now: Date,
  idleSince: Date,
): Promise<{ session: SessionRow; account: AccountRow } | undefined> {
  const [row] = await db
    .select({ session: sessions, account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleSince)));
  return row;
}

/** Record activity on a session. */
export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

/** Delete one session. */
export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Delete every session of an account (after a password reset). */
export async function deleteSessionsOfAccount(db: Db, accountId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.accountId, accountId));
}

/** Delete every session of an account but one (after a password change, the one that changed it stays). */
export async function deleteOtherSessionsOfAccount(db: Db, accountId: string, keepSessionId: string): Promise<number> {
  const gone = await db
    .delete(sessions)
    .where(and(eq(sessions.accountId, accountId), ne(sessions.id, keepSessionId)))
    .returning({ id: sessions.id });
  return gone.length;
}

/** Delete sessions past their absolute expiry or idle since `idleSince`; returns how many. */
export async function deleteDeadSessions(db: Db, now: Date, idleSince: Date): Promise<number> {
  const gone = await db
    .delete(sessions)
    .where(or(lte(sessions.expiresAt, now), lte(sessions.lastSeenAt, idleSince)))
    .returning({ id: sessions.id });
  return gone.length;
}

/** An account's memberships with organisation names. */
export async function listMembershipsOfAccount(db: Db, accountId: string) {
  return db
    .select({ id: orgs.id, slug: orgs.slug, name: orgs.name, role: memberships.role })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(eq(memberships.accountId, accountId))
    .orderBy(orgs.name);
}

/** Insert a password reset token. */
export async function insertPasswordReset(db: Db, row: typeof passwordResets.$inferInsert): Promise<void> {
  await db.insert(passwordResets).values(row);
}

/** Atomically consume an unused, unexpired reset token; returns its account id. */
export async function consumePasswordReset(db: Db, tokenHash: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .returning({ accountId: passwordResets.accountId });
  return row?.accountId;
}

/** Delete every reset token of an account, used or not (after any reset or password change). */
export async function deletePasswordResetsOfAccount(db: Db, accountId: string): Promise<void> {
  await db.delete(passwordResets).where(eq(passwordResets.accountId, accountId));
}

/** Delete reset tokens past their expiry; returns how many. */
export async function deleteExpiredPasswordResets(db: Db, now: Date): Promise<number> {
  const gone = await db.delete(passwordResets).where(lte(passwordResets.expiresAt, now)).returning({ id: passwordResets.id });
  return gone.length;
}

/** Insert an email verification token. */
export async function insertEmailVerification(db: Db, row: typeof emailVerifications.$inferInsert): Promise<void> {
  await db.insert(emailVerifications).values(row);
}

/** Atomically consume an unexpired verification token; returns its account id. */
export async function consumeEmailVerification(db: Db, tokenHash: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .delete(emailVerifications)
    .where(and(eq(emailVerifications.tokenHash, tokenHash), gt(emailVerifications.expiresAt, now)))
    .returning({ accountId: emailVerifications.accountId });
  return row?.accountId;
}

/** Delete every verification token of an account (once the address is verified). */
export async function deleteEmailVerificationsOfAccount(db: Db, accountId: string): Promise<void> {
  await db.delete(emailVerifications).where(eq(emailVerifications.accountId, accountId));
}

/** Delete verification tokens past their expiry; returns how many. */
export async function deleteExpiredEmailVerifications(db: Db, now: Date): Promise<number> {
  const gone = await db.delete(emailVerifications).where(lte(emailVerifications.expiresAt, now)).returning({ id: emailVerifications.id });
  return gone.length;
}

/** Mark an account's email verified (keeps the first verification time). */
export async function markEmailVerified(db: Db, accountId: string, now: Date): Promise<void> {
  await db
    .update(accounts)
    .set({ emailVerifiedAt: sql`coalesce(${accounts.emailVerifiedAt}, ${now.toISOString()}::timestamptz)`, updatedAt: now })
    .where(eq(accounts.id, accountId));
}

/** Count one hit in a fixed window; returns the count within the current window. */
export async function hitRateLimit(db: Db, key: string, now: Date, windowMs: number): Promise<{ count: number; windowStart: Date }> {
  const windowFloor = new Date(now.getTime() - windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} <= ${windowFloor.toISOString()}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} <= ${windowFloor.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  return { count: row?.count ?? 1, windowStart: row?.windowStart ?? now };
}

/** Forget a rate-limit key (after a successful sign-in). */
export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Delete rate-limit counters whose window started before `before` (no limit uses a window longer than a day). */
export async function deleteStaleRateLimits(db: Db, before: Date): Promise<number> {
  const gone = await db.delete(rateLimits).where(lt(rateLimits.windowStart, before)).returning({ key: rateLimits.key });
  return gone.length;
}
