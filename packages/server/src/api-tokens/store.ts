import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { apiTokens, orgs } from '../db/schema.js';

/** An API token row. */
export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** Insert a token. */
export async function insertApiToken(db: Db, row: typeof apiTokens.$inferInsert): Promise<void> {
  await db.insert(apiTokens).values(row);
}

/** An organisation's tokens, newest first. */
export async function listApiTokenRows(db: Db, orgId: string): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.orgId, orgId)).orderBy(desc(apiTokens.createdAt));
}

/** A live (not revoked) token by its hash, with its organisation. */
export async function findLiveTokenByHash(db: Db, hash: string) {
  const [row] = await db
    .select({ token: apiTokens, org: orgs })
    .from(apiTokens)
    .innerJoin(orgs, eq(orgs.id, apiTokens.orgId))
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)));
  return row;
}

/** Revoke a token of an organisation; the row when this call revoked it. */
export async function revokeApiTokenRow(db: Db, orgId: string, id: string, at: Date): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  return row;
}

/** A token of an organisation by id. */
export async function findApiToken(db: Db, orgId: string, id: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, id)));
  return row;
}

/** Record when a token was last used. */
export async function touchApiToken(db: Db, id: string, at: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}
