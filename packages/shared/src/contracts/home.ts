import { z } from 'zod';
import { Role } from './accounts.js';
import { CatalogEntry, CatalogPage } from './achievements.js';
import { Timestamp } from './common.js';
import { AwardedByPathway } from './pathways.js';
import { CredentialStatus, SubmissionState } from './submissions.js';

/** Where the signed-in person stands with a micro-credential, as the catalog shows it. */
export const MY_PROGRESS_STATES = ['earned', 'in_progress', 'awaiting_review', 'needs_revision'] as const;
/** A person's progress state on one micro-credential. */
export const MyProgressState = z.enum(MY_PROGRESS_STATES);

/** The signed-in person's progress on a micro-credential: the submission to continue, or the credential earned. */
export const MyProgress = z.object({
  state: MyProgressState,
  /** The submission to continue (or the one that earned it). */
  submissionId: z.string(),
  /** The earned credential's public page; null until it is signed. */
  credentialUrl: z.string().nullable(),
});
/** A person's progress on a micro-credential. */
export type MyProgress = z.infer<typeof MyProgress>;

/** A catalog entry with the signed-in person's progress (null when signed out or not started). */
export const MyCatalogEntry = CatalogEntry.extend({
  mine: MyProgress.nullable(),
  /** Set when the achievement is awarded only by completing a published pathway (or its milestone): no Start. */
  awardedByPathway: AwardedByPathway.nullable().optional(),
});
/** A catalog entry with the viewer's progress. */
export type MyCatalogEntry = z.infer<typeof MyCatalogEntry>;

/** A page of the catalog with the signed-in person's progress on each entry. */
export const MyCatalogPage = CatalogPage.extend({ items: z.array(MyCatalogEntry) });
/** A catalog page with the viewer's progress. */
export type MyCatalogPage = z.infer<typeof MyCatalogPage>;

/** A micro-credential the learner is working on, with how much required evidence is in. */
export const LearnerWork = z.object({
  submissionId: z.string(),
  achievementId: z.string(),
  name: z.string(),
  issuerName: z.string(),
  state: SubmissionState,
  attempt: z.number().int(),
  evidenceDone: z.number().int(),
  evidenceRequired: z.number().int(),
  updatedAt: Timestamp,
});
/** Work in progress. */
export type LearnerWork = z.infer<typeof LearnerWork>;

/** A recently earned credential. */
export const EarnedCredential = z.object({
  id: z.string(),
  achievementName: z.string(),
  issuerName: z.string(),
  issuedAt: Timestamp,
  status: CredentialStatus,
  pageUrl: z.string(),
});
/** An earned credential. */
export type EarnedCredential = z.infer<typeof EarnedCredential>;

/** A suggested next micro-credential (published, not started, not earned). */
export const NextStep = z.object({
  achievementId: z.string(),
  name: z.string(),
  issuerName: z.string(),
  description: z.string(),
  imageUrl: z.string(),
  effortHours: z.number().nullable(),
});
/** A suggested next micro-credential. */
export type NextStep = z.infer<typeof NextStep>;

/** The learner's part of the home screen. */
export const LearnerHome = z.object({
  /** Drafts and submissions waiting for assessment. */
  inProgress: z.array(LearnerWork),
  /** Submissions an assessor sent back for revision. */
  feedbackWaiting: z.array(LearnerWork),
  /** The newest earned credentials (at most a few). */
  earned: z.array(EarnedCredential),
  earnedTotal: z.number().int(),
  nextSteps: z.array(NextStep),
});
/** The learner's home. */
export type LearnerHome = z.infer<typeof LearnerHome>;

/** The organisation a home section is about. */
export const HomeOrg = z.object({ slug: z.string(), name: z.string() });

/** An assessor's queue in one organisation. */
export const AssessorQueueSummary = z.object({
  org: HomeOrg,
  /** Submissions with a free review slot the assessor has neither claimed nor reviewed. */
  waiting: z.number().int(),
  claimedByMe: z.number().int(),
  /** Submissions in the queue older than the organisation's review service level. */
  overdue: z.number().int(),
  /** The organisation's review service level: a submission is overdue after this many days. */
  slaDays: z.number().int(),
  /** Age in days of the oldest submission the assessor could start. */
  oldestWaitingDays: z.number().nullable(),
});
/** An assessor's queue summary. */
export type AssessorQueueSummary = z.infer<typeof AssessorQueueSummary>;

/** An organisation at a glance, for its owners and designers. */
export const OrgOverview = z.object({
  org: HomeOrg,
  role: Role,
  achievements: z.object({
    draft: z.number().int(),
    published: z.number().int(),
    retired: z.number().int(),
    unpublishedChanges: z.number().int(),
  }),
  /** Submissions (first attempts and resubmissions) since the first of this month, UTC. */
  submissionsThisMonth: z.number().int(),
  credentialsIssued: z.number().int(),
  /** Owners only (null for designers). */
  awaitingReview: z.number().int().nullable(),
  overdue: z.number().int().nullable(),
  pendingInvitations: z.number().int().nullable(),
  failedJobs: z.number().int().nullable(),
});
/** An organisation overview. */
export type OrgOverview = z.infer<typeof OrgOverview>;

/** The sections of the home screen. */
export const HOME_SECTIONS = ['assessor', 'learner', 'overview'] as const;
/** A home section. */
export const HomeSection = z.enum(HOME_SECTIONS);
/** A home section. */
export type HomeSection = z.infer<typeof HomeSection>;

/** The signed-in home: the sections that apply to the person, most urgent first. */
export const HomeDashboard = z.object({
  /** Sections to show, in order (most urgent first); `learner` is always present. */
  sections: z.array(HomeSection),
  learner: LearnerHome,
  assessor: z.array(AssessorQueueSummary),
  overviews: z.array(OrgOverview),
});
/** The signed-in home. */
export type HomeDashboard = z.infer<typeof HomeDashboard>;

/** The caller's unread notifications. */
export const UnreadCount = z.object({ unread: z.number().int().min(0) });
/** The unread count. */
export type UnreadCount = z.infer<typeof UnreadCount>;
