import { ReviewInvitationInput } from '@tessera/shared';
import type { ReviewInvitation } from '@tessera/shared';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { sendMail } from '../mail/index.js';
import { loadOrgAccess } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { authorizeRecognition } from './policies.js';
import { presentInvitation } from './present.js';
import { findAchievementRef, findInvitation, insertInvitation, listComments, listInvitations, updateInvitation } from './store.js';

/** The reviewer's page in the app. */
export function reviewInvitationLink(baseUrl: string, id: string): string {
  return `${baseUrl}/app/review-invitations/${id}`;
}

/**
 * Invite an external reviewer (owners, designers) to review an achievement's draft: an email with a link; the
 * reviewer signs in with an account on that address to see the draft and comment.
 */
export async function inviteReviewer(
  deps: Deps,
  opts: { actor: Actor; slug: string; achievementId: string; input: z.input<typeof ReviewInvitationInput> },
): Promise<ReviewInvitation> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.actor.accountId, action: 'org.read' });
  authorizeRecognition(role, 'reviews.manage');
  const input = ReviewInvitationInput.parse(opts.input);
  const a = await findAchievementRef(deps.db, opts.achievementId);
  if (!a || a.orgId !== org.id) throw new AppError('not_found', 'No such achievement in this organisation');
  if (a.status === 'retired') throw new AppError('conflict', 'This achievement is retired');
  const email = input.email.toLowerCase();
  const live = (await listInvitations(deps.db, { achievementId: a.id })).find(
    (i) => i.inv.email === email && (i.inv.status === 'pending' || i.inv.status === 'changes_requested'),
  );
  if (live)
    throw new AppError('validation_failed', 'Already invited', {
      errors: [{ path: 'email', message: 'This reviewer is already invited' }],
    });
  const id = deps.ids.id('reviewInvitation');
  await inTransaction(deps, async (tx) => {
    await insertInvitation(tx.db, {
      id,
      orgId: org.id,
      achievementId: a.id,
      email,
      reviewerOrgName: input.reviewerOrgName,
      reviewerAccountId: null,
      status: 'pending',
      decisionNote: null,
      invitedBy: opts.actor.accountId,
      createdAt: tx.clock.now(),
      decidedAt: null,
    });
    await sendMail(tx, {
      to: email,
      subject: `${org.name} invites you to review “${a.name}”`,
      text: [
        `${org.name} is designing a micro-credential, “${a.name}”, and would value your review.`,
        '',
        `Read the draft, comment on each section, then approve it or ask for changes:`,
        reviewInvitationLink(tx.env.TESSERA_BASE_URL, id),
        '',
        `Sign in (or create an account) with this address (${email}) to open it.`,
      ].join('\n'),
    });
    await recordAudit(tx, {
      action: 'co_design.invited',
      orgId: org.id,
      actorId: opts.actor.accountId,
      target: id,
      detail: { achievementId: a.id, email },
      ip: opts.actor.ip,
    });
  });
  const saved = await findInvitation(deps.db, id);
  if (!saved) throw new AppError('internal', 'The invitation was not saved');
  return presentInvitation(saved, []);
}

/** An achievement's review invitations with every comment (members: the designer reads them in the editor). */
export async function listAchievementReviews(
  deps: Deps,
  opts: { accountId: string; slug: string; achievementId: string },
): Promise<ReviewInvitation[]> {
  const { org } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.accountId, action: 'achievements.list' });
  const a = await findAchievementRef(deps.db, opts.achievementId);
  if (!a || a.orgId !== org.id) throw new AppError('not_found', 'No such achievement in this organisation');
  const rows = await listInvitations(deps.db, { achievementId: a.id });
  const comments = await listComments(
    deps.db,
    rows.map((r) => r.inv.id),
  );
  return rows.map((r) => presentInvitation(r, comments));
}

/** Withdraw an invitation (owners, designers): the reviewer no longer sees the draft. */
export async function revokeReviewInvitation(
  deps: Deps,
  opts: { actor: Actor; slug: string; invitationId: string },
): Promise<ReviewInvitation> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.actor.accountId, action: 'org.read' });
  authorizeRecognition(role, 'reviews.manage');
  const v = await findInvitation(deps.db, opts.invitationId);
  if (!v || v.inv.orgId !== org.id) throw new AppError('not_found', 'No such invitation');
  if (v.inv.status === 'revoked') throw new AppError('conflict', 'Already withdrawn');
  await inTransaction(deps, async (tx) => {
    await updateInvitation(tx.db, v.inv.id, { status: 'revoked' });
    await recordAudit(tx, {
      action: 'co_design.invitation_revoked',
      orgId: org.id,
      actorId: opts.actor.accountId,
      target: v.inv.id,
      ip: opts.actor.ip,
    });
  });
  const saved = await findInvitation(deps.db, v.inv.id);
  if (!saved) throw new AppError('internal', 'The invitation disappeared');
  return presentInvitation(saved, await listComments(deps.db, [saved.inv.id]));
}
