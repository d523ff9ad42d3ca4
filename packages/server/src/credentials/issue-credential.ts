import { createHash } from 'node:crypto';
import { buildEvidence } from '@tessera/credentials';
import { findAccountById } from '../accounts/index.js';
import { readContent, signableContent } from '../achievements/index.js';
import { achievementImageUrl } from '../achievements/index.js';
import { findVersion } from '../achievements/index.js';
import { recordAudit } from '../audit/index.js';
import type { Deps } from '../context.js';
import type { Db } from '../db/client.js';
import { inTransaction } from '../db/tx.js';
import { loadOrgSigner } from '../keys/index.js';
import type { Signer } from '../keys/index.js';
import { AppError } from '../shared/errors.js';
import { schedulePathwayEvaluation } from '../pathways/index.js';
import { orgDid } from '../orgs/index.js';
import type { OrgRow } from '../orgs/index.js';
import { findOrgById } from '../orgs/index.js';
import { signableUrl } from '../shared/iri.js';
import { listEvidence, listReviews, findSubmission } from '../submissions/index.js';
import type { SubmissionRow } from '../submissions/index.js';
import { emptyBitstring, STATUS_LIST_SIZE } from './bitstring.js';
import { skillsOfAchievementVersion, toOb3Alignment } from '../skills/index.js';
import { endorsementsForIssuance } from '../recognition/index.js';
import type { AlignedSkill } from '../skills/index.js';
import type { EvidenceRef } from './build-credential.js';
import { buildAndSignCredential } from './sign-award-credential.js';
import type { PreparedCredential } from './sign-award-credential.js';
import { credentialPageUrl } from './present.js';
import {
  allocateStatusIndex,
  findAwardForSigning,
  findCredentialIdOfAward,
  findCredentialIdOfSubmission,
  insertCredential,
  reserveStatusRange,
} from './store.js';

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

/** The award row a credential is signed for. */
export type AwardForSigning = NonNullable<Awaited<ReturnType<typeof findAwardForSigning>>>;

/** An organisation's signer, unsealed once (for the length of a job) instead of once per credential. */
export interface AwardSigners {
  org: OrgRow;
  ed25519: Signer;
  /** Published versions read once for the job (immutable once published): content, skills and URLs left out. */
  versions?: Map<string, VersionContext>;
}

/** What signing needs of a published achievement version, read once per job. */
export interface VersionContext {
  version: NonNullable<Awaited<ReturnType<typeof findVersion>>>;
  content: ReturnType<typeof signableContent>['content'];
  omitted: readonly string[];
  skillAlignments: { achievement: ReturnType<typeof toOb3Alignment>[]; criteria: Record<string, ReturnType<typeof toOb3Alignment>[]> };
  /** Signed EndorsementCredentials of the achievement in force for this version (accepted before it, not revoked). */
  endorsements: Array<Record<string, unknown>>;
}

/** A version's signing context, from the job's cache when it has one. */
async function versionContext(
  tx: Deps,
  versionId: string,
  cache: Map<string, VersionContext> | undefined,
): Promise<VersionContext | undefined> {
  const cached = cache?.get(versionId);
  if (cached) return cached;
  const version = await findVersion(tx.db, versionId);
  if (!version) return undefined;
  // Stored URLs may predate today's rules, and the learner has passed: a URL that cannot be made a valid IRI
  // is left out of the credential (and named in the audit event) rather than blocking issuance or the signature.
  const { content, omitted } = signableContent(readContent(version.content));
  const aligned = await skillsOfAchievementVersion(tx.db, version.id);
  const toTarget = (list: AlignedSkill[]) => list.map((sk) => toOb3Alignment(tx.env.TESSERA_BASE_URL, sk));
  const skillAlignments = {
    achievement: toTarget(aligned.achievement),
    criteria: Object.fromEntries(Object.entries(aligned.criteria).map(([cid, list]) => [cid, toTarget(list)])),
  };
  const endorsements = await endorsementsForIssuance(tx, { achievementId: version.achievementId, version: version.version });
  const ctx = { version, content, omitted, skillAlignments, endorsements };
  cache?.set(versionId, ctx);
  return ctx;
}

/** Hands out status-list indexes (e.g. from ranges reserved up front), never the same one twice. */
export interface StatusIndexSource {
  /** The next index; `tx` is the caller's transaction, if any (see reserveStatusIndexes). */
  take(purpose: 'revocation' | 'suspension', tx?: Db): Promise<{ listId: string; index: number }>;
}

/** What a credential signed from an award carries beyond the award itself. */
export interface SignOptions {
  /** The award (locked by the caller). */
  award?: AwardForSigning;
  /** A passed submission, locked by the caller; its assessment award is looked up (re-issue passes this). */
  submission?: SubmissionRow;
  /** The recipient allowed their name in the signed credential. */
  showName: boolean;
  validUntil: Date | null;
  /** When the achievement was first awarded (re-issue only). */
  awardedAt?: Date;
  /** Signers prepared for a batch (otherwise loaded here). */
  signers?: AwardSigners;
  /** Status indexes reserved for a batch (otherwise allocated one at a time here). */
  statusIndexes?: StatusIndexSource;
}

/** Load an organisation's current Ed25519 signer once, for a job that signs many credentials. */
export async function prepareAwardSigners(deps: Deps, opts: { orgId: string }): Promise<AwardSigners> {
  const org = await findOrgById(deps.db, opts.orgId);
  if (!org) throw new AppError('not_found', 'No such organisation');
  return { org, ed25519: await loadOrgSigner(deps, org), versions: new Map() };
}

/**
 * Status indexes reserved in ranges of `chunk` (default 1000), each range in its own short statement outside
 * the caller's transaction, so a batch holds no status-list row lock while it signs. Unused reserved indexes
 * are skipped, never reused.
 */
export function reserveStatusIndexes(deps: Deps, opts: { orgId: string; chunk?: number }): StatusIndexSource {
  const chunk = opts.chunk ?? 1000;
  const ranges = new Map<string, { listId: string; next: number; end: number }>();
  const newList = (purpose: 'revocation' | 'suspension') => () => ({
    id: deps.ids.id('statusList'),
    orgId: opts.orgId,
    purpose,
    seq: 1,
    size: STATUS_LIST_SIZE,
    nextIndex: 0,
    bits: emptyBitstring(),
    updatedAt: deps.clock.now(),
  });
  return {
    async take(purpose, tx) {
      let r = ranges.get(purpose);
      if (!r || r.next >= r.end) {
        // PGlite has one connection, which the caller's transaction holds: a statement outside it would wait
        // forever. Take one index in that transaction instead (rolled back with it; never kept as a range).
        if (tx && deps.dbKind === 'pglite') return allocateStatusIndex(tx, { orgId: opts.orgId, purpose, newList: newList(purpose) });
        const got = await reserveStatusRange(deps.db, { orgId: opts.orgId, purpose, count: chunk, newList: newList(purpose) });
        r = { listId: got.listId, next: got.start, end: got.start + got.count };
        ranges.set(purpose, r);
      }
      return { listId: r.listId, index: r.next++ };
    },
  };
}

/** The issuer's narrative and evidence link as one OB 3.0 Evidence entry (none when neither was given). */
function evidenceOfAward(award: AwardForSigning): Array<Record<string, unknown>> {
  if (!award.evidenceUrl && !award.narrative) return [];
  return [
    buildEvidence({
      ...(award.evidenceUrl ? { id: award.evidenceUrl } : {}),
      name: 'Evidence given by the issuer',
      ...(award.narrative ? { narrative: award.narrative } : {}),
    }),
  ];
}

/**
 * Prepare the credential of an award: a fresh id and status entries; for an assessment, the deciding
 * review's levels and evidence by reference (a URL on this server whose access follows the learner's evidence
 * visibility, and a digest); otherwise the award's results and the issuer's narrative and evidence link. An
 * account recipient is named as in every credential (verified email or account, hashed; the name only when
 * allowed); an unclaimed email recipient by a salted hash of that email, without the name. Reads the database
 * and takes status indexes; returns what to build and sign (see sign-award-credential.ts) and the row without
 * its signed forms.
 */
export async function prepareAwardCredential(tx: Deps, opts: SignOptions) {
  const award = opts.award ?? (opts.submission ? await findAwardForSigning(tx.db, { submissionId: opts.submission.id }) : undefined);
  if (!award) throw new Error(`no award to sign${opts.submission ? ` for submission ${opts.submission.id}` : ''}`);
  const submission =
    opts.submission ?? (award.source === 'assessment' && award.sourceRef ? await findSubmission(tx.db, award.sourceRef) : undefined);
  const [org, versionCtx, learner] = await Promise.all([
    opts.signers?.org ?? findOrgById(tx.db, award.orgId),
    versionContext(tx, award.versionId, opts.signers?.versions),
    award.recipientAccountId ? findAccountById(tx.db, award.recipientAccountId) : Promise.resolve(undefined),
  ]);
  if (!org || !versionCtx || (award.recipientAccountId && !learner) || (!award.recipientAccountId && !award.recipientEmail))
    throw new Error('issuance context missing');
  const { version, content, skillAlignments, endorsements } = versionCtx;
  const omitted = [...versionCtx.omitted];
  let scores: Array<{ criterionId: string; levelId: string }> = award.results;
  if (submission) {
    const reviews = (await listReviews(tx.db, submission.id)).filter((r) => r.attempt === submission.attempt);
    const deciding = reviews.find((r) => r.kind === 'settlement') ?? reviews.find((r) => r.kind === 'primary');
    if (!deciding || deciding.decision !== 'pass') throw new Error(`submission ${submission.id} has no passing review`);
    scores = deciding.scores;
  }
  const now = tx.clock.now();
  const base = tx.env.TESSERA_BASE_URL;
  const newList = (purpose: 'revocation' | 'suspension') => () => ({
    id: tx.ids.id('statusList'),
    orgId: org.id,
    purpose,
    seq: 1,
    size: STATUS_LIST_SIZE,
    nextIndex: 0,
    bits: emptyBitstring(),
    updatedAt: now,
  });
  const take = (purpose: 'revocation' | 'suspension') =>
    opts.statusIndexes
      ? opts.statusIndexes.take(purpose, tx.db)
      : allocateStatusIndex(tx.db, { orgId: org.id, purpose, newList: newList(purpose) });
  const revocation = await take('revocation');
  // A suspension entry only when the organisation chose it: OB 3.0 allows one credentialStatus (see README).
  const suspension = org.suspensionEnabled ? await take('suspension') : null;
  // The id is the credential's public page, so anyone holding the credential can find the page from it.
  const id = credentialPageUrl(base, tx.ids.uuid());
  const evidence = submission
    ? (await listEvidence(tx.db, submission.id)).flatMap(({ e, f }): EvidenceRef[] => {
        const url = evidenceUrl(id, e.requirementId);
        if (f) return [{ requirementId: e.requirementId, url, served: 'file', sha256: f.sha256, mediaType: f.mimeType }];
        if (e.kind === 'text' && e.text !== null)
          return [{ requirementId: e.requirementId, url, served: 'text', sha256: sha256Hex(e.text), mediaType: null }];
        if (e.url !== null) return [{ requirementId: e.requirementId, url, served: 'link', sha256: sha256Hex(e.url), mediaType: null }];
        return [];
      })
    : [];
  const issuerOrg = signableOrg(org, omitted);
  // An address nobody proved is never bound into a credential: until it is verified, the account stands in.
  // An unclaimed award's address is the one the issuer sent it to; its holder proves it by claiming.
  const recipient = learner
    ? {
        email: learner.emailVerifiedAt ? learner.email : null,
        accountRef: `${base}/people/${learner.id}`,
        name: learner.name,
        did: learner.did,
        showName: opts.showName,
      }
    : { email: award.recipientEmail, accountRef: `${base}/awards/${award.id}`, name: award.recipientName, did: null, showName: false };
  const awardedAt = opts.awardedAt ?? award.issuedOn ?? undefined;
  const prepared: PreparedCredential = {
    input: {
      id,
      baseUrl: base,
      issuerDid: orgDid(base, org.slug),
      org: issuerOrg,
      achievementId: award.achievementId,
      version: version.version,
      content,
      imageUrl: achievementImageUrl(tx, award.achievementId),
      learner: recipient,
      scores,
      evidence,
      skillAlignments,
      endorsements,
      // A back-dated award (an import of past completions) is valid from its award date.
      issuedAt: award.issuedOn && award.issuedOn < now && !opts.awardedAt ? award.issuedOn : now,
      ...(awardedAt ? { awardedAt } : {}),
      validUntil: opts.validUntil,
      status: {
        revocation: { url: statusListUrl(base, org.slug, revocation.listId), index: revocation.index },
        suspension: suspension ? { url: statusListUrl(base, org.slug, suspension.listId), index: suspension.index } : null,
      },
    },
    awardEvidence: submission ? null : evidenceOfAward(award),
    created: now,
  };
  const row = {
    id,
    orgId: org.id,
    submissionId: submission?.id ?? null,
    awardId: award.id,
    achievementId: award.achievementId,
    versionId: version.id,
    learnerId: award.recipientAccountId,
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
  return { prepared, row, org, omitted, version: version.version };
}

/**
 * Build and sign the credential of an award (see prepareAwardCredential) on this thread. Returns the row to
 * insert and the stored URLs left out. Used by issuance and re-issue.
 */
export async function signAward(tx: Deps, opts: SignOptions) {
  const prep = await prepareAwardCredential(tx, opts);
  const signer = opts.signers?.ed25519 ?? (await loadOrgSigner(tx, prep.org));
  const document = await buildAndSignCredential(prep.prepared, signer);
  // The VC-JWT form is signed when it is first asked for (credential-jwt.ts).
  return { row: { ...prep.row, document, jwt: null }, omitted: prep.omitted, version: prep.version };
}

/** When a credential issued now stops being valid, by the version's validity rule (counted from the award date). */
export function validUntilOf(content: ReturnType<typeof readContent>, from: Date): Date | null {
  return content.validity.kind === 'months' ? addMonths(from, content.validity.months) : null;
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
 * Sign the credential of an award, exactly once: the award row is locked, an existing current credential is
 * returned, and the partial unique index on award_id stops any second one. Audited.
 */
export async function issueAwardCredential(
  deps: Deps,
  opts: { awardId: string; signers?: AwardSigners; statusIndexes?: StatusIndexSource; actorId?: string | null; ip?: string | null },
): Promise<{ credentialId: string; created: boolean }> {
  return inTransaction(deps, async (tx) => {
    const award = await findAwardForSigning(tx.db, { awardId: opts.awardId }, true);
    if (!award) throw new AppError('not_found', 'No such award');
    const existing = await findCredentialIdOfAward(tx.db, award.id);
    if (existing) return { credentialId: existing, created: false };
    const submission = award.source === 'assessment' && award.sourceRef ? await findSubmission(tx.db, award.sourceRef, true) : undefined;
    if (submission && submission.state !== 'passed') throw new Error(`submission ${submission.id} has not passed`);
    return signAndInsert(tx, { award, submission, ...opts });
  });
}

async function signAndInsert(
  tx: Deps,
  opts: {
    award: AwardForSigning;
    submission: SubmissionRow | undefined;
    signers?: AwardSigners;
    statusIndexes?: StatusIndexSource;
    actorId?: string | null;
    ip?: string | null;
  },
): Promise<{ credentialId: string; created: boolean }> {
  const { award, submission } = opts;
  const [version, learner] = await Promise.all([
    findVersion(tx.db, award.versionId),
    award.recipientAccountId ? findAccountById(tx.db, award.recipientAccountId) : Promise.resolve(undefined),
  ]);
  if (!version) throw new Error('issuance context missing');
  const now = tx.clock.now();
  const validUntil = validUntilOf(readContent(version.content), award.issuedOn && award.issuedOn < now ? award.issuedOn : now);
  const {
    row,
    omitted,
    version: v,
  } = await signAward(tx, {
    award,
    ...(submission ? { submission } : {}),
    showName: learner?.showNameOnCredentials ?? false,
    validUntil,
    ...(opts.signers ? { signers: opts.signers } : {}),
    ...(opts.statusIndexes ? { statusIndexes: opts.statusIndexes } : {}),
  });
  const inserted = await insertCredential(tx.db, row);
  if (!inserted) throw new Error(`a credential for award ${award.id} appeared concurrently`);
  // Pathways this credential may complete are checked by a job committed with it.
  if (row.learnerId) await schedulePathwayEvaluation(tx, { learnerId: row.learnerId, reason: row.id });
  if (omitted.length) tx.log.warn({ credentialId: row.id, omitted }, 'stored URLs that are not valid IRIs were left out of the credential');
  await recordAudit(tx, {
    action: 'credential.issued',
    orgId: row.orgId,
    actorId: opts.actorId ?? null,
    target: row.id,
    detail: {
      awardId: award.id,
      source: award.source,
      ...(submission ? { submissionId: submission.id } : {}),
      achievementId: award.achievementId,
      version: v,
      ...(omitted.length ? { omittedInvalidUrls: omitted } : {}),
    },
    ip: opts.ip ?? null,
  });
  return { credentialId: row.id, created: true };
}

/**
 * Issue the credential of a passed submission through its assessment award, exactly once: the submission row
 * is locked, an existing credential ends the job, and an award has at most one current credential (a unique
 * index). Run by the credential.issue job. The name goes in only when the learner's account allows it.
 */
export async function issueCredential(deps: Deps, opts: { submissionId: string }): Promise<string> {
  return inTransaction(deps, async (tx) => {
    const s = await findSubmission(tx.db, opts.submissionId, true);
    if (!s) throw new Error(`submission ${opts.submissionId} not found`);
    const existing = await findCredentialIdOfSubmission(tx.db, s.id);
    if (existing) return existing;
    if (s.state !== 'passed') throw new Error(`submission ${s.id} has not passed`);
    const award = await findAwardForSigning(tx.db, { submissionId: s.id }, true);
    if (!award) throw new Error(`submission ${s.id} has no award`);
    return (await signAndInsert(tx, { award, submission: s })).credentialId;
  });
}
