import { recordAudit } from '../../audit/index.js';
import type { Actor, Deps } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { AppError } from '../../shared/errors.js';
import type { OrgRow } from '../store.js';
import { updateOrgRow } from '../store.js';
import { presentDomainVerification } from './present-verification.js';

/**
 * Claim a web domain for an organisation: a fresh token to publish in a DNS TXT record or a /.well-known
 * file. A verified domain stays verified until another domain is proven (or the organisation's URL moves off it).
 */
export async function claimDomain(deps: Deps, opts: { actor: Actor; org: OrgRow; domain: string }) {
  return inTransaction(deps, async (tx) => {
    const token = `tessera-verification=${tx.ids.token(24)}`;
    const row = await updateOrgRow(tx.db, opts.org.id, { pendingDomain: opts.domain, domainToken: token, updatedAt: tx.clock.now() });
    if (!row) throw new AppError('not_found', 'Organisation not found');
    await recordAudit(tx, {
      action: 'org.domain_claimed',
      orgId: row.id,
      actorId: opts.actor.accountId,
      target: row.id,
      detail: { domain: opts.domain },
      ip: opts.actor.ip,
    });
    return presentDomainVerification(row);
  });
}
