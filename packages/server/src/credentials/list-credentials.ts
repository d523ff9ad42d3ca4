import type { Deps } from '../context.js';
import { presentCredential } from './present.js';
import { listCredentialRows } from './store.js';

/** Credentials of an organisation, or of a learner, newest first. */
export async function listCredentials(deps: Deps, where: { orgId?: string; learnerId?: string }) {
  const now = deps.clock.now();
  return (await listCredentialRows(deps.db, where)).map((r) => presentCredential(r, now, deps.env.TESSERA_BASE_URL));
}
