/** The public surface of the public slice: the only module other slices import. */
export { html, page, safeHref } from './html.js';
export { prefersJson, publicCredentialRoutes } from './routes.js';
