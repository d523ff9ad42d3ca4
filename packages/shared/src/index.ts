/** Public surface of @tessera/shared: zod contracts and limits used by server and web. */
export * from './limits.js';
