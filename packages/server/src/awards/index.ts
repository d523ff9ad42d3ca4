/** Public surface of the awards slice: every credential is issued through an award. */
export { issueAward } from './issue-award.js';
export type { AwardSource, IssueAwardOptions, IssueAwardResult } from './issue-award.js';
export type { AwardRecipient, AwardResult } from './validate-award.js';
export type { AwardRow, NewAward } from './store.js';
export { insertAwardRows, findAwardByKey } from './store.js';
export { awardDirectly } from './award-directly.js';
export { claimAward } from './claim-award.js';
export { previewClaim } from './preview-claim.js';
export { listAwards } from './list-awards.js';
export { listAwardCandidates } from './list-award-candidates.js';
export { updateAwardSettings } from './update-award-settings.js';
export { recordAssessmentAward, assessmentAwardKey } from './record-assessment-award.js';
export { sendAwardClaimMail, CLAIM_TTL_MS, claimUrl } from './send-claim-mail.js';
export { canAward, authorizeAward } from './policies.js';
export { presentAward } from './present.js';
export {
  issueAwardCredential,
  prepareAwardSigners,
  reserveStatusIndexes,
  signAward as signAwardCredentialRow,
} from '../credentials/index.js';
export type { AwardSigners, StatusIndexSource } from '../credentials/index.js';
export { insertCredentialRows } from '../credentials/index.js';
export { commitAwardsBatch, issueAwardsBatch, stageAwardsBatch, StatusIndexBuffer } from './issue-awards-batch.js';
export type { BatchAwardItem, BatchAwardResult, IssueAwardsBatchOptions, StagedAwardsBatch } from './issue-awards-batch.js';
export { awardRoutes } from './routes.js';
