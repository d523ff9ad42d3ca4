import type { Deps } from '../context.js';
import { loadOrgAccess } from '../orgs/index.js';
import { authorizeCareers } from './policies.js';
import { presentRole } from './present.js';
import { listRoles } from './store.js';

/** An organisation's roles (members only). */
export async function listOrgRoles(deps: Deps, opts: { accountId: string; slug: string }) {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.accountId, action: 'org.read' });
  authorizeCareers(role, 'roles.read');
  return { items: (await listRoles(deps.db, { orgId: org.id })).map(presentRole) };
}

/** Roles organisations have published for learners to pick as goals. */
export async function listPublicRoles(deps: Deps, opts: { q: string }) {
  return { items: (await listRoles(deps.db, { orgId: null, q: opts.q.trim() })).map(presentRole) };
}
