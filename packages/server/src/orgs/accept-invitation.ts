import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { sha256Hex } from '../shared/hash.js';
import { invitationStatus } from './present-invitation.js';
import type { OrgRow, RoleValue } from './store.js';
import { findInvitationByTokenHash, insertMembership, settleInvitation } from './store.js';

/** Accept an invitation: the signed-in account's email must be the invited one. */
export async function acceptInvitation(
  deps: Deps,
  opts: { actor: Actor; email: string; token: string },
): Promise<{ org: OrgRow; role: RoleValue }> {
  return inTransaction(deps, async (tx) => {
    const found = await findInvitationByTokenHash(tx.db, sha256Hex(opts.token));
    if (!found) throw new AppError('not_found', 'This invitation link is not valid');
    const now = tx.clock.now();
    const status = invitationStatus(found.inv, now);
    if (status !== 'pending') throw new AppError('invitation_not_pending', `This invitation is ${status}`);
    if (found.inv.email !== opts.email) {
      throw new AppError('invitation_email_mismatch', `This invitation is for ${found.inv.email}. Sign in with that address to accept it.`);
    }
    const added = await insertMembership(tx.db, {
      orgId: found.org.id,
      accountId: opts.actor.accountId,
      role: found.inv.role,
      createdAt: now,
    });
    if (!added) throw new AppError('already_member', 'You are already a member of this organisation');
    if (!(await settleInvitation(tx.db, found.inv.id, { status: 'accepted', acceptedBy: opts.actor.accountId, acceptedAt: now }))) {
      throw new AppError('invitation_not_pending', 'This invitation is no longer pending');
    }
    await recordAudit(tx, {
      action: 'member.joined',
      orgId: found.org.id,
      actorId: opts.actor.accountId,
      target: opts.actor.accountId,
      detail: { role: found.inv.role, invitationId: found.inv.id },
      ip: opts.actor.ip,
    });
    return { org: found.org, role: found.inv.role };
  });
}
