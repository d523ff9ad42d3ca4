/** The public surface of the reviews slice: the only module other slices import. */
export { reviewLabelContext } from './assessor-label.js';
export { claimSubmission } from './claim-submission.js';
export { ISSUE_CREDENTIAL_JOB } from './decide.js';
export { getAgreement } from './get-agreement.js';
export { issuanceState } from './issuance-state.js';
export { listQueue } from './list-queue.js';
export { reviewRoutes } from './routes.js';
export { submitReview } from './submit-review.js';
