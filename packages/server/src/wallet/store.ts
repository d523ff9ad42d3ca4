import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { collections, walletItems } from '../db/schema.js';

/** A stored wallet item. */
export type WalletItemRow = typeof walletItems.$inferSelect;
/** A stored collection. */
export type CollectionRow = typeof collections.$inferSelect;

/** Store an imported credential. */
export async function insertWalletItem(db: Db, row: WalletItemRow): Promise<void> {
  await db.insert(walletItems).values(row);
}

/** A learner's imported credentials, newest first. */
export async function listWalletItems(db: Db, accountId: string): Promise<WalletItemRow[]> {
  return db.select().from(walletItems).where(eq(walletItems.accountId, accountId)).orderBy(desc(walletItems.createdAt));
}

/** One of a learner's imported credentials. */
export async function findWalletItem(db: Db, accountId: string, id: string): Promise<WalletItemRow | undefined> {
  const [row] = await db
    .select()
    .from(walletItems)
    .where(and(eq(walletItems.accountId, accountId), eq(walletItems.id, id)));
  return row;
}

/** Record a new verification of an imported credential. */
export async function updateWalletItem(db: Db, id: string, patch: Partial<WalletItemRow>): Promise<void> {
  await db.update(walletItems).set(patch).where(eq(walletItems.id, id));
}

/** Remove an imported credential. */
export async function deleteWalletItem(db: Db, accountId: string, id: string): Promise<boolean> {
  return (
    (
      await db
        .delete(walletItems)
        .where(and(eq(walletItems.accountId, accountId), eq(walletItems.id, id)))
        .returning({ id: walletItems.id })
    ).length > 0
  );
}

/** A learner's collections, oldest first. */
export async function listCollections(db: Db, accountId: string): Promise<CollectionRow[]> {
  return db.select().from(collections).where(eq(collections.accountId, accountId)).orderBy(collections.createdAt);
}

/** Create or replace a collection. */
export async function upsertCollection(db: Db, row: CollectionRow): Promise<void> {
  await db
    .insert(collections)
    .values(row)
    .onConflictDoUpdate({ target: collections.id, set: { name: row.name, isPublic: row.isPublic, entries: row.entries } });
}

/** One of a learner's collections. */
export async function findCollection(db: Db, accountId: string, id: string): Promise<CollectionRow | undefined> {
  const [row] = await db
    .select()
    .from(collections)
    .where(and(eq(collections.accountId, accountId), eq(collections.id, id)));
  return row;
}

/** Delete a collection. */
export async function deleteCollection(db: Db, accountId: string, id: string): Promise<boolean> {
  return (
    (
      await db
        .delete(collections)
        .where(and(eq(collections.accountId, accountId), eq(collections.id, id)))
        .returning({ id: collections.id })
    ).length > 0
  );
}
