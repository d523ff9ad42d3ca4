/** API types for the web UI, inferred from the shared zod contracts (one schema per boundary). */
import type {
  AuditPage as AuditPageSchema,
  InvitationPreview as InvitationPreviewSchema,
  MembershipSummary as MembershipSummarySchema,
  OrgWithRole as OrgWithRoleSchema,
} from '@tessera/shared';

export type { Account, AuditEvent, Invitation, Member, Org, OutboxMessage, Problem, Role, Session, SigningKey } from '@tessera/shared';

/** The output type of a zod schema, without importing zod into the web package. */
type Output<S extends { _zod: { output: unknown } }> = S['_zod']['output'];

/** An organisation with the caller's role in it. */
export type OrgWithRole = Output<typeof OrgWithRoleSchema>;
/** What an invitee sees before accepting. */
export type InvitationPreview = Output<typeof InvitationPreviewSchema>;
/** A page of audit events. */
export type AuditPage = Output<typeof AuditPageSchema>;
/** A membership in the session. */
export type MembershipSummary = Output<typeof MembershipSummarySchema>;

import type {
  Achievement as AchievementSchema,
  AchievementContent as AchievementContentSchema,
  AchievementSummary as AchievementSummarySchema,
  AgreementStats as AgreementStatsSchema,
  AssessorSubmission as AssessorSubmissionSchema,
  CatalogEntry as CatalogEntrySchema,
  CatalogPage as CatalogPageSchema,
  CredentialSummary as CredentialSummarySchema,
  FileInfo as FileInfoSchema,
  IssuerSummary as IssuerSummarySchema,
  MyCredential as MyCredentialSchema,
  Wallet as WalletSchema,
  WalletItem as WalletItemSchema,
  Collection as CollectionSchema,
  Notification as NotificationSchema,
  QueueItem as QueueItemSchema,
  Review as ReviewSchema,
  Submission as SubmissionSchema,
  SubmissionSummary as SubmissionSummarySchema,
  VerificationReport as VerificationReportSchema,
  VerificationStep as VerificationStepSchema,
  VerificationVerdict as VerificationVerdictSchema,
} from '@tessera/shared';

/** A micro-credential with its draft and versions (organisation members). */
export type Achievement = Output<typeof AchievementSchema>;
/** What a designer edits (normalised). */
export type AchievementContent = Output<typeof AchievementContentSchema>;
/** A row in the organisation's list of micro-credentials. */
export type AchievementSummary = Output<typeof AchievementSummarySchema>;
/** Assessor agreement statistics. */
export type AgreementStats = Output<typeof AgreementStatsSchema>;
/** A submission as an assessor sees it. */
export type AssessorSubmission = Output<typeof AssessorSubmissionSchema>;
/** A published micro-credential in the catalog. */
export type CatalogEntry = Output<typeof CatalogEntrySchema>;
/** A page of the catalog with facets. */
export type CatalogPage = Output<typeof CatalogPageSchema>;
/** An issued credential. */
export type CredentialSummary = Output<typeof CredentialSummarySchema>;
/** An uploaded file. */
export type FileInfo = Output<typeof FileInfoSchema>;
/** The issuer shown with a micro-credential. */
export type IssuerSummary = Output<typeof IssuerSummarySchema>;
/** An in-app notification. */
export type Notification = Output<typeof NotificationSchema>;
/** A row in the assessor queue. */
export type QueueItem = Output<typeof QueueItemSchema>;
/** A review with its per-criterion scores. */
export type Review = Output<typeof ReviewSchema>;
/** A learner's submission. */
export type Submission = Output<typeof SubmissionSchema>;
/** A row in the learner's list of submissions. */
export type SubmissionSummary = Output<typeof SubmissionSummarySchema>;
/** A learner's own credential with its sharing settings. */
export type MyCredential = Output<typeof MyCredentialSchema>;
/** The learner's wallet. */
export type Wallet = Output<typeof WalletSchema>;
/** An imported credential with its verdict. */
export type WalletItem = Output<typeof WalletItemSchema>;
/** A named group of credentials. */
export type Collection = Output<typeof CollectionSchema>;
/** A verification report as POST /verify returns it. */
export type VerificationReport = Output<typeof VerificationReportSchema>;
/** One step of a verification report. */
export type VerificationStep = Output<typeof VerificationStepSchema>;
/** A verification verdict. */
export type VerificationVerdict = Output<typeof VerificationVerdictSchema>;
