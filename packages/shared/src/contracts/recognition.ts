import { z } from 'zod';

/** Longest public rationale, endorsement comment or review comment (characters). */
export const RECOGNITION_TEXT_MAX = 2000;

const Text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const IsoDate = z.iso.datetime({ offset: true, message: 'An ISO 8601 date-time' });
const OrgRef = z.object({ slug: z.string(), name: z.string() });

/** How a recognising organisation counts an achievement. */
export const RecognitionKind = z.enum(['hours', 'credit', 'satisfies']);
/** A recognition kind. */
export type RecognitionKind = z.infer<typeof RecognitionKind>;

/** A recognition rule as a recognising organisation writes it. */
export const RecognitionRuleInput = z
  .object({
    achievementId: z.string().trim().min(1, 'Choose an achievement').max(80),
    kind: RecognitionKind,
    /** Hours or credits (required for those kinds). */
    amount: z.number().positive('Must be more than 0').max(10000).nullable().default(null),
    /** e.g. "hours", "credit", "CEU"; defaults from the kind. */
    unit: Text(40).nullable().default(null),
    /** What it counts toward: "licence renewal", "M.Ed. elective", "requirement 3 of our induction pathway". */
    target: Text(200).min(1, 'Say what it counts toward'),
    validFrom: IsoDate,
    validUntil: IsoDate.nullable().default(null),
    /** The member who reviewed the rule. */
    reviewerId: z.string().max(80).nullable().default(null),
    rationale: Text(RECOGNITION_TEXT_MAX).min(1, 'Give the public rationale'),
  })
  .superRefine((v, ctx) => {
    if (v.validUntil && Date.parse(v.validUntil) <= Date.parse(v.validFrom))
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'Must be after validFrom' });
    if (v.kind !== 'satisfies' && v.amount === null)
      ctx.addIssue({ code: 'custom', path: ['amount'], message: `A ${v.kind} rule needs an amount` });
  });
/** A recognition rule input. */
export type RecognitionRuleInput = z.infer<typeof RecognitionRuleInput>;

/** A recognition rule as its organisation manages it. */
export const RecognitionRule = z.object({
  id: z.string(),
  org: OrgRef,
  achievement: z.object({ id: z.string(), name: z.string(), issuer: OrgRef }),
  kind: RecognitionKind,
  amount: z.number().nullable(),
  unit: z.string().nullable(),
  target: z.string(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  reviewer: z.object({ id: z.string(), name: z.string() }).nullable(),
  rationale: z.string(),
  status: z.enum(['draft', 'published', 'withdrawn']),
  /** The rule in words: "Counts as 15 hours of licence renewal at State Department of Education". */
  statement: z.string(),
  /** The signed EndorsementCredential's URL (published rules). */
  credentialUrl: z.string().nullable(),
  publishedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
});
/** A recognition rule. */
export type RecognitionRule = z.infer<typeof RecognitionRule>;
/** An organisation's rules. */
export const RecognitionRuleList = z.array(RecognitionRule);

/** Why a rule is withdrawn. */
export const WithdrawRuleInput = z.object({ reason: Text(500).min(1, 'Give a reason') });

/** A published, currently valid rule as anyone may see it. */
export const PublicRecognition = z.object({
  ruleId: z.string(),
  org: OrgRef,
  kind: RecognitionKind,
  statement: z.string(),
  rationale: z.string(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  credentialUrl: z.string().nullable(),
});
/** A public recognition. */
export type PublicRecognition = z.infer<typeof PublicRecognition>;

/** Where one of the learner's credentials counts. */
export const CredentialCounts = z.object({
  credentialId: z.string(),
  achievementId: z.string(),
  achievementName: z.string(),
  rules: z.array(PublicRecognition),
});
/** Where the learner's credentials count (only credentials with at least one rule). */
export const WhereThisCounts = z.array(CredentialCounts);
/** Where this counts. */
export type WhereThisCounts = z.infer<typeof WhereThisCounts>;

/** A learner sends credentials that count to a recognising organisation. */
export const RecognitionRecordInput = z.object({
  orgSlug: z.string().min(1).max(80),
  credentialIds: z.array(z.string().min(1).max(300)).min(1, 'Choose at least one credential').max(50),
  message: Text(1000).default(''),
});

/** One credential in a sent record, with its verification verdicts. */
export const RecognitionRecordItem = z.object({
  credentialId: z.string(),
  credentialUrl: z.string(),
  achievementName: z.string(),
  ruleId: z.string(),
  statement: z.string(),
  /** The verifier's verdict when the learner sent it. */
  sentVerdict: z.string(),
  /** The latest verdict (re-verify to refresh). */
  verdict: z.string(),
  checkedAt: z.string(),
});
/** A record a learner sent to a recognising organisation. */
export const RecognitionRecord = z.object({
  id: z.string(),
  org: OrgRef,
  learner: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  message: z.string(),
  createdAt: z.string(),
  items: z.array(RecognitionRecordItem),
});
/** A sent record. */
export type RecognitionRecord = z.infer<typeof RecognitionRecord>;
/** Sent records. */
export const RecognitionRecordList = z.array(RecognitionRecord);

/** What can be endorsed. */
export const EndorsementSubjectType = z.enum(['achievement', 'pathway', 'issuer']);
/** An endorsement subject type. */
export type EndorsementSubjectType = z.infer<typeof EndorsementSubjectType>;

/** The owner asks another organisation to endorse one of its achievements, pathways, or itself. */
export const EndorsementRequestInput = z.object({
  endorserSlug: z.string().min(1).max(80),
  subjectType: EndorsementSubjectType,
  /** The achievement or pathway id; ignored (the organisation itself) for `issuer`. */
  subjectId: z.string().max(80).default(''),
  message: Text(1000).default(''),
});
/** An organisation offers to endorse another's achievement, pathway, or the issuer, with its comment. */
export const EndorsementOfferInput = z.object({
  ownerSlug: z.string().min(1).max(80),
  subjectType: EndorsementSubjectType,
  subjectId: z.string().max(80).default(''),
  comment: Text(RECOGNITION_TEXT_MAX).min(1, 'Write the endorsement'),
});
/** Accepting: the endorser writes (or keeps) its comment. */
export const EndorsementAcceptInput = z.object({ comment: Text(RECOGNITION_TEXT_MAX).optional() });
/** Why an endorsement is revoked. */
export const EndorsementRevokeInput = z.object({ reason: Text(500).min(1, 'Give a reason') });

/** An endorsement between two organisations. */
export const Endorsement = z.object({
  id: z.string(),
  endorser: OrgRef,
  owner: OrgRef,
  subjectType: EndorsementSubjectType,
  subjectId: z.string(),
  subjectName: z.string(),
  initiatedBy: z.enum(['owner', 'endorser']),
  status: z.enum(['pending', 'accepted', 'declined', 'revoked']),
  /** Which side must act next (pending only). */
  awaiting: z.enum(['owner', 'endorser']).nullable(),
  message: z.string(),
  comment: z.string().nullable(),
  credentialUrl: z.string().nullable(),
  fromVersion: z.number().int().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
});
/** An endorsement. */
export type Endorsement = z.infer<typeof Endorsement>;
/** An organisation's endorsements: those it gives and those it receives. */
export const EndorsementBoard = z.object({ given: z.array(Endorsement), received: z.array(Endorsement) });
/** An endorsement board. */
export type EndorsementBoard = z.infer<typeof EndorsementBoard>;

/** Sections of a draft a reviewer comments on. */
export const ReviewSection = z.enum(['description', 'criteria', 'rubric', 'alignments', 'general']);
/** A review section. */
export type ReviewSection = z.infer<typeof ReviewSection>;

/** Invite an external reviewer to a draft. */
export const ReviewInvitationInput = z.object({
  email: z.email('An email address').max(254),
  reviewerOrgName: Text(200).nullable().default(null),
});
/** A reviewer's comment. */
export const ReviewCommentInput = z.object({ section: ReviewSection, body: Text(RECOGNITION_TEXT_MAX).min(1, 'Write a comment') });
/** The reviewer's decision. */
export const ReviewDecisionInput = z.object({
  decision: z.enum(['approve', 'request_changes']),
  note: Text(RECOGNITION_TEXT_MAX).default(''),
});

/** A reviewer comment. */
export const ReviewComment = z.object({
  id: z.string(),
  section: ReviewSection,
  body: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});
/** A co-design review invitation with its comments. */
export const ReviewInvitation = z.object({
  id: z.string(),
  org: OrgRef,
  achievementId: z.string(),
  achievementName: z.string(),
  email: z.string(),
  reviewerOrgName: z.string().nullable(),
  reviewerName: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'changes_requested', 'revoked']),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  comments: z.array(ReviewComment),
});
/** A review invitation. */
export type ReviewInvitation = z.infer<typeof ReviewInvitation>;
/** Review invitations. */
export const ReviewInvitationList = z.array(ReviewInvitation);

/** What the invited reviewer sees: the invitation and the draft, read-only, by section. */
export const ReviewDraft = z.object({
  invitation: ReviewInvitation,
  sections: z.object({
    description: z.object({ name: z.string(), description: z.string(), learningGoal: z.string(), competency: z.string() }),
    criteria: z.object({ narrative: z.string(), evidence: z.array(z.string()) }),
    rubric: z.array(
      z.object({ name: z.string(), levels: z.array(z.object({ name: z.string(), description: z.string(), points: z.number() })) }),
    ),
    alignments: z.array(z.object({ name: z.string(), url: z.string().nullable() })),
  }),
});
/** A draft under review. */
export type ReviewDraft = z.infer<typeof ReviewDraft>;

/** What public pages show about an achievement: where it counts, who endorses it, who co-designed it. */
export const AchievementStanding = z.object({
  recognitions: z.array(PublicRecognition),
  endorsements: z.array(
    z.object({ id: z.string(), endorser: OrgRef, comment: z.string(), credentialUrl: z.string().nullable(), issuedAt: z.string() }),
  ),
  coDesigners: z.array(z.string()),
});
/** An achievement's standing. */
export type AchievementStanding = z.infer<typeof AchievementStanding>;

/** The accepted endorsements of a published pathway (public). */
export const PathwayEndorsements = z.object({
  pathwayId: z.string(),
  endorsements: AchievementStanding.shape.endorsements,
});
/** A pathway's endorsements. */
export type PathwayEndorsements = z.infer<typeof PathwayEndorsements>;
