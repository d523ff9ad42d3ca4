import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { signingKeys } from '../db/schema.js';

/** A signing key row. */
export type SigningKeyRow = typeof signingKeys.$inferSelect;
/** The algorithms keys are made for. */
export type KeyAlgorithm = SigningKeyRow['algorithm'];

/** Insert a key. */
export async function insertSigningKey(db: Db, row: typeof signingKeys.$inferInsert): Promise<void> {
  await db.insert(signingKeys).values(row);
}

/** All keys of an organisation, oldest first (retired ones stay resolvable). */
export async function listSigningKeys(db: Db, orgId: string): Promise<SigningKeyRow[]> {
  return db.select().from(signingKeys).where(eq(signingKeys.orgId, orgId)).orderBy(asc(signingKeys.createdAt), asc(signingKeys.id));
}

/** The current (unretired) key of an organisation for an algorithm. */
export async function findCurrentKey(db: Db, orgId: string, algorithm: KeyAlgorithm = 'Ed25519'): Promise<SigningKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(signingKeys)
    .where(and(eq(signingKeys.orgId, orgId), eq(signingKeys.algorithm, algorithm), isNull(signingKeys.retiredAt)));
  return row;
}

/** Retire the current key of an organisation for an algorithm. */
export async function retireCurrentKey(db: Db, orgId: string, algorithm: KeyAlgorithm, at: Date): Promise<string | undefined> {
  const [row] = await db
    .update(signingKeys)
    .set({ retiredAt: at })
    .where(and(eq(signingKeys.orgId, orgId), eq(signingKeys.algorithm, algorithm), isNull(signingKeys.retiredAt)))
    .returning({ id: signingKeys.id });
  return row?.id;
}

/** The platform's own keys (org_id null), oldest first. */
export async function listPlatformKeys(db: Db): Promise<SigningKeyRow[]> {
  return db.select().from(signingKeys).where(isNull(signingKeys.orgId)).orderBy(asc(signingKeys.createdAt), asc(signingKeys.id));
}

/** The platform's current key. */
export async function findCurrentPlatformKey(db: Db): Promise<SigningKeyRow | undefined> {
  const [row] = await db.select().from(signingKeys).where(and(isNull(signingKeys.orgId), isNull(signingKeys.retiredAt)));
  return row;
}
