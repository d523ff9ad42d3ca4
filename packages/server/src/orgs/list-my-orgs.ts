import type { Deps } from '../context.js';
import { presentOrgWithRole } from './present.js';
import { listOrgsOfAccount } from './store.js';

/** The organisations the caller belongs to, with their role. */
export async function listMyOrgs(deps: Deps, opts: { accountId: string }) {
  const rows = await listOrgsOfAccount(deps.db, opts.accountId);
  return rows.map((r) => presentOrgWithRole(deps, r.org, r.role));
}
