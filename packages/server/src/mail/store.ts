import { desc, eq } from 'drizzle-orm';
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

/** Mark a message's delivery state. */
export async function setMailStatus(db: Db, id: string, status: MailRow['status'], sentAt: Date | null): Promise<void> {
  await db.update(mailMessages).set({ status, sentAt }).where(eq(mailMessages.id, id));
}

/** Newest messages first. */
export async function listMail(db: Db, limit: number): Promise<MailRow[]> {
  return db.select().from(mailMessages).orderBy(desc(mailMessages.createdAt), desc(mailMessages.id)).limit(limit);
}
