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
import { emptyBitstring, STATUS_LIST_SIZE } from './bitstring.js';
import { buildAchievementCredential } from './build-credential.js';
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

/**
 * Issue the credential of a passed submission, exactly once: the submission row is locked, an existing
 * credential ends the job, and `credentials.submission_id` is unique. Run by the credential.issue job.
 */
export async function issueCredential(deps: Deps, opts: { submissionId: string }): Promise<string> {
  return inTransaction(deps, async (tx) => {
    const s = await findSubmission(tx.db, opts.submissionId, true);
    if (!s) throw new Error(`submission ${opts.submissionId} not found`);
    const existing = await findCredentialIdOfSubmission(tx.db, s.id);
    if (existing) return existing;
    if (s.state !== 'passed') throw new Error(`submission ${s.id} has not passed`);
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
    const validUntil = content.validity.kind === 'months' ? addMonths(now, content.validity.months) : null;
    const evidence = (await listEvidence(tx.db, s.id)).map(({ e, f }) => {
      const url = signableUrl(e.url);
      if (e.url && url === null) omitted.push(`evidence.${e.requirementId}.url`);
      return { requirementId: e.requirementId, text: e.text, url, file: f ? { url: `${base}/api/v1/files/${f.id}`, name: f.name, sha256: f.sha256 } : null };
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
      learner: { email: learner.email, name: learner.name, did: learner.did, showName: learner.showNameOnCredentials },
      scores: deciding.scores,
      evidence,
      issuedAt: now,
      validUntil,
      status: {
        revocation: { url: statusListUrl(base, org.slug, revocation.listId), index: revocation.index },
        suspension: suspension ? { url: statusListUrl(base, org.slug, suspension.listId), index: suspension.index } : null,
      },
    });
    const signed = await signDataIntegrity(unsigned, await loadOrgSigner(tx, org), now);
    // The JWT form is ES256 (P-256): 1EdTech's validator accepts only RS256 and ES256 JWTs.
    const jwt = await signVcJwt(unsigned, await loadOrgSigner(tx, org, 'P-256'));
    const inserted = await insertCredential(tx.db, {
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
      validUntil,
      revokedAt: null,
      revokedReason: null,
      suspendedAt: null,
      suspendedReason: null,
    });
    if (!inserted) throw new Error(`a credential for ${s.id} appeared concurrently`);
    if (omitted.length) tx.log.warn({ credentialId: id, omitted }, 'stored URLs that are not valid IRIs were left out of the credential');
    await recordAudit(tx, { action: 'credential.issued', orgId: org.id, actorId: null, target: id, detail: { submissionId: s.id, achievementId: s.achievementId, version: version.version, ...(omitted.length ? { omittedInvalidUrls: omitted } : {}) } });
    return id;
  });
}
