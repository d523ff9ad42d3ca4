import { createHash } from 'node:crypto';
import { findAccountById } from '../accounts/store.js';
import { readContent, signableContent } from '../achievements/content.js';
import { achievementImageUrl } from '../achievements/present.js';
import { findVersion } from '../achievements/store.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { loadOrgSigner } from '../keys/load-signer.js';
import { orgDid } from '../orgs/did.js';
import type { OrgRow } from '../orgs/store.js';
import { findOrgById } from '../orgs/store.js';
import { signableUrl } from '../shared/iri.js';
import { listEvidence, listReviews, findSubmission } from '../submissions/store.js';
import type { SubmissionRow } from '../submissions/store.js';
import { emptyBitstring, STATUS_LIST_SIZE } from './bitstring.js';
import { buildAchievementCredential } from './build-credential.js';
import type { EvidenceRef } from './build-credential.js';
import { credentialPageUrl } from './present.js';
import { signDataIntegrity } from './sign.js';
import { signVcJwt } from './sign-jwt.js';
import { allocateStatusIndex, findCredentialIdOfSubmission, insertCredential } from './store.js';

/** The public URL of a status list. */
export function statusListUrl(baseUrl: string, orgSlug: string, listId: string): string {
  return `${baseUrl}/orgs/${orgSlug}/status/${listId}`;
}

function addMonths(d: Date, months: number): Date {
  const r = new Date(d.getTime());
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

/** What a signed credential may carry of an organisation's stored URLs: each one made a valid IRI, or left out. */
function signableOrg(org: OrgRow, omitted: string[]): OrgRow {
  const url = signableUrl(org.url);
  const image = signableUrl(org.image);
  if (org.url && url === null) omitted.push('issuer.url');
  if (org.image && image === null) omitted.push('issuer.image');
  return { ...org, url, image };
}

/** What a credential signed from an award carries beyond the award itself. */
export interface SignOptions {
  /** The submission (the award), locked by the caller. */
  submission: SubmissionRow;
  /** The learner allowed their name in the signed credential. */
  showName: boolean;
  validUntil: Date | null;
  /** When the achievement was first awarded (re-issue only). */
  awardedAt?: Date;
}

/**
 * Build and sign the credential of a passed submission: a fresh id and status entries, evidence by reference
 * (a URL on this server whose access follows the learner's evidence visibility, and a digest), the learner's
 * name only when allowed. Returns the row to insert and the stored URLs left out. Used by issuance and re-issue.
 */
export async function signAward(tx: Deps, opts: SignOptions) {
  const s = opts.submission;
  const [org, version, learner] = await Promise.all([findOrgById(tx.db, s.orgId), findVersion(tx.db, s.versionId), findAccountById(tx.db, s.learnerId)]);
  if (!org || !version || !learner) throw new Error('issuance context missing');
  // Stored URLs may predate today's rules, and the learner has passed: a URL that cannot be made a valid IRI
  // is left out of the credential (and named in the audit event) rather than blocking issuance or the signature.
  const { content, omitted } = signableContent(readContent(version.content));
  const reviews = (await listReviews(tx.db, s.id)).filter((r) => r.attempt === s.attempt);
  const deciding = reviews.find((r) => r.kind === 'settlement') ?? reviews.find((r) => r.kind === 'primary');
  if (!deciding || deciding.decision !== 'pass') throw new Error(`submission ${s.id} has no passing review`);
  const now = tx.clock.now();
  const base = tx.env.TESSERA_BASE_URL;
  const newList = (purpose: 'revocation' | 'suspension') => () => ({ id: tx.ids.id('statusList'), orgId: org.id, purpose, seq: 1, size: STATUS_LIST_SIZE, nextIndex: 0, bits: emptyBitstring(), updatedAt: now });
  const revocation = await allocateStatusIndex(tx.db, { orgId: org.id, purpose: 'revocation', newList: newList('revocation') });
  // A suspension entry only when the organisation chose it: OB 3.0 allows one credentialStatus (see README).
  const suspension = org.suspensionEnabled ? await allocateStatusIndex(tx.db, { orgId: org.id, purpose: 'suspension', newList: newList('suspension') }) : null;
  // The id is the credential's public page, so anyone holding the credential can find the page from it.
  const id = credentialPageUrl(base, tx.ids.uuid());
  const evidence = (await listEvidence(tx.db, s.id)).flatMap(({ e, f }): EvidenceRef[] => {
    const url = evidenceUrl(id, e.requirementId);
    if (f) return [{ requirementId: e.requirementId, url, served: 'file', sha256: f.sha256, mediaType: f.mimeType }];
    if (e.kind === 'text' && e.text !== null) return [{ requirementId: e.requirementId, url, served: 'text', sha256: sha256Hex(e.text), mediaType: null }];
    if (e.url !== null) return [{ requirementId: e.requirementId, url, served: 'link', sha256: sha256Hex(e.url), mediaType: null }];
    return [];
  });
  const issuerOrg = signableOrg(org, omitted);
  const unsigned = buildAchievementCredential({
    id,
    baseUrl: base,
    issuerDid: orgDid(base, org.slug),
    org: issuerOrg,
    achievementId: s.achievementId,
    version: version.version,
    content,
    imageUrl: achievementImageUrl(tx, s.achievementId),
    // An address nobody proved is never bound into a credential: until it is verified, the account stands in.
    learner: { email: learner.emailVerifiedAt ? learner.email : null, accountRef: `${base}/people/${learner.id}`, name: learner.name, did: learner.did, showName: opts.showName },
    scores: deciding.scores,
    evidence,
    issuedAt: now,
    ...(opts.awardedAt ? { awardedAt: opts.awardedAt } : {}),
    validUntil: opts.validUntil,
    status: {
      revocation: { url: statusListUrl(base, org.slug, revocation.listId), index: revocation.index },
      suspension: suspension ? { url: statusListUrl(base, org.slug, suspension.listId), index: suspension.index } : null,
    },
  });
  const signed = await signDataIntegrity(unsigned, await loadOrgSigner(tx, org), now);
  // The JWT form is ES256 (P-256): 1EdTech's validator accepts only RS256 and ES256 JWTs.
  const jwt = await signVcJwt(unsigned, await loadOrgSigner(tx, org, 'P-256'));
  const row = {
    id,
    orgId: org.id,
    submissionId: s.id,
    achievementId: s.achievementId,
    versionId: version.id,
    learnerId: s.learnerId,
    document: signed,
    jwt,
    revocationListId: revocation.listId,
    revocationIndex: revocation.index,
    suspensionListId: suspension?.listId ?? null,
    suspensionIndex: suspension?.index ?? null,
    issuedAt: now,
    validUntil: opts.validUntil,
    revokedAt: null,
    revokedReason: null,
    suspendedAt: null,
    suspendedReason: null,
  };
  return { row, omitted, version: version.version };
}

/** The hex SHA-256 of a string's UTF-8 bytes. */
function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Where this server serves one evidence item of a credential (access follows the learner's evidence visibility). */
export function evidenceUrl(credentialId: string, requirementId: string): string {
  return `${credentialId}/evidence/${encodeURIComponent(requirementId)}`;
}

/**
 * Issue the credential of a passed submission, exactly once: the submission row is locked, an existing
 * credential ends the job, and a submission has at most one current credential (a unique index). Run by the
 * credential.issue job. The name goes in only when the learner's account allows it.
 */
export async function issueCredential(deps: Deps, opts: { submissionId: string }): Promise<string> {
  return inTransaction(deps, async (tx) => {
    const s = await findSubmission(tx.db, opts.submissionId, true);
    if (!s) throw new Error(`submission ${opts.submissionId} not found`);
    const existing = await findCredentialIdOfSubmission(tx.db, s.id);
    if (existing) return existing;
    if (s.state !== 'passed') throw new Error(`submission ${s.id} has not passed`);
    const [version, learner] = await Promise.all([findVersion(tx.db, s.versionId), findAccountById(tx.db, s.learnerId)]);
    if (!version || !learner) throw new Error('issuance context missing');
    const content = readContent(version.content);
    const now = tx.clock.now();
    const validUntil = content.validity.kind === 'months' ? addMonths(now, content.validity.months) : null;
    const { row, omitted, version: v } = await signAward(tx, { submission: s, showName: learner.showNameOnCredentials, validUntil });
    const inserted = await insertCredential(tx.db, row);
    if (!inserted) throw new Error(`a credential for ${s.id} appeared concurrently`);
    if (omitted.length) tx.log.warn({ credentialId: row.id, omitted }, 'stored URLs that are not valid IRIs were left out of the credential');
    await recordAudit(tx, { action: 'credential.issued', orgId: row.orgId, actorId: null, target: row.id, detail: { submissionId: s.id, achievementId: s.achievementId, version: v, ...(omitted.length ? { omittedInvalidUrls: omitted } : {}) } });
    return row.id;
  });
}
