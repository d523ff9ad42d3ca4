/** The public surface of the orgs slice: the only module other slices import. */
export { createOrg } from './create-org.js';
export { didWebUrl, orgDid, platformDid } from './did.js';
export { listInvitations } from './list-invitations.js';
export { listMyOrgs } from './list-my-orgs.js';
export { loadOrgAccess } from './load-org-access.js';
export { authorize, can } from './policies.js';
export type { OrgAction } from './policies.js';
export { orgRoutes } from './routes.js';
export {
  findOrgById,
  findOrgBySlug,
  findOrgWithRole,
  findReviewLabelSecret,
  insertMembership,
  listMembers,
  listOrgsOfAccount,
  setReviewLabelSecretIfMissing,
  updateOrgRow,
} from './store.js';
export type { OrgRow, RoleValue } from './store.js';
export { issuerVerificationLine, issuerVerificationOf } from './verification/issuer-verification.js';
export type { IssuerVerification } from './verification/issuer-verification.js';
