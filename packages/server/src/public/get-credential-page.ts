import { bakePng, bakeSvg, verifyCredential } from '@tessera/credentials';
import { findAccountById } from '../accounts/index.js';
import { getAchievementImage } from '../achievements/index.js';
import type { Deps } from '../context.js';
import { credentialKey, credentialPageUrl, credentialStatus } from '../credentials/index.js';
import { findViewableCredential } from '../credentials/index.js';
import type { CredentialRow } from '../credentials/index.js';
import { listEvidence } from '../submissions/index.js';
import { findOrgById } from '../orgs/index.js';
import { issuerVerificationOf } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { localDocuments } from '../verify/index.js';
import type { BadgeImage } from './badge-image.js';
import { badgeAsPng, badgeAsSvg, badgeForPdf } from './badge-image.js';
import { linkedInAddUrl } from './credential-page.js';
import type { CredentialPageView, DownloadNames } from './credential-page.js';
import { downloadName } from './download-name.js';
import { getAchievementStanding, renderStanding } from '../recognition/index.js';

/** A credential that the viewer may see, by the one visibility rule (others get 404, so ids cannot be probed). */
export async function findVisibleCredential(deps: Deps, key: string, viewerId: string | null): Promise<CredentialRow> {
  return findViewableCredential(deps, key, viewerId);
}

/** The evidence entries of the signed credential that the learner made public, with the text of public written evidence. */
async function publicEvidence(deps: Deps, row: CredentialRow): Promise<Array<Record<string, unknown>>> {
  const entries = Array.isArray(row.document['evidence']) ? (row.document['evidence'] as Array<Record<string, unknown>>) : [];
  const items = row.submissionId ? await listEvidence(deps.db, row.submissionId) : [];
  // The signed credential carries evidence by reference; the page shows the text of what the learner made public.
  const prefix = `${row.id}/evidence/`;
  const byRef = (entry: Record<string, unknown>) => {
    const id = typeof entry['id'] === 'string' ? entry['id'] : '';
    return id.startsWith(prefix) ? items.find(({ e }) => encodeURIComponent(e.requirementId) === id.slice(prefix.length)) : undefined;
  };
  // By reference entries name their item; older credentials list them in issuance order.
  return entries.flatMap((entry, i) => {
    const item = (byRef(entry) ?? items[i])?.e;
    if (item?.isPublic !== true) return [];
    return [item.kind === 'text' && item.text && entry['narrative'] === undefined ? { ...entry, narrative: item.text } : entry];
  });
}

/** Everything the public page shows, with a fresh verification report. */
export async function getCredentialPage(deps: Deps, key: string, viewerId: string | null): Promise<CredentialPageView> {
  return pageOf(deps, await findVisibleCredential(deps, key, viewerId));
}

/** What the PDF certificate shows: the page's view and the badge image as pdfkit can draw it (null when it cannot). */
export async function getCertificate(
  deps: Deps,
  key: string,
  viewerId: string | null,
): Promise<{ view: CredentialPageView; badge: Uint8Array | null }> {
  const row = await findVisibleCredential(deps, key, viewerId);
  const [view, image] = await Promise.all([pageOf(deps, row), getBadgeImage(deps, row)]);
  return { view, badge: badgeForPdf(image) };
}

async function pageOf(deps: Deps, row: CredentialRow): Promise<CredentialPageView> {
  const base = deps.env.TESSERA_BASE_URL;
  const [org, learner] = await Promise.all([
    findOrgById(deps.db, row.orgId),
    row.learnerId ? findAccountById(deps.db, row.learnerId) : undefined,
  ]);
  const doc = row.document;
  const report = await verifyCredential(doc, { now: deps.clock.now(), documents: await localDocuments(deps, doc) });
  const st = credentialStatus(row, deps.clock.now());
  const pageKey = encodeURIComponent(credentialKey(base, row.id));
  const pageUrl = credentialPageUrl(base, pageKey);
  const name = achievementNameOf(doc);
  const orgPage = org ? `${base}/orgs/${encodeURIComponent(org.slug)}` : null;
  return {
    credential: doc,
    report,
    pageUrl,
    jsonUrl: `${pageUrl}/credential.json`,
    jwtUrl: `${pageUrl}/credential.jwt`,
    bakedSvgUrl: `${pageUrl}/badge.svg`,
    bakedPngUrl: `${pageUrl}/badge.png`,
    imageUrl: `${base}/media/achievements/${row.achievementId}/image`,
    linkedInUrl: linkedInAddUrl({
      name,
      organization: org?.name ?? '',
      issued: row.issuedAt,
      expires: row.validUntil,
      url: pageUrl,
      id: row.id,
    }),
    recipientName: learner && (row.showName ?? learner.showNameOnCredentials) ? learner.name : null,
    evidence: await publicEvidence(deps, row),
    indexable: row.visibility === 'public',
    replacedByUrl: row.replacedBy ? credentialPageUrl(base, encodeURIComponent(credentialKey(base, row.replacedBy))) : null,
    status: st.status,
    statusReason: st.reason,
    statusDate: (st.status === 'revoked' ? row.revokedAt : st.status === 'suspended' ? row.suspendedAt : null)?.toISOString() ?? null,
    issuerVerification: org ? issuerVerificationOf(org) : null,
    issuerPageUrl: orgPage,
    transparencyUrl: orgPage ? `${orgPage}/achievements/${encodeURIComponent(row.achievementId)}` : null,
    downloads: downloadNames(name),
    standing: renderStanding(await getAchievementStanding(deps, { achievementId: row.achievementId })),
  };
}

/** The achievement's name as the signed credential gives it. */
export function achievementNameOf(doc: Record<string, unknown>): string {
  const subject = (Array.isArray(doc['credentialSubject']) ? doc['credentialSubject'][0] : doc['credentialSubject']) as
    Record<string, unknown> | undefined;
  const name = (subject?.['achievement'] as Record<string, unknown> | undefined)?.['name'] ?? doc['name'];
  return typeof name === 'string' && name ? name : 'Credential';
}

/** The file names of every download of a credential, from its achievement's name. */
export function downloadNames(achievementName: string): DownloadNames {
  return {
    json: downloadName(achievementName, 'json'),
    jwt: downloadName(achievementName, 'jwt'),
    svg: downloadName(achievementName, 'svg'),
    png: downloadName(achievementName, 'png'),
    pdf: downloadName(achievementName, 'pdf'),
    qrPng: downloadName(achievementName, 'png', 'qr'),
    qrSvg: downloadName(achievementName, 'svg', 'qr'),
  };
}

/** The published image of a visible credential's micro-credential, as anyone sees it (a draft is not public). */
export async function getBadgeImage(deps: Deps, row: CredentialRow): Promise<BadgeImage> {
  const image = await getAchievementImage(deps, { achievementId: row.achievementId, viewerId: null });
  return { bytes: image.bytes, mimeType: image.mimeType };
}

/**
 * The micro-credential's image with this credential (its JSON) baked in: `native` keeps the image's own format (SVG
 * or PNG), `svg` wraps a raster image in SVG, `png` draws an SVG, JPEG, GIF or WebP image as PNG first.
 */
export async function getBakedBadge(
  deps: Deps,
  opts: { key: string; viewerId: string | null; format: 'native' | 'svg' | 'png' },
): Promise<{ bytes: Uint8Array; mimeType: string; filename: string }> {
  const row = await findVisibleCredential(deps, opts.key, opts.viewerId);
  const image = await getBadgeImage(deps, row);
  const json = JSON.stringify(row.document);
  const names = downloadNames(achievementNameOf(row.document));
  const format = opts.format === 'native' ? (image.mimeType === 'image/png' ? 'png' : 'svg') : opts.format;
  if (format === 'svg') {
    const svg = badgeAsSvg(image);
    if (svg === null)
      throw new AppError(
        'unsupported_media_type',
        'This micro-credential’s image cannot carry a baked credential; download the JSON instead',
      );
    return { bytes: new TextEncoder().encode(bakeSvg(svg, json)), mimeType: 'image/svg+xml', filename: names.svg };
  }
  let png: Uint8Array;
  try {
    png = badgeAsPng(image);
  } catch {
    throw new AppError(
      'unsupported_media_type',
      'This micro-credential’s image cannot be drawn as PNG; download the baked SVG or the JSON instead',
    );
  }
  return { bytes: bakePng(png, json), mimeType: 'image/png', filename: names.png };
}
