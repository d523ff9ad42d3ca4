import { recordAudit } from '../../audit/index.js';
import type { Actor, Deps } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { AppError } from '../../shared/errors.js';
import type { OrgRow } from '../store.js';
import { updateOrgRow } from '../store.js';
import { domainProbeOf } from './domain-probe.js';
import { dnsRecordName, presentDomainVerification, wellKnownUrl } from './present-verification.js';

/** The outcome of a check: verified, or why not (a value, not an error: the owner fixes the record and tries again). */
export type DomainCheckResult = { verified: true } | { verified: false; reason: string };

/** Look for the token by one method; never throws for a missing or unreachable proof. */
async function findProof(deps: Deps, method: 'dns' | 'file', domain: string, token: string): Promise<DomainCheckResult> {
  const probe = domainProbeOf(deps);
  try {
    if (method === 'dns') {
      const records = await probe.txt(dnsRecordName(domain));
      return records.some((r) => r.trim() === token)
        ? { verified: true }
        : {
            verified: false,
            reason: `No TXT record at ${dnsRecordName(domain)} holds the token (found ${records.length} record${records.length === 1 ? '' : 's'})`,
          };
    }
    const got = await probe.fetchText(wellKnownUrl(domain));
    // A redirect may not carry the proof to another host: the file must be served by the domain itself.
    if (new URL(got.url).hostname !== domain)
      return { verified: false, reason: `${wellKnownUrl(domain)} redirected to another host (${new URL(got.url).hostname})` };
    return got.text.split(/\r?\n/).some((line) => line.trim() === token)
      ? { verified: true }
      : { verified: false, reason: `${wellKnownUrl(domain)} does not hold the token` };
  } catch (err) {
    return { verified: false, reason: `Could not check: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * Check the pending domain claim by DNS TXT record or /.well-known file. When the token is found, the
 * domain becomes the organisation's verified domain (audited) and the claim is closed.
 */
export async function checkDomain(deps: Deps, opts: { actor: Actor; org: OrgRow; method: 'dns' | 'file' }) {
  const { org } = opts;
  if (!org.pendingDomain || !org.domainToken) throw new AppError('conflict', 'Claim a domain first: there is no token to look for');
  const result = await findProof(deps, opts.method, org.pendingDomain, org.domainToken);
  if (!result.verified) return { result, verification: presentDomainVerification(org) };
  const domain = org.pendingDomain;
  return inTransaction(deps, async (tx) => {
    const now = tx.clock.now();
    const row = await updateOrgRow(tx.db, org.id, {
      verifiedDomain: domain,
      domainVerifiedAt: now,
      domainVerificationMethod: opts.method,
      pendingDomain: null,
      domainToken: null,
      updatedAt: now,
    });
    if (!row) throw new AppError('not_found', 'Organisation not found');
    await recordAudit(tx, {
      action: 'org.domain_verified',
      orgId: org.id,
      actorId: opts.actor.accountId,
      target: org.id,
      detail: { domain, method: opts.method, previous: org.verifiedDomain },
      ip: opts.actor.ip,
    });
    return { result, verification: presentDomainVerification(row) };
  });
}
