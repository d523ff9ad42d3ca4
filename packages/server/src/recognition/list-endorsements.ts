import type { EndorsementBoard } from '@tessera/shared';
import type { Deps } from '../context.js';
import { loadOrgAccess } from '../orgs/index.js';
import { authorizeRecognition } from './policies.js';
import { presentEndorsement } from './present.js';
import { listAcceptedEndorsements, listEndorsementsOfOrg } from './store.js';

/** The endorsements an organisation gives and receives (members). */
export async function listEndorsements(deps: Deps, opts: { accountId: string; slug: string }): Promise<EndorsementBoard> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.accountId, action: 'org.read' });
  authorizeRecognition(role, 'endorsements.read');
  const all = (await listEndorsementsOfOrg(deps.db, org.id)).map((v) => ({ v, p: presentEndorsement(v, deps.env.TESSERA_BASE_URL) }));
  return {
    given: all.filter((x) => x.v.e.endorserOrgId === org.id).map((x) => x.p),
    received: all.filter((x) => x.v.e.ownerOrgId === org.id).map((x) => x.p),
  };
}

/**
 * The signed EndorsementCredentials to embed in the `endorsement` of an achievement built for issuance at
 * `version`: accepted, not revoked, and accepted before that version was published.
 */
export async function endorsementsForIssuance(deps: Pick<Deps, 'db'>, opts: { achievementId: string; version: number }) {
  const rows = await listAcceptedEndorsements(deps.db, { type: 'achievement', id: opts.achievementId, version: opts.version });
  return rows.flatMap((r) => (r.e.credential ? [r.e.credential] : []));
}
