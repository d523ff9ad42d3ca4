/** The public surface of the verify slice: the only module other slices import. */
export { localDocuments } from './local-documents.js';
export { verifyRoutes } from './routes.js';
export { verifyInput } from './verify-input.js';
