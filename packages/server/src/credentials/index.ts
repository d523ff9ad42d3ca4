/** The public surface of the credentials slice: the only module other slices import. */
export { setBit } from './bitstring.js';
export { assertCredentialUrlViewable, canViewEvidence, findViewableCredential } from './can-view-credential.js';
export { credentialJwt } from './credential-jwt.js';
export { findCredentialByKey } from './find-credential-by-key.js';
export {
  issueAwardCredential,
  issueCredential,
  prepareAwardCredential,
  prepareAwardSigners,
  reserveStatusIndexes,
  signAward,
  validUntilOf,
} from './issue-credential.js';
export type { AwardSigners, StatusIndexSource } from './issue-credential.js';
export { listCredentials } from './list-credentials.js';
export { revokeStatusEntry } from './revoke-status-entry.js';
export { statusListUrl } from './issue-credential.js';
export { listMyCredentials } from './my-credentials.js';
export { credentialKey, credentialPageUrl, credentialStatus } from './present.js';
export { credentialRoutes, statusListRoutes } from './routes.js';
export { signDataIntegrity } from './sign.js';
export { signForStorage } from './sign-award-credential.js';
export type { PreparedCredential } from './sign-award-credential.js';
export { signVcJwt } from './sign-jwt.js';
export { SignPool, loadSigningKey } from './sign-pool.js';
export type { SignedBatch, SignedJson } from './sign-award-credential.js';
export type { SignTask } from './sign-worker.js';
export { getStatusListCredential } from './status-list-credential.js';
export {
  credentialColumns,
  credentialDocument,
  findCredentialIdOfAward,
  insertCredentialAchievements,
  insertCredentialRows,
  insertSignedCredentialRows,
  listCredentialRows,
  setLearnerOfAwardCredentials,
} from './store.js';
export type { CredentialRow, SignedCredentialRow } from './store.js';
