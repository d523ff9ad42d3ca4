import type { PublicPathway } from '@tessera/shared';
import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { childrenOf, neededOf } from './evaluate.js';
import { presentAchievementRef, readPathwayContent } from './present.js';
import { findAchievementInfos, listPublishedPathways } from './store.js';

/** A published pathway as anyone sees it (no learner data): its current version's structure, steps and issuer. */
export async function getPublicPathway(deps: Pick<Deps, 'db'>, opts: { pathwayId: string }): Promise<PublicPathway> {
  const [found] = await listPublishedPathways(deps.db, [opts.pathwayId]);
  if (!found || found.pathway.status !== 'published') throw new AppError('not_found', 'No such pathway');
  const p = readPathwayContent(found.version.content);
  const infos = await findAchievementInfos(deps.db, [
    p.completionAchievementId,
    ...p.groups.flatMap((g) => (g.milestoneAchievementId ? [g.milestoneAchievementId] : [])),
    ...p.steps.flatMap((s) => (s.accept.kind === 'achievement' ? [s.accept.achievementId] : [])),
  ]);
  const ref = (id: string) => {
    const a = infos.get(id);
    return a ? presentAchievementRef(a) : null;
  };
  const steps = p.steps.map((s) => {
    const a = s.accept.kind === 'achievement' ? ref(s.accept.achievementId) : null;
    return {
      id: s.id,
      label: s.accept.kind === 'achievement' ? (a?.name ?? 'Unknown achievement') : s.accept.label,
      achievementId: s.accept.kind === 'achievement' ? s.accept.achievementId : null,
      issuerName: a?.orgName ?? null,
      credits: a?.creditsAvailable ?? null,
      after: [] as string[],
    };
  });
  const labelOf = new Map(steps.map((s) => [s.id, s.label]));
  for (const s of steps) s.after = p.precedes.filter((e) => e.to === s.id).map((e) => labelOf.get(e.from) ?? e.from);
  const completion = ref(p.completionAchievementId);
  return {
    pathwayId: found.pathway.id,
    version: found.version.version,
    name: p.name,
    description: p.description,
    issuer: { slug: found.org.slug, name: found.org.name },
    completion: {
      achievementId: p.completionAchievementId,
      name: completion?.name ?? p.name,
      achievementType: completion?.achievementType ?? 'Certificate',
    },
    expiryPolicy: p.expiryPolicy,
    rootId: p.groups.find((g) => g.parentId === null)?.id ?? '',
    groups: p.groups.map((g) => {
      const children = childrenOf(p, g.id);
      return {
        id: g.id,
        name: g.name,
        rule: g.rule,
        n: g.n,
        needed: neededOf(g, children.length),
        milestoneName: g.milestoneAchievementId ? (ref(g.milestoneAchievementId)?.name ?? g.name) : null,
        children,
      };
    }),
    steps,
    creditsTotal: steps.reduce((n, s) => n + (s.credits ?? 0), 0),
  };
}
