import { z } from 'zod';
import { QueueItem } from './submissions.js';

/** The states a queued submission can be in. */
export const QueueState = z.enum(['submitted', 'in_review', 'disputed']);

/** Filters of the review queue (query string; every filter is optional). */
export const QueueFilter = z.object({
  /** Only this micro-credential. */
  achievementId: z.string().trim().min(1).max(64).optional(),
  state: QueueState.optional(),
  /** `mine`: claimed by me and not yet reviewed; `unclaimed`: a review slot is free for me to claim. */
  claim: z.enum(['mine', 'unclaimed']).optional(),
  /** `true`: only submissions past the organisation's review service level. */
  overdue: z.enum(['true', 'false']).optional(),
});
/** Queue filters. */
export type QueueFilter = z.infer<typeof QueueFilter>;

/** A row of the review queue, with what the caller may do from the queue itself. */
export const QueueEntry = QueueItem.extend({
  achievementId: z.string(),
  /** The caller may claim a review slot from the queue row now. */
  canClaim: z.boolean(),
});
/** A queue row. */
export type QueueEntry = z.infer<typeof QueueEntry>;

/** The answer to "give me the next submission": the one now claimed for me, or null when nothing is waiting. */
export const NextSubmission = z.object({ submissionId: z.string().nullable() });
/** The next submission. */
export type NextSubmission = z.infer<typeof NextSubmission>;

/** Ask for the next submission, optionally of one micro-credential. */
export const NextSubmissionInput = z.object({ achievementId: z.string().trim().min(1).max(64).optional() });
