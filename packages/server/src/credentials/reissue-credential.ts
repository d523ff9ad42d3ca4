import { findAccountById } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { findSubmission } from '../submissions/index.js';
import { setBit } from './bitstring.js';
import { signAward } from './issue-credential.js';
import { findCredential, findStatusList, insertCredential, saveStatusBits, updateCredential } from './store.js';

/** The reason a credential replaced by a re-issue is revoked with. */
export const REISSUE_REASON = 're-issued';

/**
 * Re-issue a credential with the learner's current sharing choices: a new credential is signed from the same
 * award (name only if the learner now allows it, evidence by reference), carries the old one's page visibility
 * and validity, and the old one is revoked with the reason "re-issued" and points to the new one. Only its
 * learner may. Exactly once: the old row is locked, and a second request (a double click) gets the same new
 * credential back. Both steps are audited.
 */
export async function reissueCredential(
  deps: Deps,
  opts: { actor: Actor; credentialId: string },
): Promise<{ id: string; replacedId: string }> {
  return inTransaction(deps, async (tx) => {
    const old = await findCredential(tx.db, opts.credentialId, true);
    // Someone else's credential is reported as missing, not as forbidden, so ids cannot be probed.
    if (!old || old.learnerId !== opts.actor.accountId) throw new AppError('not_found', 'No such credential');
    if (old.replacedBy) return { id: old.replacedBy, replacedId: old.id };
    if (old.revokedAt) throw new AppError('conflict', 'This credential is revoked by its issuer, so it cannot be re-issued');
    if (old.suspendedAt) throw new AppError('conflict', 'This credential is suspended by its issuer, so it cannot be re-issued');
    const now = tx.clock.now();
    if (old.validUntil && old.validUntil <= now) throw new AppError('conflict', 'This credential has expired, so it cannot be re-issued');
    const submission = old.submissionId ? await findSubmission(tx.db, old.submissionId, true) : undefined;
    if (!submission || submission.state !== 'passed')
      throw new AppError('conflict', 'This credential was not issued from an assessment, so it cannot be re-issued here');
    const learner = await findAccountById(tx.db, old.learnerId);
    if (!learner) throw new AppError('not_found', 'No such credential');

    // The credential's own choice, or the account default it follows.
    const showName = old.showName ?? learner.showNameOnCredentials;
    const { row, omitted } = await signAward(tx, { submission, showName, validUntil: old.validUntil, awardedAt: old.issuedAt });

    // Revoke the old one first: a submission has one current credential (a unique index over unreplaced rows).
    const list = await findStatusList(tx.db, old.revocationListId, true);
    if (!list) throw new AppError('internal', 'Status list missing');
    await saveStatusBits(tx.db, list.id, setBit(list.bits, old.revocationIndex, true), now);
    await updateCredential(tx.db, old.id, { revokedAt: now, revokedReason: REISSUE_REASON, replacedBy: row.id });
    if (!(await insertCredential(tx.db, { ...row, visibility: old.visibility, showName: old.showName })))
      throw new AppError('conflict', 'This credential was re-issued concurrently');

    await recordAudit(tx, {
      action: 'credential.revoked',
      orgId: old.orgId,
      actorId: opts.actor.accountId,
      target: old.id,
      detail: { reason: REISSUE_REASON, replacedBy: row.id },
      ip: opts.actor.ip,
    });
    await recordAudit(tx, {
      action: 'credential.issued',
      orgId: row.orgId,
      actorId: opts.actor.accountId,
      target: row.id,
      detail: {
        submissionId: submission.id,
        achievementId: submission.achievementId,
        reissueOf: old.id,
        nameIncluded: showName,
        ...(omitted.length ? { omittedInvalidUrls: omitted } : {}),
      },
      ip: opts.actor.ip,
    });
    return { id: row.id, replacedId: old.id };
  });
}
