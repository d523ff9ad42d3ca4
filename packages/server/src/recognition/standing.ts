import type { AchievementStanding, PathwayEndorsements } from '@tessera/shared';
import type { Deps } from '../context.js';
import { getPublicPathway } from '../pathways/index.js';
import { presentPublicRecognition } from './present.js';
import { endorsementCredentialUrl } from './present.js';
import { listAcceptedEndorsements, listActiveRules, listApprovals } from './store.js';

/**
 * What anyone may see about an achievement beyond its content: the published rules in force that recognise it,
 * the accepted (not revoked) endorsements of it, and who co-designed it (reviewers who approved a draft).
 */
export async function getAchievementStanding(deps: Deps, opts: { achievementId: string }): Promise<AchievementStanding> {
  const base = deps.env.TESSERA_BASE_URL;
  const [rules, endorsed, approvals] = await Promise.all([
    listActiveRules(deps.db, [opts.achievementId], deps.clock.now()),
    listAcceptedEndorsements(deps.db, { type: 'achievement', id: opts.achievementId }),
    listApprovals(deps.db, opts.achievementId),
  ]);
  return {
    recognitions: rules.map((r) => presentPublicRecognition(r, base)),
    endorsements: endorsed.map((e) => ({
      id: e.e.id,
      endorser: { slug: e.endorserSlug, name: e.endorserName },
      comment: e.e.comment ?? '',
      credentialUrl: e.e.credentialId ? endorsementCredentialUrl(base, e.e.id) : null,
      issuedAt: (e.e.decidedAt ?? e.e.createdAt).toISOString(),
    })),
    coDesigners: [
      ...new Set(approvals.map((a) => (a.inv.reviewerOrgName ? `${a.inv.reviewerOrgName}` : (a.reviewerName ?? 'an external reviewer')))),
    ],
  };
}

/** An issuer's accepted (not revoked) endorsements, in the same shape (no recognitions or co-designers). */
export async function getIssuerStanding(deps: Deps, opts: { orgId: string }): Promise<AchievementStanding> {
  const base = deps.env.TESSERA_BASE_URL;
  const endorsed = await listAcceptedEndorsements(deps.db, { type: 'issuer', id: opts.orgId });
  return {
    recognitions: [],
    endorsements: endorsed.map((e) => ({
      id: e.e.id,
      endorser: { slug: e.endorserSlug, name: e.endorserName },
      comment: e.e.comment ?? '',
      credentialUrl: e.e.credentialId ? endorsementCredentialUrl(base, e.e.id) : null,
      issuedAt: (e.e.decidedAt ?? e.e.createdAt).toISOString(),
    })),
    coDesigners: [],
  };
}

/**
 * The accepted (not revoked) endorsements of a published pathway, for its public and learner pages
 * (the pathways API has no place for them, so this slice serves them at /pathways/{id}/endorsements).
 */
export async function getPathwayEndorsements(deps: Deps, opts: { pathwayId: string }): Promise<PathwayEndorsements> {
  const base = deps.env.TESSERA_BASE_URL;
  const p = await getPublicPathway(deps, { pathwayId: opts.pathwayId });
  const endorsed = await listAcceptedEndorsements(deps.db, { type: 'pathway', id: p.pathwayId });
  return {
    pathwayId: p.pathwayId,
    endorsements: endorsed.map((e) => ({
      id: e.e.id,
      endorser: { slug: e.endorserSlug, name: e.endorserName },
      comment: e.e.comment ?? '',
      credentialUrl: e.e.credentialId ? endorsementCredentialUrl(base, e.e.id) : null,
      issuedAt: (e.e.decidedAt ?? e.e.createdAt).toISOString(),
    })),
  };
}
