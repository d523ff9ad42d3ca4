import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { presentApiToken } from './present.js';
import { listApiTokenRows } from './store.js';

/** The organisation's API tokens (revoked ones too), newest first. */
export async function listApiTokens(deps: Deps, opts: { org: OrgRow }) {
  return (await listApiTokenRows(deps.db, opts.org.id)).map(presentApiToken);
}
