import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { orgs, signingKeys } from '../db/schema.js';

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
  const [row] = await db
    .select()
    .from(signingKeys)
    .where(and(isNull(signingKeys.orgId), isNull(signingKeys.retiredAt)));
  return row;
}

/** Every signing key's sealed private key, locked for update (a master-key rotation re-seals them all at once). */
export async function lockSealedSigningKeys(db: Db): Promise<Array<Pick<SigningKeyRow, 'id' | 'encryptedPrivateKey' | 'masterKeyId'>>> {
  return db
    .select({ id: signingKeys.id, encryptedPrivateKey: signingKeys.encryptedPrivateKey, masterKeyId: signingKeys.masterKeyId })
    .from(signingKeys)
    .orderBy(asc(signingKeys.id))
    .for('update');
}

/** Store a signing key's private key sealed again, with the id of the master key that sealed it. */
export async function resealSigningKey(db: Db, id: string, sealed: string, masterKeyId: string): Promise<void> {
  await db.update(signingKeys).set({ encryptedPrivateKey: sealed, masterKeyId }).where(eq(signingKeys.id, id));
}

/**
 * Every organisation's sealed review-label secret, locked for update. The master key seals these too, so a
 * rotation must re-seal them with the signing keys (this is the one place outside the orgs slice that does).
 */
export async function lockSealedOrgSecrets(db: Db): Promise<Array<{ orgId: string; sealed: string }>> {
  const rows = await db
    .select({ orgId: orgs.id, sealed: orgs.reviewLabelSecret })
    .from(orgs)
    .where(isNotNull(orgs.reviewLabelSecret))
    .orderBy(asc(orgs.id))
    .for('update');
  return rows.flatMap((r) => (r.sealed ? [{ orgId: r.orgId, sealed: r.sealed }] : []));
}

/** Store an organisation's review-label secret sealed again. */
export async function resealOrgSecret(db: Db, orgId: string, sealed: string): Promise<void> {
  await db.update(orgs).set({ reviewLabelSecret: sealed }).where(eq(orgs.id, orgId));
}
