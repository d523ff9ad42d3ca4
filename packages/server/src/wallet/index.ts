/** The public surface of the wallet slice: the only module other slices import. */
export { storedSteps } from './present.js';
export { walletRoutes } from './routes.js';
export { listCollections, listWalletItems } from './store.js';
