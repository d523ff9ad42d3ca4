import type { MyProgress } from '@tessera/shared';
import type { Deps } from '../context.js';
import { listCredentials } from '../credentials/index.js';
import { AppError } from '../shared/errors.js';
import { pathwaysAwardingAchievements } from '../pathways/index.js';
import { listMySubmissions } from '../submissions/index.js';
import { readContent } from './content.js';
import { achievementImageUrl, presentIssuer } from './present.js';
import { catalogFacets, findAchievementWithOrg, findVersion, searchCatalog } from './store.js';

const ACTIVE_STATE: Record<string, MyProgress['state'] | undefined> = {
  draft: 'in_progress',
  submitted: 'awaiting_review',
  in_review: 'awaiting_review',
  disputed: 'awaiting_review',
  needs_revision: 'needs_revision',
};

/**
 * The learner's progress per micro-credential id: earned (a passed submission) wins over work in progress;
 * a micro-credential whose attempts were all used up without passing can be started again, so it has none.
 */
export async function myProgressByAchievement(deps: Deps, opts: { accountId: string }): Promise<Map<string, MyProgress>> {
  const submissions = await listMySubmissions(deps, { accountId: opts.accountId });
  const pages = new Map((await listCredentials(deps, { learnerId: opts.accountId })).map((c) => [c.id, c.pageUrl]));
  const out = new Map<string, MyProgress>();
  for (const s of submissions) {
    if (s.state === 'passed') {
      out.set(s.achievementId, {
        state: 'earned',
        submissionId: s.id,
        credentialUrl: s.credentialId ? (pages.get(s.credentialId) ?? null) : null,
      });
      continue;
    }
    const state = ACTIVE_STATE[s.state];
    if (state && out.get(s.achievementId)?.state !== 'earned') out.set(s.achievementId, { state, submissionId: s.id, credentialUrl: null });
  }
  return out;
}

/** A page of published micro-credentials across organisations, with full-text search and filters; `viewerId` adds their progress. */
export async function listCatalog(
  deps: Deps,
  opts: {
    q?: string | undefined;
    skill?: string | undefined;
    org?: string | undefined;
    type?: string | undefined;
    page: number;
    pageSize: number;
    viewerId?: string | null | undefined;
  },
) {
  const { viewerId, ...query } = opts;
  const rows = await searchCatalog(deps.db, { ...query, limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize });
  const progress = viewerId ? await myProgressByAchievement(deps, { accountId: viewerId }) : new Map<string, MyProgress>();
  const awardedBy = await pathwaysAwardingAchievements(
    deps.db,
    rows.map((r) => r.achievementId),
  );
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
      mine: progress.get(r.achievementId) ?? null,
      awardedByPathway: awardedBy.get(r.achievementId) ?? null,
    })),
    total: rows[0]?.total ?? 0,
    page: opts.page,
    pageSize: opts.pageSize,
    facets: await catalogFacets(deps.db),
  };
}

/** The latest published version of a micro-credential, as learners see it (retired ones stay readable); `viewerId` adds their progress. */
export async function getCatalogEntry(deps: Deps, opts: { achievementId: string; viewerId?: string | null | undefined }) {
  const found = await findAchievementWithOrg(deps.db, opts.achievementId);
  if (!found || !found.achievement.latestVersionId || found.achievement.status === 'draft')
    throw new AppError('not_found', 'No such published micro-credential');
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
    mine: opts.viewerId ? ((await myProgressByAchievement(deps, { accountId: opts.viewerId })).get(found.achievement.id) ?? null) : null,
    awardedByPathway: (await pathwaysAwardingAchievements(deps.db, [found.achievement.id])).get(found.achievement.id) ?? null,
  };
}
