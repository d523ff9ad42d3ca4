import type { Content } from '../achievements/index.js';
import { criteriaOfRequirement, readContent } from '../achievements/index.js';
import { presentIssuer } from '../achievements/index.js';
import type { Deps } from '../context.js';
import { presentFile } from '../files/index.js';
import type { ReviewRow, SubmissionRow } from './store.js';
import { findCurrentCredentialOfSubmission, findSubmissionContext, listAttempts, listEvidence, listReviews } from './store.js';
import { credentialStatus } from '../credentials/index.js';
import { issuanceState } from '../reviews/index.js';

/** Whether an evidence item can still change: always in a draft; in a revision only if it supports an unmet criterion. */
export function evidenceEditable(content: Content, s: Pick<SubmissionRow, 'state' | 'openCriteria'>, requirementId: string): boolean {
  if (s.state === 'draft') return true;
  if (s.state !== 'needs_revision') return false;
  return criteriaOfRequirement(content, requirementId).some((c) => s.openCriteria.includes(c));
}

/** A review for display; assessor names are only shown to staff. */
export function presentReview(r: ReviewRow, assessorName: string | null) {
  return {
    id: r.id,
    attempt: r.attempt,
    kind: r.kind,
    assessorName,
    scores: r.scores,
    overallFeedback: r.overallFeedback,
    decision: r.decision,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The evidence of a submission for display. */
export async function presentEvidence(deps: Deps, s: SubmissionRow, content: Content) {
  const rows = await listEvidence(deps.db, s.id);
  return rows.map(({ e, f }) => ({
    requirementId: e.requirementId,
    kind: e.kind,
    text: e.text,
    url: e.url,
    file: f ? presentFile(f) : null,
    editable: evidenceEditable(content, s, e.requirementId),
    public: e.isPublic,
    updatedAt: e.updatedAt.toISOString(),
  }));
}

/** A submission as its learner sees it. Reviews of the current attempt are shown only once decided. */
export async function presentSubmission(deps: Deps, submissionId: string) {
  const ctx = await findSubmissionContext(deps.db, submissionId);
  if (!ctx) throw new Error('submission vanished');
  const { s, version, org } = ctx;
  const content = readContent(version.content);
  const decidedStates = ['needs_revision', 'passed', 'not_passed'];
  const reviews = (await listReviews(deps.db, s.id)).filter((r) => r.attempt < s.attempt || decidedStates.includes(s.state));
  const visible = reviews.filter(
    (r) => r.kind === 'settlement' || !reviews.some((x) => x.kind === 'settlement' && x.attempt === r.attempt),
  );
  const attempts = await listAttempts(deps.db, s.id);
  const credential = await findCurrentCredentialOfSubmission(deps.db, s.id);
  const credentialId = credential?.id ?? null;
  return {
    id: s.id,
    achievementId: s.achievementId,
    versionId: s.versionId,
    version: version.version,
    achievement: content,
    issuer: presentIssuer(deps, org),
    state: s.state,
    attempt: s.attempt,
    maxAttempts: content.maxAttempts,
    evidence: await presentEvidence(deps, s, content),
    reviews: visible.map((r) => presentReview(r, null)),
    attempts: attempts.map((a) => ({ number: a.number, submittedAt: a.submittedAt.toISOString(), outcome: a.outcome })),
    openCriterionIds: s.openCriteria,
    credentialId,
    issuance: await issuanceState(deps, { submissionId: s.id, state: s.state, credentialId }),
    credentialStatus: credential ? credentialStatus(credential, deps.clock.now()).status : null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    submittedAt: s.submittedAt?.toISOString() ?? null,
  };
}
