import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { accounts, invitations, memberships, orgs } from '../db/schema.js';

/** An organisation row. */
export type OrgRow = typeof orgs.$inferSelect;
/** An invitation row. */
export type InvitationRow = typeof invitations.$inferSelect;
/** A membership role. */
export type RoleValue = (typeof memberships.$inferSelect)['role'];

/** Insert an organisation; false when the slug is taken. */
export async function insertOrg(db: Db, row: typeof orgs.$inferInsert): Promise<boolean> {
  const r = await db.insert(orgs).values(row).onConflictDoNothing({ target: orgs.slug }).returning({ id: orgs.id });
  return r.length > 0;
}

/** Update organisation fields. */
export async function updateOrgRow(db: Db, id: string, patch: Partial<typeof orgs.$inferInsert>): Promise<OrgRow | undefined> {
  const [row] = await db.update(orgs).set(patch).where(eq(orgs.id, id)).returning();
  return row;
}

/** Find an organisation by slug. */
export async function findOrgBySlug(db: Db, slug: string): Promise<OrgRow | undefined> {
  const [row] = await db.select().from(orgs).where(eq(orgs.slug, slug));
  return row;
}

/** Find an organisation by id. */
export async function findOrgById(db: Db, id: string): Promise<OrgRow | undefined> {
  const [row] = await db.select().from(orgs).where(eq(orgs.id, id));
  return row;
}

/** The organisation with a slug and the caller's role in it (if a member). */
export async function findOrgWithRole(db: Db, slug: string, accountId: string): Promise<{ org: OrgRow; role: RoleValue } | undefined> {
  const [row] = await db
    .select({ org: orgs, role: memberships.role })
    .from(orgs)
    .innerJoin(memberships, and(eq(memberships.orgId, orgs.id), eq(memberships.accountId, accountId)))
    .where(eq(orgs.slug, slug));
  return row;
}

/** Organisations an account belongs to, with its role. */
export async function listOrgsOfAccount(db: Db, accountId: string): Promise<Array<{ org: OrgRow; role: RoleValue }>> {
  return db
    .select({ org: orgs, role: memberships.role })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(eq(memberships.accountId, accountId))
    .orderBy(asc(orgs.name));
}

/** Add a membership; false if already a member. */
export async function insertMembership(db: Db, row: typeof memberships.$inferInsert): Promise<boolean> {
  const r = await db.insert(memberships).values(row).onConflictDoNothing().returning({ orgId: memberships.orgId });
  return r.length > 0;
}

/** Members of an organisation with their account names. */
export async function listMembers(db: Db, orgId: string) {
  return db
    .select({ accountId: accounts.id, name: accounts.name, email: accounts.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(accounts.name));
}

/** Lock the organisation's memberships (serialises owner-count checks) and return the member's role and the owner count. */
export async function lockMembershipsForChange(
  db: Db,
  orgId: string,
  accountId: string,
): Promise<{ role: RoleValue | undefined; owners: number }> {
  await db.execute(sql`select 1 from memberships where org_id = ${orgId} for update`);
  const [member] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.accountId, accountId)));
  const [owners] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'owner')));
  return { role: member?.role, owners: Number(owners?.n ?? 0) };
}

/** Change a member's role. */
export async function setMemberRole(db: Db, orgId: string, accountId: string, role: RoleValue): Promise<void> {
  await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.accountId, accountId)));
}

/** Remove a member. */
export async function deleteMembership(db: Db, orgId: string, accountId: string): Promise<void> {
  await db.delete(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.accountId, accountId)));
}

/** Insert an invitation. */
export async function insertInvitation(db: Db, row: typeof invitations.$inferInsert): Promise<void> {
  await db.insert(invitations).values(row);
}

/** Invitations of an organisation, newest first. */
export async function listInvitationRows(db: Db, orgId: string): Promise<Array<InvitationRow & { inviterName: string }>> {
  const rows = await db
    .select({ inv: invitations, inviterName: accounts.name })
    .from(invitations)
    .innerJoin(accounts, eq(accounts.id, invitations.invitedBy))
    .where(eq(invitations.orgId, orgId))
    .orderBy(sql`${invitations.createdAt} desc`);
  return rows.map((r) => ({ ...r.inv, inviterName: r.inviterName }));
}

/** An invitation by id within an organisation. */
export async function findInvitation(db: Db, orgId: string, id: string): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id)));
  return row;
}

/** An invitation by token hash, with its organisation. */
export async function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<{ inv: InvitationRow; org: OrgRow } | undefined> {
  const [row] = await db
    .select({ inv: invitations, org: orgs })
    .from(invitations)
    .innerJoin(orgs, eq(orgs.id, invitations.orgId))
    .where(eq(invitations.tokenHash, tokenHash));
  return row;
}

/** Move a pending invitation to a new status; false if it was no longer pending. */
export async function settleInvitation(db: Db, id: string, patch: Partial<typeof invitations.$inferInsert>): Promise<boolean> {
  const r = await db
    .update(invitations)
    .set(patch)
    .where(and(eq(invitations.id, id), eq(invitations.status, 'pending')))
    .returning({ id: invitations.id });
  return r.length > 0;
}

/** The sealed blind-review label secret of an organisation, if made yet. */
export async function findReviewLabelSecret(db: Db, orgId: string): Promise<string | null> {
  const [row] = await db.select({ secret: orgs.reviewLabelSecret }).from(orgs).where(eq(orgs.id, orgId));
  return row?.secret ?? null;
}

/** Store a sealed review-label secret unless the organisation already has one (the first writer wins). */
export async function setReviewLabelSecretIfMissing(db: Db, orgId: string, sealed: string): Promise<void> {
  await db
    .update(orgs)
    .set({ reviewLabelSecret: sealed })
    .where(and(eq(orgs.id, orgId), isNull(orgs.reviewLabelSecret)));
}

/** Every organisation (platform admins' issuer list), oldest first. */
export async function listAllOrgs(db: Db, limit = 2000): Promise<OrgRow[]> {
  return db.select().from(orgs).orderBy(asc(orgs.createdAt), asc(orgs.id)).limit(limit);
}
