/** The public surface of the landing slice: the only module other slices import. */
export { landingRoutes } from './routes.js';
