import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { loadOrgAccess } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { authorizeCareers } from './policies.js';
import { deleteRole } from './store.js';

/** Delete one of the organisation's roles (owners and designers); learners' goals on it go with it. */
export async function deleteOrgRole(deps: Deps, opts: { actor: Actor; slug: string; roleId: string }): Promise<void> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.actor.accountId, action: 'org.read' });
  authorizeCareers(role, 'roles.edit');
  await inTransaction(deps, async (tx) => {
    if (!(await deleteRole(tx.db, org.id, opts.roleId))) throw new AppError('not_found', 'No such role in this organisation');
    await recordAudit(tx, {
      action: 'org_role.deleted',
      orgId: org.id,
      actorId: opts.actor.accountId,
      target: opts.roleId,
      ip: opts.actor.ip,
    });
  });
}
