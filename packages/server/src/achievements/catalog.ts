import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { readContent } from './content.js';
import { achievementImageUrl, presentIssuer } from './present.js';
import { catalogFacets, findAchievementWithOrg, findVersion, searchCatalog } from './store.js';

/** A page of published micro-credentials across organisations, with full-text search and filters. */
export async function listCatalog(deps: Deps, opts: { q?: string | undefined; skill?: string | undefined; org?: string | undefined; type?: string | undefined; page: number; pageSize: number }) {
  const rows = await searchCatalog(deps.db, { ...opts, limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize });
  return {
    items: rows.map((r) => ({
      achievementId: r.achievementId,
      versionId: r.versionId,
      version: r.version,
      status: r.status,
      content: readContent(r.content),
      imageUrl: achievementImageUrl(deps, r.achievementId),
      issuer: presentIssuer(deps, r.org),
      publishedAt: r.publishedAt.toISOString(),
    })),
    total: rows[0]?.total ?? 0,
    page: opts.page,
    pageSize: opts.pageSize,
    facets: await catalogFacets(deps.db),
  };
}

/** The latest published version of a micro-credential, as learners see it (retired ones stay readable). */
export async function getCatalogEntry(deps: Deps, opts: { achievementId: string }) {
  const found = await findAchievementWithOrg(deps.db, opts.achievementId);
  if (!found || !found.achievement.latestVersionId || found.achievement.status === 'draft') throw new AppError('not_found', 'No such published micro-credential');
  const version = await findVersion(deps.db, found.achievement.latestVersionId);
  if (!version) throw new AppError('not_found', 'No such published micro-credential');
  return {
    achievementId: found.achievement.id,
    versionId: version.id,
    version: version.version,
    status: found.achievement.status === 'retired' ? ('retired' as const) : ('published' as const),
    content: readContent(version.content),
    imageUrl: achievementImageUrl(deps, found.achievement.id),
    issuer: presentIssuer(deps, found.org),
    publishedAt: version.publishedAt.toISOString(),
  };
}
