import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { findInvitation, settleInvitation } from './store.js';

/** Withdraw a pending invitation. */
export async function revokeInvitation(deps: Deps, opts: { actor: Actor; orgId: string; invitationId: string }): Promise<void> {
  const inv = await findInvitation(deps.db, opts.orgId, opts.invitationId);
  if (!inv) throw new AppError('not_found', 'No such invitation');
  if (!(await settleInvitation(deps.db, inv.id, { status: 'revoked' }))) {
    throw new AppError('invitation_not_pending', 'This invitation is no longer pending');
  }
  await recordAudit(deps, {
    action: 'member.invitation_revoked',
    orgId: opts.orgId,
    actorId: opts.actor.accountId,
    target: inv.email,
    detail: { invitationId: inv.id },
    ip: opts.actor.ip,
  });
}
