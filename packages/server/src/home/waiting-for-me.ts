import type { listQueue } from '../reviews/index.js';

type QueueItem = Awaited<ReturnType<typeof listQueue>>[number];

/** Queue items the assessor could pick up: a review slot is free and they have neither claimed nor reviewed it. */
export function waitingForMe(queue: QueueItem[]): QueueItem[] {
  return queue.filter((q) => q.slotsOpen > 0 && !q.claimedByMe && !q.reviewedByMe);
}
