import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { presentAchievement } from './present.js';
import { findAchievement, issuedCounts, listAchievementRows, listVersions } from './store.js';
import { readContent } from './content.js';

/** One micro-credential with its versions. */
export async function getAchievement(deps: Deps, opts: { org: OrgRow; achievementId: string }) {
  const row = await findAchievement(deps.db, opts.org.id, opts.achievementId);
  if (!row) throw new AppError('not_found', 'No such micro-credential');
  const counts = await issuedCounts(deps.db, opts.org.id);
  return presentAchievement(deps, {
    row,
    orgSlug: opts.org.slug,
    versions: await listVersions(deps.db, row.id),
    issued: counts.get(row.id) ?? 0,
  });
}

/** An organisation's micro-credentials. */
export async function listAchievements(deps: Deps, opts: { org: OrgRow }) {
  const rows = await listAchievementRows(deps.db, opts.org.id);
  const counts = await issuedCounts(deps.db, opts.org.id);
  const out = [];
  for (const row of rows) {
    const versions = await listVersions(deps.db, row.id);
    const p = presentAchievement(deps, { row, orgSlug: opts.org.slug, versions, issued: counts.get(row.id) ?? 0 });
    out.push({
      id: p.id,
      status: p.status,
      hasUnpublishedChanges: p.hasUnpublishedChanges,
      imageUrl: p.imageUrl,
      issuedCount: p.issuedCount,
      updatedAt: p.updatedAt,
      name: readContent(row.draft).name,
      latestVersion: p.latestVersion?.version ?? null,
    });
  }
  return out;
}
