import type { Deps } from '../context.js';
import { orgDid } from '../orgs/index.js';
import type { OrgRow } from '../orgs/index.js';
import { presentKey } from './present.js';
import { listSigningKeys } from './store.js';

/** An organisation's keys, oldest first. */
export async function listKeys(deps: Deps, opts: { org: OrgRow }) {
  const did = orgDid(deps.env.TESSERA_BASE_URL, opts.org.slug);
  return (await listSigningKeys(deps.db, opts.org.id)).map((k) => presentKey(did, k));
}
