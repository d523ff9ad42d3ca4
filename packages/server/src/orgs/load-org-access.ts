import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import type { OrgAction } from './policies.js';
import { authorize } from './policies.js';
import type { OrgRow, RoleValue } from './store.js';
import { findOrgWithRole } from './store.js';

/** The caller's access to an organisation, checked against the action's policy. Non-members get 404. */
export async function loadOrgAccess(
  deps: Deps,
  opts: { slug: string; accountId: string; action: OrgAction },
): Promise<{ org: OrgRow; role: RoleValue }> {
  const found = await findOrgWithRole(deps.db, opts.slug, opts.accountId);
  if (!found) throw new AppError('not_found', `No organisation "${opts.slug}" among yours`);
  authorize(found.role, opts.action);
  return found;
}
