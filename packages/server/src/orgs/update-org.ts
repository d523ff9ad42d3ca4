import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import type { OrgProfileInput } from './create-org.js';
import type { OrgRow } from './store.js';
import { updateOrgRow } from './store.js';

/** Whether a URL is on a domain or one of its subdomains. */
function withinDomain(url: string, domain: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === domain || host.endsWith(`.${domain}`);
  } catch {
    return false;
  }
}

/**
 * Update an organisation's profile fields (the slug is permanent: it is part of the DID). Moving its URL off its verified domain ends the verification
 * (audited): the new domain must be proven again.
 */
export async function updateOrg(
  deps: Deps,
  opts: { actor: Actor; org: OrgRow; patch: Partial<Omit<OrgProfileInput, 'slug'>> },
): Promise<OrgRow> {
  const { patch } = opts;
  const set: Parameters<typeof updateOrgRow>[2] = { updatedAt: deps.clock.now() };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.url !== undefined) set.url = patch.url;
  if (patch.email !== undefined) set.email = patch.email;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.image !== undefined) set.image = patch.image;
  if (patch.brandColor !== undefined) set.brandColor = patch.brandColor;
  if (patch.reviewSlaDays !== undefined) set.reviewSlaDays = patch.reviewSlaDays;
  if (patch.doubleScorePercent !== undefined) set.doubleScorePercent = patch.doubleScorePercent;
  if (patch.blindReviews !== undefined) set.blindReviews = patch.blindReviews;
  if (patch.suspensionEnabled !== undefined) set.suspensionEnabled = patch.suspensionEnabled;
  if (patch.address !== undefined)
    set.address = patch.address ? (JSON.parse(JSON.stringify(patch.address)) as Record<string, string>) : null;
  const verified = opts.org.verifiedDomain;
  const movedOff = verified !== null && patch.url !== undefined && patch.url !== null && !withinDomain(patch.url, verified);
  if (movedOff) Object.assign(set, { verifiedDomain: null, domainVerifiedAt: null, domainVerificationMethod: null });
  return inTransaction(deps, async (tx) => {
    const row = await updateOrgRow(tx.db, opts.org.id, set);
    if (!row) throw new AppError('not_found', 'Organisation not found');
    await recordAudit(tx, {
      action: 'org.updated',
      orgId: row.id,
      actorId: opts.actor.accountId,
      target: row.id,
      detail: { fields: Object.keys(patch) },
      ip: opts.actor.ip,
    });
    if (movedOff)
      await recordAudit(tx, {
        action: 'org.domain_unverified',
        orgId: row.id,
        actorId: opts.actor.accountId,
        target: row.id,
        detail: { domain: verified, reason: 'the organisation’s URL moved to another domain', url: patch.url },
        ip: opts.actor.ip,
      });
    return row;
  });
}
