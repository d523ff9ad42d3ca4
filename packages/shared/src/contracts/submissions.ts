import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { HttpUrl, Timestamp } from './common.js';
import { EvidenceKind, IssuerSummary, LocalId, StoredAchievementContent } from './achievements.js';
import { VerificationStep, VerificationVerdict } from './verification.js';

/** Where a submission is in the earning loop. */
export const SUBMISSION_STATES = ['draft', 'submitted', 'in_review', 'needs_revision', 'disputed', 'passed', 'not_passed'] as const;
/** A submission state. */
export const SubmissionState = z.enum(SUBMISSION_STATES);

/** Credential status as Tessera tracks it. */
export const CredentialStatus = z.enum(['active', 'revoked', 'suspended', 'expired']);

/** An uploaded file (evidence or image). */
export const FileInfo = z.object({
  id: z.string(),
  name: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  url: z.string(),
});
/** An uploaded file. */
export type FileInfo = z.infer<typeof FileInfo>;

/** Autosave of one evidence item. */
export const EvidenceInput = z.object({
  kind: EvidenceKind,
  text: z
    .string()
    .max(LIMITS.evidenceTextMaxLength, { message: `Keep it to ${LIMITS.evidenceTextMaxLength.toLocaleString('en')} characters` })
    .optional(),
  url: HttpUrl.optional(),
  fileId: z.string().max(64).optional(),
});

/** One evidence item in a submission. */
export const EvidenceItem = z.object({
  requirementId: LocalId,
  kind: EvidenceKind,
  text: z.string().nullable(),
  url: z.string().nullable(),
  file: FileInfo.nullable(),
  /** False when the item supports only criteria already met, so it cannot change in a revision. */
  editable: z.boolean(),
  public: z.boolean(),
  updatedAt: Timestamp,
});

/** One criterion's score in a review. */
export const CriterionScore = z.object({
  criterionId: LocalId,
  levelId: LocalId,
  feedback: z.string().trim().min(1, { message: 'Write feedback for this criterion' }).max(8000),
});

/** A review decision. */
export const Decision = z.enum(['pass', 'needs_revision']);

/** A review submitted by an assessor. */
export const ReviewInput = z.object({
  scores: z.array(CriterionScore).min(1),
  overallFeedback: z.string().trim().max(8000).default(''),
  decision: Decision,
});

/** An owner's settlement of two disagreeing reviews. */
export const SettleInput = ReviewInput;

/** A review as shown to the learner (no assessor identity) or to staff. */
export const Review = z.object({
  id: z.string(),
  attempt: z.number().int(),
  kind: z.enum(['primary', 'second', 'settlement']),
  assessorName: z.string().nullable(),
  scores: z.array(CriterionScore.extend({ met: z.boolean() })),
  overallFeedback: z.string(),
  decision: Decision,
  createdAt: Timestamp,
});

/** One submitted attempt in the history. */
export const Attempt = z.object({
  number: z.number().int(),
  submittedAt: Timestamp,
  outcome: z.enum(['pending', 'pass', 'needs_revision', 'disputed']),
});

/** A submission as the learner sees it. */
export const Submission = z.object({
  id: z.string(),
  achievementId: z.string(),
  versionId: z.string(),
  version: z.number().int(),
  achievement: StoredAchievementContent,
  issuer: IssuerSummary,
  state: SubmissionState,
  attempt: z.number().int(),
  maxAttempts: z.number().int(),
  evidence: z.array(EvidenceItem),
  reviews: z.array(Review),
  attempts: z.array(Attempt),
  /** Criteria still to be met (after a needs-revision decision). */
  openCriterionIds: z.array(z.string()),
  credentialId: z.string().nullable(),
  /** After a pass: the credential is issued, being signed, or failed to be signed (the organisation can retry). */
  issuance: z.enum(['issued', 'signing', 'failed']).nullable(),
  /** The current credential's status (a passed submission whose credential was revoked must not read as plainly passed). */
  credentialStatus: CredentialStatus.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  submittedAt: Timestamp.nullable(),
});
/** A submission. */
export type Submission = z.infer<typeof Submission>;

/** A row in the learner's list of submissions. */
export const SubmissionSummary = z.object({
  id: z.string(),
  achievementId: z.string(),
  name: z.string(),
  issuerName: z.string(),
  state: SubmissionState,
  attempt: z.number().int(),
  updatedAt: Timestamp,
  credentialId: z.string().nullable(),
  /** The current credential's status, null when none is issued. */
  credentialStatus: CredentialStatus.nullable(),
});

/** A row in an assessor's queue. */
export const QueueItem = z.object({
  submissionId: z.string(),
  achievementName: z.string(),
  version: z.number().int(),
  /** Hidden ("Learner 4F2A") when reviews are blind. */
  learnerLabel: z.string(),
  state: SubmissionState,
  attempt: z.number().int(),
  submittedAt: Timestamp,
  ageDays: z.number(),
  slaDays: z.number().int(),
  overdue: z.boolean(),
  doubleScored: z.boolean(),
  /** Review slots: who holds them and whether they are done. */
  claimedByMe: z.boolean(),
  reviewedByMe: z.boolean(),
  slotsOpen: z.number().int(),
});

/** The assessor's view of a submission: blind unless the org opts out. */
export const AssessorSubmission = z.object({
  id: z.string(),
  learnerLabel: z.string(),
  achievement: StoredAchievementContent,
  version: z.number().int(),
  state: SubmissionState,
  attempt: z.number().int(),
  evidence: z.array(EvidenceItem),
  reviews: z.array(Review),
  openCriterionIds: z.array(z.string()),
  doubleScored: z.boolean(),
  claim: z.object({ mine: z.boolean(), expiresAt: Timestamp.nullable() }),
  /** The caller may claim a review slot now (none held, not already reviewed, a slot free, not their own work). */
  canClaim: z.boolean(),
  canReview: z.boolean(),
  canSettle: z.boolean(),
});

/** Agreement statistics for double-scored submissions. */
export const AgreementStats = z.object({
  pairs: z.number().int(),
  decisionAgreement: z.number().nullable(),
  decisionKappa: z.number().nullable(),
  criteria: z.array(
    z.object({
      criterionId: z.string(),
      name: z.string(),
      pairs: z.number().int(),
      exactAgreement: z.number().nullable(),
      kappa: z.number().nullable(),
    }),
  ),
});

/** An issued credential summary. */
export const CredentialSummary = z.object({
  id: z.string(),
  achievementName: z.string(),
  issuerName: z.string(),
  recipientName: z.string().nullable(),
  issuedAt: Timestamp,
  validUntil: Timestamp.nullable(),
  status: CredentialStatus,
  statusReason: z.string().nullable(),
  /** The credential carries a suspension entry, so it can be suspended (not only revoked). */
  suspendable: z.boolean(),
  jsonUrl: z.string(),
  /** The credential's public page (server-rendered, verifiable by anyone with the link). */
  pageUrl: z.string(),
});
/** An issued credential summary. */
export type CredentialSummary = z.infer<typeof CredentialSummary>;

/** Who can see a credential's public page. */
export const CredentialVisibility = z.enum(['public', 'unlisted', 'private']);

/** What the signed, downloadable credential (JSON, VC-JWT, baked badge) reveals, read from the document itself. */
export const SignedContents = z.object({
  /** The learner's name as written into the signed credential, or null when it is left out. */
  name: z.string().nullable(),
  /** The email address is in only as a salted SHA-256 hash (OB 3.0 IdentityObject). */
  emailHashed: z.boolean(),
  /** The learner's DID, when their account has one. */
  did: z.string().nullable(),
  /** Each evidence item: its name and the URL that serves it (to the people the learner allows); `text` when the old credential carries the evidence text itself. */
  evidence: z.array(z.object({ name: z.string(), url: z.string().nullable(), digest: z.boolean(), text: z.boolean() })),
});
/** What the signed credential reveals. */
export type SignedContents = z.infer<typeof SignedContents>;

/** A learner's own credential with its sharing settings. */
export const MyCredential = CredentialSummary.extend({
  visibility: CredentialVisibility,
  /** The name is shown on the public page (this credential's setting, or the account default). */
  showName: z.boolean(),
  evidence: z.array(z.object({ requirementId: z.string(), name: z.string(), public: z.boolean() })),
  /** What the downloadable credential contains (fixed when it was signed; re-issue to apply later choices). */
  signed: SignedContents,
  /** The learner may re-issue it with their current sharing choices (active and issued from an assessment). */
  reissuable: z.boolean(),
});
/** A learner's own credential. */
export type MyCredential = z.infer<typeof MyCredential>;

/** Change how a credential is shared. */
export const CredentialSharingInput = z
  .object({
    visibility: CredentialVisibility.optional(),
    showName: z.boolean().optional(),
    evidence: z
      .array(z.object({ requirementId: LocalId, public: z.boolean() }))
      .max(20)
      .optional(),
  })
  .refine((v) => v.visibility !== undefined || v.showName !== undefined || v.evidence !== undefined, {
    message: 'Change at least one setting',
  });

/** The answer to "re-issue with my current sharing choices": the new credential and the id of the one it replaced (revoked, "re-issued"). */
export const CredentialReissued = z.object({ credential: MyCredential, replacedId: z.string() });
/** A re-issued credential. */
export type CredentialReissued = z.infer<typeof CredentialReissued>;

/** Revoke / suspend request. */
export const StatusChangeInput = z.object({ reason: z.string().trim().min(3, { message: 'Give a reason' }).max(1000) });

/** An in-app notification. */
export const Notification = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: Timestamp.nullable(),
  createdAt: Timestamp,
});

/** A credential imported into the learner's wallet, with its last verification. */
export const WalletItem = z.object({
  id: z.string(),
  source: z.enum(['upload', 'url', 'paste']),
  sourceUrl: z.string().nullable(),
  name: z.string(),
  issuerName: z.string().nullable(),
  verdict: VerificationVerdict,
  steps: z.array(VerificationStep),
  verifiedAt: Timestamp,
  createdAt: Timestamp,
});
/** An imported credential. */
export type WalletItem = z.infer<typeof WalletItem>;

/** Import by URL or pasted text (files are sent as the raw body). */
export const WalletImportInput = z.union([
  z.object({ url: HttpUrl }),
  z.object({ text: z.string().trim().min(1, { message: 'Paste a credential' }).max(2_000_000) }),
]);

/** A collection entry: an earned credential or an imported one. */
export const CollectionEntry = z
  .string()
  .regex(/^(earned|imported):.+$/, { message: 'Not a credential of yours' })
  .max(600);

/** Create or change a collection. */
export const CollectionInput = z.object({
  name: z.string().trim().min(1, { message: 'Name the collection' }).max(120),
  public: z.boolean().default(false),
  entries: z.array(CollectionEntry).max(200).default([]),
});

/** A collection. */
export const Collection = z.object({
  id: z.string(),
  name: z.string(),
  public: z.boolean(),
  entries: z.array(z.string()),
  createdAt: Timestamp,
});

/** The learner's wallet: earned credentials, imported ones, and collections. */
export const Wallet = z.object({
  earned: z.array(MyCredential),
  imported: z.array(WalletItem),
  collections: z.array(Collection),
  profileUrl: z.string(),
});

/** How one achievement relates to another in a CLR (CLR 2.0 AssociationType). */
export const ClrAssociationType = z.enum([
  'exactMatchOf',
  'exemplar',
  'hasSkillLevel',
  'isChildOf',
  'isParentOf',
  'isPartOf',
  'isPeerOf',
  'isRelatedTo',
  'precedes',
  'replacedBy',
]);

/** Export a CLR: which of my credentials it holds, and how their achievements relate. */
export const ClrExportInput = z.object({
  name: z.string().trim().min(1, { message: 'Name the record' }).max(200).optional(),
  credentialIds: z.array(z.string().min(1).max(600)).min(1, { message: 'Choose at least one credential' }).max(100),
  associations: z
    .array(z.object({ associationType: ClrAssociationType, sourceId: z.string().min(1).max(600), targetId: z.string().min(1).max(600) }))
    .max(200)
    .default([]),
});
/** Export input. */
export type ClrExportInput = z.infer<typeof ClrExportInput>;

/** The exported record: a signed CLR 2.0 ClrCredential (only the fields the UI relies on are checked; the rest is passed on as signed). */
export const SignedClr = z.looseObject({ type: z.union([z.string(), z.array(z.string())]), proof: z.unknown() });
