import { ReviewCommentInput, ReviewDecisionInput } from '@tessera/shared';
import type { ReviewDraft, ReviewInvitation } from '@tessera/shared';
import type { z } from 'zod';
import { findAccountById } from '../accounts/index.js';
import { readContent } from '../achievements/index.js';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { presentInvitation } from './present.js';
import type { InvitationView } from './store.js';
import { findAchievementRef, findInvitation, insertComment, listComments, listInvitations, updateInvitation } from './store.js';

/**
 * The invitation, when the signed-in account is the invited reviewer: its email is the invited address and that
 * address is verified (anyone could sign up with an address they do not own). A missing or withdrawn invitation is
 * 404; another account, or the right address not yet verified, gets 403 with what to do (the address is not shown).
 */
async function loadAsReviewer(deps: Deps, accountId: string, invitationId: string): Promise<InvitationView> {
  const [account, v] = await Promise.all([findAccountById(deps.db, accountId), findInvitation(deps.db, invitationId)]);
  if (!account || !v || v.inv.status === 'revoked') throw new AppError('not_found', 'No such review invitation');
  if (v.inv.email !== account.email.toLowerCase())
    throw new AppError(
      'invitation_email_mismatch',
      'This review invitation was sent to a different email address. Sign in with the account of the address it was sent to.',
    );
  if (!account.emailVerifiedAt)
    throw new AppError(
      'forbidden',
      `Verify your email address (${account.email}) to open this review: follow the link in the verification email Tessera sent you, then open this link again.`,
    );
  if (v.inv.reviewerAccountId !== account.id) {
    await updateInvitation(deps.db, v.inv.id, { reviewerAccountId: account.id });
    return { ...v, inv: { ...v.inv, reviewerAccountId: account.id }, reviewerName: account.name };
  }
  return v;
}

/** The invitations sent to the signed-in account's address, once that address is verified. */
export async function listMyReviewInvitations(deps: Deps, opts: { accountId: string }): Promise<ReviewInvitation[]> {
  const account = await findAccountById(deps.db, opts.accountId);
  // Listing by address needs a proven address: otherwise whoever signed up first with it would learn the links.
  if (!account?.emailVerifiedAt) return [];
  const rows = await listInvitations(deps.db, { email: account.email });
  const comments = await listComments(
    deps.db,
    rows.map((r) => r.inv.id),
  );
  return rows.map((r) => presentInvitation(r, comments));
}

/** The draft, read-only, by section, for the invited reviewer only. */
export async function getReviewDraft(deps: Deps, opts: { accountId: string; invitationId: string }): Promise<ReviewDraft> {
  const v = await loadAsReviewer(deps, opts.accountId, opts.invitationId);
  const a = await findAchievementRef(deps.db, v.inv.achievementId);
  if (!a) throw new AppError('not_found', 'The achievement is gone');
  const c = readContent(a.draft);
  return {
    invitation: presentInvitation(v, await listComments(deps.db, [v.inv.id])),
    sections: {
      description: { name: c.name, description: c.description, learningGoal: c.learningGoal, competency: c.competency },
      criteria: { narrative: c.criteriaNarrative, evidence: c.evidenceRequirements.map((r) => r.prompt) },
      rubric: c.rubric.criteria.map((k) => ({
        name: k.name,
        levels: k.levels.map((l) => ({ name: l.name, description: l.description ?? '', points: l.points })),
      })),
      alignments: [
        ...c.alignments.map((al) => ({ name: al.targetName, url: al.targetUrl })),
        ...c.skills.map((s) => ({ name: s, url: null })),
      ],
    },
  };
}

/** The invited reviewer comments on one section (until they approve). */
export async function addReviewComment(
  deps: Deps,
  opts: { actor: Actor; invitationId: string; input: z.input<typeof ReviewCommentInput> },
): Promise<ReviewInvitation> {
  const input = ReviewCommentInput.parse(opts.input);
  const v = await loadAsReviewer(deps, opts.actor.accountId, opts.invitationId);
  if (v.inv.status === 'approved') throw new AppError('conflict', 'You approved this draft; comments are closed');
  await inTransaction(deps, async (tx) => {
    await insertComment(tx.db, {
      id: tx.ids.id('reviewComment'),
      invitationId: v.inv.id,
      section: input.section,
      body: input.body,
      authorId: opts.actor.accountId,
      createdAt: tx.clock.now(),
    });
    await recordAudit(tx, {
      action: 'co_design.commented',
      orgId: v.inv.orgId,
      actorId: opts.actor.accountId,
      target: v.inv.id,
      detail: { section: input.section },
      ip: opts.actor.ip,
    });
  });
  const saved = await findInvitation(deps.db, v.inv.id);
  if (!saved) throw new AppError('internal', 'The invitation disappeared');
  return presentInvitation(saved, await listComments(deps.db, [saved.inv.id]));
}

/** The invited reviewer approves the draft or asks for changes (they may decide again after changes). */
export async function decideReview(
  deps: Deps,
  opts: { actor: Actor; invitationId: string; input: z.input<typeof ReviewDecisionInput> },
): Promise<ReviewInvitation> {
  const input = ReviewDecisionInput.parse(opts.input);
  const v = await loadAsReviewer(deps, opts.actor.accountId, opts.invitationId);
  if (v.inv.status === 'approved') throw new AppError('conflict', 'You already approved this draft');
  const status = input.decision === 'approve' ? 'approved' : 'changes_requested';
  await inTransaction(deps, async (tx) => {
    await updateInvitation(tx.db, v.inv.id, { status, decisionNote: input.note || null, decidedAt: tx.clock.now() });
    await recordAudit(tx, {
      action: 'co_design.decided',
      orgId: v.inv.orgId,
      actorId: opts.actor.accountId,
      target: v.inv.id,
      detail: { decision: status },
      ip: opts.actor.ip,
    });
  });
  const saved = await findInvitation(deps.db, v.inv.id);
  if (!saved) throw new AppError('internal', 'The invitation disappeared');
  return presentInvitation(saved, await listComments(deps.db, [saved.inv.id]));
}
