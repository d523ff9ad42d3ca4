import type { SlotRow, SubmissionRow } from '../submissions/index.js';
import { claimIsLive } from '../submissions/index.js';

/** Where one assessor stands with a queued submission's current attempt. */
export interface QueueStatus {
  claimedByMe: boolean;
  reviewedByMe: boolean;
  slotsOpen: number;
  /** A slot is free, the attempt is open, and the assessor neither holds nor filled one and is not the learner. */
  canClaim: boolean;
}

/** The assessor's standing on a submission, from the slots of its current attempt. */
export function queueStatus(
  s: Pick<SubmissionRow, 'id' | 'attempt' | 'state' | 'learnerId'>,
  slots: SlotRow[],
  accountId: string,
  now: Date,
): QueueStatus {
  const mine = slots.filter((x) => x.submissionId === s.id && x.attempt === s.attempt);
  const claimedByMe = mine.some((x) => x.assessorId === accountId && !x.reviewId && claimIsLive(x, now));
  const reviewedByMe = mine.some((x) => x.assessorId === accountId && Boolean(x.reviewId));
  const slotsOpen = mine.filter((x) => !claimIsLive(x, now)).length;
  const open = s.state === 'submitted' || s.state === 'in_review';
  return {
    claimedByMe,
    reviewedByMe,
    slotsOpen,
    canClaim: open && !claimedByMe && !reviewedByMe && slotsOpen > 0 && s.learnerId !== accountId,
  };
}
