import { findAccountById } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { findCredentialIdOfAward, setLearnerOfAwardCredentials } from '../credentials/index.js';
import { schedulePathwayEvaluation } from '../pathways/index.js';
import { inTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { sha256Hex } from '../shared/hash.js';
import { findAwardByClaimHash, updateAward } from './store.js';
import type { AwardRow } from './store.js';

const invalid = (detail: string) => new AppError('token_invalid', detail, { errors: [{ path: 'token', message: detail }] });

/**
 * Claim an award by the token of its link. The signed-in account's email must be the address the award was
 * sent to, and verified: the credential already names a salted hash of that address, so it stays as signed
 * (no re-issue) and only joins the account. A different account is refused with the address to use. Claiming
 * again with the same account returns the same result. Audited.
 */
export async function claimAward(
  deps: Deps,
  opts: { actor: Actor; token: string },
): Promise<{ award: AwardRow; credentialId: string | null }> {
  return inTransaction(deps, async (tx) => {
    const found = await findAwardByClaimHash(tx.db, sha256Hex(opts.token), true);
    if (!found) throw invalid('This claim link is not valid. Use the newest link the issuer sent you.');
    const { award } = found;
    if (award.claimedAt) {
      if (award.recipientAccountId === opts.actor.accountId)
        return { award, credentialId: (await findCredentialIdOfAward(tx.db, award.id)) ?? null };
      throw invalid('This award has already been claimed.');
    }
    const now = tx.clock.now();
    if (!award.claimExpiresAt || award.claimExpiresAt <= now)
      throw invalid(`This claim link has expired. Ask ${found.orgName} to send it again.`);
    const account = await findAccountById(tx.db, opts.actor.accountId);
    if (!account) throw new AppError('unauthenticated', 'Sign in to continue');
    if (account.email.toLowerCase() !== award.recipientEmail) {
      throw new AppError(
        'forbidden',
        `This award was sent to ${award.recipientEmail}, but you are signed in as ${account.email}. Sign out, then sign in or create an account with ${award.recipientEmail}.`,
        {
          errors: [{ path: 'email', message: 'A different email address' }],
        },
      );
    }
    if (!account.emailVerifiedAt) {
      throw new AppError('forbidden', `Confirm your email address first: open the link we sent to ${account.email}, then claim again.`, {
        errors: [{ path: 'email', message: 'Not verified yet' }],
      });
    }
    const updated = await updateAward(tx.db, award.id, { recipientAccountId: account.id, claimedAt: now });
    const joined = await setLearnerOfAwardCredentials(tx.db, award.id, account.id);
    for (const id of joined) await schedulePathwayEvaluation(tx, { learnerId: account.id, reason: id });
    await recordAudit(tx, {
      action: 'award.claimed',
      orgId: award.orgId,
      actorId: account.id,
      target: award.id,
      detail: { credentialIds: joined },
      ip: opts.actor.ip,
    });
    return { award: updated ?? award, credentialId: (await findCredentialIdOfAward(tx.db, award.id)) ?? null };
  });
}
