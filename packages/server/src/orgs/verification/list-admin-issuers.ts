import type { Deps } from '../../context.js';
import { listAllOrgs } from '../store.js';
import { resemblance } from './lookalike.js';

/**
 * Every organisation for platform admins, with the verified issuers its name resembles (the flag for a
 * possible impersonation). `flaggedOnly` keeps the flagged ones.
 */
export async function listAdminIssuers(deps: Deps, opts: { flaggedOnly: boolean }) {
  const all = await listAllOrgs(deps.db);
  const verified = all.filter((o) => o.verifiedDomain);
  const rows = all.map((o) => ({
    slug: o.slug,
    name: o.name,
    url: o.url,
    verifiedDomain: o.verifiedDomain,
    method: o.domainVerificationMethod,
    pendingDomain: o.pendingDomain,
    createdAt: o.createdAt.toISOString(),
    resembles: verified
      .filter((v) => v.id !== o.id && v.verifiedDomain !== o.verifiedDomain)
      .flatMap((v) => {
        const reason = resemblance(o.name, v.name);
        return reason ? [{ slug: v.slug, name: v.name, verifiedDomain: v.verifiedDomain ?? '', reason }] : [];
      }),
  }));
  return opts.flaggedOnly ? rows.filter((r) => r.resembles.length > 0) : rows;
}
