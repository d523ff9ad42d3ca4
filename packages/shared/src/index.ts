/** Public surface of @tessera/shared: zod contracts and limits used by server and web. */
export * from './limits.js';
export * from './contracts/common.js';
export * from './contracts/accounts.js';
export * from './contracts/orgs.js';
export * from './contracts/achievements.js';
export * from './contracts/achievement-publishing.js';
export * from './contracts/submissions.js';
export * from './contracts/reviews.js';
export * from './contracts/notification-preferences.js';
export * from './contracts/verification.js';
export * from './contracts/home.js';
export * from './contracts/awards.js';
export * from './contracts/bulk-awards.js';
export * from './contracts/careers.js';
export * from './contracts/skills.js';
