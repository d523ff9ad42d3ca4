import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { notifications } from '../db/schema.js';

/** Insert a notification. */
export async function insertNotification(db: Db, row: typeof notifications.$inferInsert): Promise<void> {
  await db.insert(notifications).values(row);
}

/** An account's newest notifications. */
export async function listNotificationRows(db: Db, accountId: string, limit: number) {
  return db.select().from(notifications).where(eq(notifications.accountId, accountId)).orderBy(desc(notifications.createdAt)).limit(limit);
}

/** Mark one of the account's notifications read. */
export async function markNotificationRead(db: Db, accountId: string, id: string, at: Date): Promise<boolean> {
  const r = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), eq(notifications.accountId, accountId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return r.length > 0;
}
