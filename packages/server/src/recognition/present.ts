import type { Endorsement, PublicRecognition, RecognitionRule, ReviewInvitation } from '@tessera/shared';
import type { CommentRow, EndorsementView, InvitationView, RuleView } from './store.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The public URL that serves a published rule's signed EndorsementCredential. */
export function ruleCredentialUrl(baseUrl: string, ruleId: string): string {
  return `${baseUrl}/recognition/rules/${ruleId}`;
}

/** The public URL that serves an endorsement's signed EndorsementCredential. */
export function endorsementCredentialUrl(baseUrl: string, id: string): string {
  return `${baseUrl}/endorsements/${id}`;
}

/** The public page of a pathway (the id a pathway endorsement names as its subject). */
export function pathwayPageUrl(baseUrl: string, pathwayId: string): string {
  return `${baseUrl}/app/catalog/pathways/${pathwayId}`;
}

/** The public page of an achievement (the id endorsements and recognitions name as their subject). */
export function achievementPageUrl(baseUrl: string, achievementId: string): string {
  return `${baseUrl}/achievements/${achievementId}`;
}

const amountText = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

/** A rule in words: "Counts as 15 hours of licence renewal at State Department of Education". */
export function ruleStatement(r: { kind: string; amount: number | null; unit: string | null; target: string }, orgName: string): string {
  if (r.kind === 'satisfies') return `Satisfies ${r.target} at ${orgName}`;
  const amount = r.amount ?? 0;
  const unit = r.unit ?? (r.kind === 'hours' ? (amount === 1 ? 'hour' : 'hours') : amount === 1 ? 'credit' : 'credits');
  return `Counts as ${amountText(amount)} ${unit} ${r.kind === 'credit' ? 'toward' : 'of'} ${r.target} at ${orgName}`;
}

/** A rule as its organisation manages it. */
export function presentRule(v: RuleView, baseUrl: string): RecognitionRule {
  const r = v.rule;
  return {
    id: r.id,
    org: v.org,
    achievement: v.achievement,
    kind: r.kind,
    amount: r.amount,
    unit: r.unit,
    target: r.target,
    validFrom: r.validFrom.toISOString(),
    validUntil: iso(r.validUntil),
    reviewer: v.reviewer,
    rationale: r.rationale,
    status: r.status,
    statement: ruleStatement(r, v.org.name),
    credentialUrl: r.credentialId ? ruleCredentialUrl(baseUrl, r.id) : null,
    publishedAt: iso(r.publishedAt),
    withdrawnAt: iso(r.withdrawnAt),
    withdrawnReason: r.withdrawnReason,
  };
}

/** A published rule as anyone may see it. */
export function presentPublicRecognition(v: RuleView, baseUrl: string): PublicRecognition {
  const r = v.rule;
  return {
    ruleId: r.id,
    org: v.org,
    kind: r.kind,
    statement: ruleStatement(r, v.org.name),
    rationale: r.rationale,
    validFrom: r.validFrom.toISOString(),
    validUntil: iso(r.validUntil),
    credentialUrl: r.credentialId ? ruleCredentialUrl(baseUrl, r.id) : null,
  };
}

/** An endorsement for either side. */
export function presentEndorsement(v: EndorsementView, baseUrl: string): Endorsement {
  const e = v.e;
  const subjectName =
    e.subjectType === 'issuer'
      ? v.ownerName
      : e.subjectType === 'achievement'
        ? (v.achievementName ?? e.subjectId)
        : (v.pathwayName ?? e.subjectId);
  return {
    id: e.id,
    endorser: { slug: v.endorserSlug, name: v.endorserName },
    owner: { slug: v.ownerSlug, name: v.ownerName },
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    subjectName,
    initiatedBy: e.initiatedBy,
    status: e.status,
    awaiting: e.status === 'pending' ? (e.initiatedBy === 'owner' ? 'endorser' : 'owner') : null,
    message: e.message,
    comment: e.comment,
    credentialUrl: e.credentialId ? endorsementCredentialUrl(baseUrl, e.id) : null,
    fromVersion: e.fromVersion,
    createdAt: e.createdAt.toISOString(),
    decidedAt: iso(e.decidedAt),
    revokedAt: iso(e.revokedAt),
    revokedReason: e.revokedReason,
  };
}

/** A review invitation with its comments. */
export function presentInvitation(
  v: InvitationView,
  comments: Array<{ comment: CommentRow; authorName: string | null }>,
): ReviewInvitation {
  const i = v.inv;
  return {
    id: i.id,
    org: { slug: v.orgSlug, name: v.orgName },
    achievementId: i.achievementId,
    achievementName: v.achievementName,
    email: i.email,
    reviewerOrgName: i.reviewerOrgName,
    reviewerName: v.reviewerName,
    status: i.status,
    decisionNote: i.decisionNote,
    createdAt: i.createdAt.toISOString(),
    decidedAt: iso(i.decidedAt),
    comments: comments
      .filter((c) => c.comment.invitationId === i.id)
      .map((c) => ({
        id: c.comment.id,
        section: c.comment.section,
        body: c.comment.body,
        authorName: c.authorName ?? 'Former reviewer',
        createdAt: c.comment.createdAt.toISOString(),
      })),
  };
}
