import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import type { RoleValue } from './store.js';
import { listMembers, lockMembershipsForChange, setMemberRole } from './store.js';

/** Change a member's role; the last owner cannot be demoted. */
export async function changeMemberRole(deps: Deps, opts: { actor: Actor; orgId: string; accountId: string; role: RoleValue }) {
  return inTransaction(deps, async (tx) => {
    const { role, owners } = await lockMembershipsForChange(tx.db, opts.orgId, opts.accountId);
    if (!role) throw new AppError('not_found', 'No such member');
    if (role === 'owner' && opts.role !== 'owner' && owners <= 1) {
      throw new AppError('last_owner', 'An organisation needs at least one owner. Make someone else an owner first.');
    }
    if (role !== opts.role) {
      await setMemberRole(tx.db, opts.orgId, opts.accountId, opts.role);
      await recordAudit(tx, {
        action: 'member.role_changed',
        orgId: opts.orgId,
        actorId: opts.actor.accountId,
        target: opts.accountId,
        detail: { from: role, to: opts.role },
        ip: opts.actor.ip,
      });
    }
    const member = (await listMembers(tx.db, opts.orgId)).find((m) => m.accountId === opts.accountId);
    if (!member) throw new AppError('not_found', 'No such member');
    return { ...member, joinedAt: member.joinedAt.toISOString() };
  });
}
