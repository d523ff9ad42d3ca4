/** The public surface of the submissions slice: the only module other slices import. */
export { listMySubmissions } from './list-my-submissions.js';
export { presentEvidence, presentReview, presentSubmission } from './present.js';
export { submissionRoutes } from './routes.js';
export { saveEvidence } from './save-evidence.js';
export { startSubmission } from './start-submission.js';
export {
  claimIsLive,
  findSubmission,
  insertReview,
  listDoubleScoredReviews,
  listEvidence,
  listReviews,
  lockSlots,
  qualityCounts,
  setAttemptOutcome,
  setEvidencePublic,
  slotsOf,
  updateSlot,
  updateSubmission,
} from './store.js';
export type { SlotRow, SubmissionRow } from './store.js';
export { submitSubmission } from './submit-submission.js';
