import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { noticeDeliveries, notificationPreferences, notifications } from '../db/schema.js';

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

/** How many of an account's notifications are unread. */
export async function countUnreadNotificationRows(db: Db, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** A member's stored notice preferences for one organisation (undefined: the defaults). */
export type NotificationPreferenceRow = typeof notificationPreferences.$inferSelect;

/** An account's stored notice preferences, one row per organisation that has any. */
export async function listNotificationPreferenceRows(db: Db, accountId: string): Promise<NotificationPreferenceRow[]> {
  return db.select().from(notificationPreferences).where(eq(notificationPreferences.accountId, accountId));
}

/** Stored notice preferences of several accounts in one organisation. */
export async function preferencesOfAccounts(db: Db, orgId: string, accountIds: string[]): Promise<NotificationPreferenceRow[]> {
  if (!accountIds.length) return [];
  return db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.orgId, orgId), inArray(notificationPreferences.accountId, accountIds)));
}

/** Create or change a member's notice preferences for one organisation. */
export async function upsertNotificationPreference(db: Db, row: NotificationPreferenceRow): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values(row)
    .onConflictDoUpdate({
      target: [notificationPreferences.accountId, notificationPreferences.orgId],
      set: { inApp: row.inApp, email: row.email, updatedAt: row.updatedAt },
    });
}

/** A notice delivery row. */
export type NoticeDeliveryRow = typeof noticeDeliveries.$inferSelect;

/** Record a delivery once; false when this account already had this notice on this channel (a retried job). */
export async function claimNoticeDelivery(db: Db, row: NoticeDeliveryRow): Promise<boolean> {
  const r = await db.insert(noticeDeliveries).values(row).onConflictDoNothing().returning({ key: noticeDeliveries.noticeKey });
  return r.length > 0;
}

/** An account's digest notices not yet emailed, oldest first, locked so two digest runs cannot both send them. */
export async function lockPendingDigest(db: Db, accountId: string): Promise<NoticeDeliveryRow[]> {
  return db
    .select()
    .from(noticeDeliveries)
    .where(and(eq(noticeDeliveries.accountId, accountId), eq(noticeDeliveries.channel, 'digest'), isNull(noticeDeliveries.sentAt)))
    .orderBy(asc(noticeDeliveries.createdAt), asc(noticeDeliveries.noticeKey))
    .for('update');
}

/** Mark an account's pending digest notices sent. */
export async function markDigestSent(db: Db, accountId: string, keys: string[], at: Date): Promise<void> {
  if (!keys.length) return;
  await db
    .update(noticeDeliveries)
    .set({ sentAt: at })
    .where(
      and(eq(noticeDeliveries.accountId, accountId), eq(noticeDeliveries.channel, 'digest'), inArray(noticeDeliveries.noticeKey, keys)),
    );
}
