import type { Deps } from '../context.js';
import { listMyCredentials } from '../credentials/index.js';
import { presentCollection, presentWalletItem } from './present.js';
import { listCollections, listWalletItems } from './store.js';

/** The learner's wallet: earned and imported credentials, collections, and the public profile URL. */
export async function getWallet(deps: Deps, opts: { accountId: string }) {
  const [earned, imported, groups] = await Promise.all([
    listMyCredentials(deps, { accountId: opts.accountId }),
    listWalletItems(deps.db, opts.accountId),
    listCollections(deps.db, opts.accountId),
  ]);
  return {
    earned,
    imported: imported.map(presentWalletItem),
    collections: groups.map(presentCollection),
    profileUrl: `${deps.env.TESSERA_BASE_URL}/people/${opts.accountId}`,
  };
}
