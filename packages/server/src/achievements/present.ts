import type { Deps } from '../context.js';
import { orgDid } from '../orgs/index.js';
import type { AchievementRow, OrgRowLite, VersionRow } from './store.js';
import { readContent, sameContent } from './content.js';

/** Public URL of a micro-credential's image (uploaded, or generated in the organisation's colours). */
export function achievementImageUrl(deps: Deps, achievementId: string): string {
  return `${deps.env.TESSERA_BASE_URL}/media/achievements/${achievementId}/image`;
}

/** The issuer summary shown with published micro-credentials. */
export function presentIssuer(deps: Deps, org: Pick<OrgRowLite, 'slug' | 'name' | 'url' | 'image' | 'brandColor'>) {
  return {
    slug: org.slug,
    name: org.name,
    url: org.url,
    image: org.image,
    did: orgDid(deps.env.TESSERA_BASE_URL, org.slug),
    brandColor: org.brandColor,
  };
}

/** A micro-credential as members see it. */
export function presentAchievement(deps: Deps, opts: { row: AchievementRow; orgSlug: string; versions: VersionRow[]; issued: number }) {
  const draft = readContent(opts.row.draft);
  const latest = opts.versions.find((v) => v.id === opts.row.latestVersionId) ?? null;
  const latestContent = latest ? readContent(latest.content) : null;
  return {
    id: opts.row.id,
    orgSlug: opts.orgSlug,
    status: opts.row.status,
    draft,
    hasUnpublishedChanges: !latestContent || !sameContent(draft, latestContent),
    latestVersion:
      latest && latestContent
        ? { id: latest.id, version: latest.version, publishedAt: latest.publishedAt.toISOString(), content: latestContent }
        : null,
    versions: opts.versions.map((v) => ({ id: v.id, version: v.version, publishedAt: v.publishedAt.toISOString() })),
    imageUrl: achievementImageUrl(deps, opts.row.id),
    issuedCount: opts.issued,
    createdAt: opts.row.createdAt.toISOString(),
    updatedAt: opts.row.updatedAt.toISOString(),
  };
}
