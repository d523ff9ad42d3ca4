/** Public surface of @tessera/credentials: verify and sign Open Badges 3.0 / CLR 2.0 credentials, status lists, keys. */
export const ENGINE_NAME = 'tessera-credentials';
export * from './engine/contexts.js';
export * from './engine/data-integrity.js';
export * from './engine/jwt.js';
export * from './engine/keys.js';
export * from './engine/multikey.js';
export * from './engine/report.js';
export * from './engine/shape.js';
export * from './engine/status-list.js';
export * from './engine/verify.js';
export * from './engine/baked.js';
export * from './engine/fetcher.js';
export * from './engine/clr-context.js';
export * from './model/clr.js';
export * from './model/ob3.js';
