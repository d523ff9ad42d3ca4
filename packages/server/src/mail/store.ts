import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { mailMessages } from '../db/schema.js';

/** A stored mail row. */
export type MailRow = typeof mailMessages.$inferSelect;

/** Insert a mail message. */
export async function insertMail(db: Db, row: typeof mailMessages.$inferInsert): Promise<void> {
  await db.insert(mailMessages).values(row);
}

/** Find one message. */
export async function findMail(db: Db, id: string): Promise<MailRow | undefined> {
  const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
  return row;
}

/**
 * Claim a message for sending: `queued` (or `failed`, or a `sending` claim older than `staleBefore`) becomes
 * `sending` in one statement, so of two runs at once only one gets the row. Undefined when not claimable.
 */
export async function claimMailForSending(db: Db, opts: { id: string; now: Date; staleBefore: Date }): Promise<MailRow | undefined> {
  const [row] = await db
    .update(mailMessages)
    .set({ status: 'sending', sendingSince: opts.now })
    .where(
      and(
        eq(mailMessages.id, opts.id),
        eq(mailMessages.transport, 'smtp'),
        or(
          inArray(mailMessages.status, ['queued', 'failed']),
          and(eq(mailMessages.status, 'sending'), lt(mailMessages.sendingSince, opts.staleBefore)),
        ),
      ),
    )
    .returning();
  return row;
}

/** Give a claimed message back to the queue (the send failed, or the job was lost before sending). */
export async function releaseMailClaim(db: Db, id: string): Promise<void> {
  await db
    .update(mailMessages)
    .set({ status: 'queued', sendingSince: null })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.status, 'sending')));
}

/** Mark a message's delivery state. */
export async function setMailStatus(db: Db, id: string, status: MailRow['status'], sentAt: Date | null): Promise<void> {
  await db.update(mailMessages).set({ status, sentAt }).where(eq(mailMessages.id, id));
}

/** Newest messages first. */
export async function listMail(db: Db, limit: number): Promise<MailRow[]> {
  return db.select().from(mailMessages).orderBy(desc(mailMessages.createdAt), desc(mailMessages.id)).limit(limit);
}
