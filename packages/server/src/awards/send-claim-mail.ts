import { readContent } from '../achievements/index.js';
import { recordAudit } from '../audit/index.js';
import type { Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { sendMail } from '../mail/index.js';
import { findOrgById } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { sha256Hex } from '../shared/hash.js';
import { findAward, updateAward } from './store.js';
import type { AwardRow } from './store.js';
import { findVersion } from '../achievements/index.js';

/** How long a claim link works. */
export const CLAIM_TTL_MS = 60 * 86_400_000;

/** The SPA page a claim link opens. */
export function claimUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/app/claim/${token}`;
}

/**
 * Give an unclaimed email award a fresh claim token (stored hashed; earlier links stop working) and email the
 * link, in the caller's transaction, so the mail exists exactly when the award does.
 */
export async function mailClaimLink(tx: Deps, award: AwardRow): Promise<void> {
  if (!award.recipientEmail || award.claimedAt) return;
  const token = tx.ids.token(32);
  const expires = new Date(tx.clock.now().getTime() + CLAIM_TTL_MS);
  await updateAward(tx.db, award.id, { claimTokenHash: sha256Hex(token), claimExpiresAt: expires });
  const [org, version] = await Promise.all([findOrgById(tx.db, award.orgId), findVersion(tx.db, award.versionId)]);
  const name = version ? readContent(version.content).name : 'a credential';
  const base = tx.env.TESSERA_BASE_URL;
  await sendMail(tx, {
    to: award.recipientEmail,
    subject: `${org?.name ?? 'An issuer'} awarded you “${name}”`,
    text:
      `Hello ${award.recipientName},\n\n${org?.name ?? 'An issuer'} awarded you the credential “${name}”.\n\n` +
      `Claim it: ${claimUrl(base, token)}\n\n` +
      `Sign in, or create a Tessera account, with this email address (${award.recipientEmail}) and confirm it; the credential then joins your account. ` +
      `The link works until ${expires.toISOString().slice(0, 10)}.\n\nIf you did not expect this, you can ignore this email.\n`,
  });
  await recordAudit(tx, {
    action: 'award.claim_mail_sent',
    orgId: award.orgId,
    target: award.id,
    detail: { expiresAt: expires.toISOString() },
  });
}

/** Send the claim email of an unclaimed email award again (a new link; the old one stops working). */
export async function sendAwardClaimMail(deps: Deps, opts: { awardId: string }): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const award = await findAward(tx.db, opts.awardId, true);
    if (!award) throw new AppError('not_found', 'No such award');
    if (!award.recipientEmail || award.claimedAt) throw new AppError('conflict', 'This award is already with its recipient’s account');
    await mailClaimLink(tx, award);
  });
}
