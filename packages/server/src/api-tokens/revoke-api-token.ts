import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { presentApiToken } from './present.js';
import { findApiToken, revokeApiTokenRow } from './store.js';

/** Revoke a token: it stops working at once. Revoking a revoked token changes nothing. Audited. */
export async function revokeApiToken(deps: Deps, opts: { actor: Actor; org: OrgRow; tokenId: string }) {
  return inTransaction(deps, async (tx) => {
    const revoked = await revokeApiTokenRow(tx.db, opts.org.id, opts.tokenId, tx.clock.now());
    if (revoked) {
      await recordAudit(tx, {
        action: 'api_token.revoked',
        orgId: opts.org.id,
        actorId: opts.actor.accountId,
        target: revoked.id,
        detail: { name: revoked.name },
        ip: opts.actor.ip,
      });
      return presentApiToken(revoked);
    }
    const existing = await findApiToken(tx.db, opts.org.id, opts.tokenId);
    if (!existing) throw new AppError('not_found', 'No such API token');
    return presentApiToken(existing);
  });
}
