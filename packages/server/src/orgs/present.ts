import type { Deps } from '../context.js';
import { orgDid } from './did.js';
import type { OrgRow, RoleValue } from './store.js';

/** An organisation as the API returns it. */
export function presentOrg(deps: Deps, org: OrgRow) {
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    url: org.url,
    email: org.email,
    description: org.description,
    image: org.image,
    address: org.address ?? null,
    brandColor: org.brandColor,
    reviewSlaDays: org.reviewSlaDays,
    doubleScorePercent: org.doubleScorePercent,
    blindReviews: org.blindReviews,
    suspensionEnabled: org.suspensionEnabled,
    verifiedDomain: org.verifiedDomain,
    did: orgDid(deps.env.TESSERA_BASE_URL, org.slug),
    createdAt: org.createdAt.toISOString(),
  };
}

/** An organisation with the caller's role. */
export function presentOrgWithRole(deps: Deps, org: OrgRow, role: RoleValue) {
  return { ...presentOrg(deps, org), role };
}
