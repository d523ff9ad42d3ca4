/** Public surface of @tessera/shared: zod contracts and limits used by server and web. */
export * from './limits.js';
export * from './contracts/common.js';
export * from './contracts/accounts.js';
export * from './contracts/orgs.js';
export * from './contracts/achievements.js';
export * from './contracts/submissions.js';
export * from './contracts/verification.js';
