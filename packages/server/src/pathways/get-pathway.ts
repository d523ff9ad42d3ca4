import type { Pathway, PathwaySummary } from '@tessera/shared';
import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { presentAchievementRef, readPathwayContent } from './present.js';
import { completionCounts, findAchievementInfos, findPathway, findPathwayVersion, listPathwayRows, listPathwayVersions } from './store.js';
import type { PathwayRow } from './store.js';

async function unpublishedChanges(deps: Deps, row: PathwayRow): Promise<boolean> {
  if (!row.latestVersionId) return true;
  const latest = await findPathwayVersion(deps.db, row.latestVersionId);
  return JSON.stringify(readPathwayContent(row.draft)) !== JSON.stringify(latest ? readPathwayContent(latest.content) : null);
}

/** A pathway with its draft, versions and the achievements it names. */
export async function getPathway(deps: Deps, opts: { org: OrgRow; pathwayId: string }): Promise<Pathway> {
  const row = await findPathway(deps.db, opts.org.id, opts.pathwayId);
  if (!row) throw new AppError('not_found', 'No such pathway');
  const draft = readPathwayContent(row.draft);
  const ids = [
    draft.completionAchievementId,
    ...draft.groups.flatMap((g) => (g.milestoneAchievementId ? [g.milestoneAchievementId] : [])),
    ...draft.steps.flatMap((s) => (s.accept.kind === 'achievement' ? [s.accept.achievementId] : [])),
  ];
  const infos = await findAchievementInfos(deps.db, ids);
  const versions = await listPathwayVersions(deps.db, row.id);
  return {
    id: row.id,
    orgSlug: opts.org.slug,
    status: row.status,
    draft,
    hasUnpublishedChanges: await unpublishedChanges(deps, row),
    versions: versions.map((v) => ({ id: v.id, version: v.version, publishedAt: v.publishedAt.toISOString() })),
    // Another organisation's draft is never shown.
    achievements: [...infos.values()].filter((a) => a.orgId === opts.org.id || a.status !== 'draft').map(presentAchievementRef),
    completions: (await completionCounts(deps.db, opts.org.id)).get(row.id) ?? 0,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** An organisation's pathways. */
export async function listPathways(deps: Deps, opts: { org: OrgRow }): Promise<PathwaySummary[]> {
  const rows = await listPathwayRows(deps.db, opts.org.id);
  const counts = await completionCounts(deps.db, opts.org.id);
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      name: readPathwayContent(r.draft).name,
      status: r.status,
      hasUnpublishedChanges: await unpublishedChanges(deps, r),
      latestVersion: r.latestVersionId ? ((await findPathwayVersion(deps.db, r.latestVersionId))?.version ?? null) : null,
      completions: counts.get(r.id) ?? 0,
      updatedAt: r.updatedAt.toISOString(),
    })),
  );
}
