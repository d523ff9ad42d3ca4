import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { sendMail } from '../mail/index.js';
import { sha256Hex } from '../shared/hash.js';
import { AppError } from '../shared/errors.js';
import { presentInvitation } from './present-invitation.js';
import type { OrgRow, RoleValue } from './store.js';
import { insertInvitation, listInvitationRows, listMembers } from './store.js';

/** How long an invitation link stays valid. */
export const INVITATION_TTL_MS = 7 * 86_400_000;

/** Invite someone by email to join with a role; the link goes out by email (or the dev outbox). */
export async function inviteMember(deps: Deps, opts: { actor: Actor; org: OrgRow; email: string; role: RoleValue; inviterName: string }) {
  return inTransaction(deps, async (tx) => {
    const members = await listMembers(tx.db, opts.org.id);
    if (members.some((m) => m.email === opts.email)) {
      throw new AppError('already_member', 'This person is already a member', { errors: [{ path: 'email', message: 'Already a member' }] });
    }
    const now = tx.clock.now();
    const token = tx.ids.token(32);
    const id = tx.ids.id('invitation');
    await insertInvitation(tx.db, {
      id,
      orgId: opts.org.id,
      email: opts.email,
      role: opts.role,
      tokenHash: sha256Hex(token),
      invitedBy: opts.actor.accountId,
      status: 'pending',
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    });
    const link = `${tx.env.TESSERA_BASE_URL}/app/invitations/${token}`;
    await sendMail(tx, {
      to: opts.email,
      subject: `You are invited to join ${opts.org.name} on Tessera`,
      text: `${opts.inviterName} invited you to join ${opts.org.name} on Tessera as ${opts.role}.\n\nAccept the invitation within 7 days:\n\n${link}\n\nIf you do not have a Tessera account yet, you can create one with this email address from that page.\n`,
    });
    await recordAudit(tx, {
      action: 'member.invited',
      orgId: opts.org.id,
      actorId: opts.actor.accountId,
      target: opts.email,
      detail: { role: opts.role, invitationId: id },
      ip: opts.actor.ip,
    });
    const row = (await listInvitationRows(tx.db, opts.org.id)).find((r) => r.id === id);
    if (!row) throw new AppError('internal', 'Invitation vanished after insert');
    return presentInvitation(row, now);
  });
}
