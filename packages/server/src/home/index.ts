/** The public surface of the home slice: the only module other slices import. */
export { homeRoutes } from './routes.js';
