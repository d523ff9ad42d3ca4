import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { deleteMembership, lockMembershipsForChange } from './store.js';

/** Remove a member (owners remove anyone; anyone may leave); the last owner cannot be removed. */
export async function removeMember(deps: Deps, opts: { actor: Actor; orgId: string; accountId: string }): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const { role, owners } = await lockMembershipsForChange(tx.db, opts.orgId, opts.accountId);
    if (!role) throw new AppError('not_found', 'No such member');
    if (role === 'owner' && owners <= 1) {
      throw new AppError('last_owner', 'The last owner cannot be removed. Make someone else an owner first.');
    }
    await deleteMembership(tx.db, opts.orgId, opts.accountId);
    await recordAudit(tx, {
      action: 'member.removed',
      orgId: opts.orgId,
      actorId: opts.actor.accountId,
      target: opts.accountId,
      detail: { role },
      ip: opts.actor.ip,
    });
  });
}
