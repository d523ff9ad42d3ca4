import { readContent } from '../achievements/index.js';
import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { sha256Hex } from '../shared/hash.js';
import { findAwardByClaimHash } from './store.js';

/** What a claim link shows before the person signs in (only to whoever holds the link). */
export async function previewClaim(deps: Deps, opts: { token: string }) {
  const found = await findAwardByClaimHash(deps.db, sha256Hex(opts.token));
  if (!found || !found.award.recipientEmail)
    throw new AppError('token_invalid', 'This claim link is not valid. Use the newest link the issuer sent you.', {
      errors: [{ path: 'token', message: 'Unknown link' }],
    });
  const { award } = found;
  const expired = !award.claimExpiresAt || award.claimExpiresAt <= deps.clock.now();
  return {
    state: award.claimedAt ? ('claimed' as const) : expired ? ('expired' as const) : ('claimable' as const),
    achievementName: readContent(found.content).name,
    issuerName: found.orgName,
    recipientName: award.recipientName,
    email: award.recipientEmail,
    expiresAt: award.claimExpiresAt?.toISOString() ?? null,
  };
}
