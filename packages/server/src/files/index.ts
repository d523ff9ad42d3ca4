/** The public surface of the files slice: the only module other slices import. */
export { contentDisposition, presentFile } from './present.js';
export { fileRoutes } from './routes.js';
export { localFileStorage } from './storage.js';
export { findFile } from './store.js';
export { uploadFile } from './upload-file.js';
