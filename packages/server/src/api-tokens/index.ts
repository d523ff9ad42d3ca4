/** Public surface of the API tokens slice. */
export { resolveOrgCaller } from './org-caller.js';
export type { OrgCaller } from './org-caller.js';
export { API_TOKEN_PREFIX } from './create-api-token.js';
export { apiTokenRoutes, API_TOKEN_SECURITY } from './routes.js';
