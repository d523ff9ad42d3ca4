import { recordAudit } from '../../audit/index.js';
import type { Actor, Deps } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { AppError } from '../../shared/errors.js';
import { findOrgBySlug, updateOrgRow } from '../store.js';

/** A platform admin marks an organisation's domain verified after checking it another way (audited with their note). */
export async function adminVerifyDomain(deps: Deps, opts: { actor: Actor; slug: string; domain: string; note: string }): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const org = await findOrgBySlug(tx.db, opts.slug);
    if (!org) throw new AppError('not_found', 'No such organisation');
    const now = tx.clock.now();
    await updateOrgRow(tx.db, org.id, {
      verifiedDomain: opts.domain,
      domainVerifiedAt: now,
      domainVerificationMethod: 'admin',
      pendingDomain: null,
      domainToken: null,
      updatedAt: now,
    });
    await recordAudit(tx, {
      action: 'org.domain_verified',
      orgId: org.id,
      actorId: opts.actor.accountId,
      target: org.id,
      detail: { domain: opts.domain, method: 'admin', note: opts.note, previous: org.verifiedDomain },
      ip: opts.actor.ip,
    });
  });
}

/** A platform admin withdraws an organisation's verification (audited). */
export async function adminUnverifyDomain(deps: Deps, opts: { actor: Actor; slug: string; note: string }): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const org = await findOrgBySlug(tx.db, opts.slug);
    if (!org) throw new AppError('not_found', 'No such organisation');
    if (!org.verifiedDomain) return;
    await updateOrgRow(tx.db, org.id, {
      verifiedDomain: null,
      domainVerifiedAt: null,
      domainVerificationMethod: null,
      updatedAt: tx.clock.now(),
    });
    await recordAudit(tx, {
      action: 'org.domain_unverified',
      orgId: org.id,
      actorId: opts.actor.accountId,
      target: org.id,
      detail: { domain: org.verifiedDomain, reason: opts.note },
      ip: opts.actor.ip,
    });
  });
}
