import type { Deps } from '../context.js';
import type { AccountRow, SessionRow } from './store.js';
import { listMembershipsOfAccount } from './store.js';

/** An account as its owner sees it. */
export function presentAccount(a: AccountRow) {
  return {
    id: a.id,
    email: a.email,
    name: a.name,
    did: a.did,
    showNameOnCredentials: a.showNameOnCredentials,
    isPlatformAdmin: a.isPlatformAdmin,
    emailVerified: a.emailVerifiedAt !== null,
    createdAt: a.createdAt.toISOString(),
  };
}

/** The session document returned by the auth endpoints. */
export async function presentSession(deps: Deps, session: SessionRow, account: AccountRow) {
  const memberships = await listMembershipsOfAccount(deps.db, account.id);
  return {
    account: presentAccount(account),
    memberships: memberships.map((m) => ({ org: { id: m.id, slug: m.slug, name: m.name }, role: m.role })),
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
  };
}
