import type { Deps } from '../../context.js';
import type { OrgRow } from '../store.js';
import { findOrgBySlug } from '../store.js';
import { orgDid } from '../did.js';

/** Whether an issuer on this instance has proven its web domain. */
export type IssuerVerification = { verified: true; domain: string } | { verified: false };

/** The line public pages and the verifier show for an issuer's verification. */
export function issuerVerificationLine(v: IssuerVerification): string {
  return v.verified ? `Verified issuer: ${v.domain}` : 'Unverified issuer';
}

/** The verification of an organisation row. */
export function issuerVerificationOf(org: Pick<OrgRow, 'verifiedDomain'>): IssuerVerification {
  return org.verifiedDomain ? { verified: true, domain: org.verifiedDomain } : { verified: false };
}

/**
 * The verification of a credential's issuer as named in the credential (its `issuer` or `issuer.id`): for the
 * verifier. Only an organisation of this instance, named by its did:web, has one; any other issuer gives null
 * (Tessera knows nothing of its domain, so shows nothing rather than "unverified"). The credential names its
 * issuer itself: show the result only beside a report whose `issuer` step passed, never for a forgery.
 */
export async function issuerVerificationOfCredential(deps: Deps, credential: Record<string, unknown>): Promise<IssuerVerification | null> {
  const issuer = credential['issuer'];
  const id =
    typeof issuer === 'string'
      ? issuer
      : issuer && typeof issuer === 'object' && 'id' in issuer && typeof issuer.id === 'string'
        ? issuer.id
        : null;
  if (!id) return null;
  const prefix = orgDid(deps.env.TESSERA_BASE_URL, '');
  if (!id.startsWith(prefix)) return null;
  const slug = id.slice(prefix.length);
  if (!slug || slug.includes(':')) return null;
  const org = await findOrgBySlug(deps.db, slug);
  return org ? issuerVerificationOf(org) : null;
}
