import { bakePng, bakeSvg, verifyCredential } from '@tessera/credentials';
import { findAccountById } from '../accounts/store.js';
import { getAchievementImage } from '../achievements/achievement-image.js';
import type { Deps } from '../context.js';
import { credentialKey, credentialPageUrl, credentialStatus } from '../credentials/present.js';
import { findViewableCredential } from '../credentials/can-view-credential.js';
import type { CredentialRow } from '../credentials/store.js';
import { listEvidence } from '../submissions/store.js';
import { findOrgById } from '../orgs/store.js';
import { issuerVerificationOf } from '../orgs/verification/issuer-verification.js';
import { AppError } from '../shared/errors.js';
import { localDocuments } from '../verify/local-documents.js';
import { linkedInAddUrl } from './credential-page.js';
import type { CredentialPageView } from './credential-page.js';

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
  const row = await findVisibleCredential(deps, key, viewerId);
  const base = deps.env.TESSERA_BASE_URL;
  const [org, learner] = await Promise.all([findOrgById(deps.db, row.orgId), findAccountById(deps.db, row.learnerId)]);
  const doc = row.document;
  const report = await verifyCredential(doc, { now: deps.clock.now(), documents: await localDocuments(deps, doc) });
  const st = credentialStatus(row, deps.clock.now());
  const pageKey = encodeURIComponent(credentialKey(base, row.id));
  const pageUrl = credentialPageUrl(base, pageKey);
  const subject = (Array.isArray(doc['credentialSubject']) ? doc['credentialSubject'][0] : doc['credentialSubject']) as Record<string, unknown> | undefined;
  const achievementName = String((subject?.['achievement'] as Record<string, unknown> | undefined)?.['name'] ?? doc['name'] ?? 'Credential');
  return {
    credential: doc,
    report,
    pageUrl,
    jsonUrl: `${pageUrl}/credential.json`,
    jwtUrl: row.jwt ? `${pageUrl}/credential.jwt` : null,
    bakedSvgUrl: `${pageUrl}/badge`,
    imageUrl: `${base}/media/achievements/${row.achievementId}/image`,
    linkedInUrl: linkedInAddUrl({ name: achievementName, organization: org?.name ?? '', issued: row.issuedAt, expires: row.validUntil, url: pageUrl, id: row.id }),
    recipientName: learner && (row.showName ?? learner.showNameOnCredentials) ? learner.name : null,
    evidence: await publicEvidence(deps, row),
    indexable: row.visibility === 'public',
    replacedByUrl: row.replacedBy ? credentialPageUrl(base, encodeURIComponent(credentialKey(base, row.replacedBy))) : null,
    status: st.status,
    statusReason: st.reason,
    issuerVerification: org ? issuerVerificationOf(org) : null,
  };
}

/** The micro-credential's image with this credential baked in (SVG or PNG, as the image is). */
export async function getBakedBadge(deps: Deps, key: string, viewerId: string | null): Promise<{ bytes: Uint8Array; mimeType: string; filename: string }> {
  const row = await findVisibleCredential(deps, key, viewerId);
  // The published image, as anyone sees it (a draft is not public).
  const image = await getAchievementImage(deps, { achievementId: row.achievementId, viewerId: null });
  const json = JSON.stringify(row.document);
  if (image.mimeType === 'image/svg+xml') return { bytes: new TextEncoder().encode(bakeSvg(Buffer.from(image.bytes).toString('utf8'), json)), mimeType: 'image/svg+xml', filename: 'badge.svg' };
  if (image.mimeType === 'image/png') return { bytes: bakePng(image.bytes, json), mimeType: 'image/png', filename: 'badge.png' };
  throw new AppError('unsupported_media_type', 'This micro-credential’s image is not a PNG or SVG, so it cannot carry a baked credential; download the JSON instead');
}
