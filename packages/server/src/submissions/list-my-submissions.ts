import { readContent } from '../achievements/index.js';
import type { Deps } from '../context.js';
import { credentialStatus } from '../credentials/index.js';
import { listSubmissionsOfLearner } from './store.js';

/** The caller's submissions, newest activity first. */
export async function listMySubmissions(deps: Deps, opts: { accountId: string }) {
  const rows = await listSubmissionsOfLearner(deps.db, opts.accountId);
  const now = deps.clock.now();
  return rows.map((r) => ({
    id: r.s.id,
    achievementId: r.s.achievementId,
    name: readContent(r.content).name,
    issuerName: r.orgName,
    state: r.s.state,
    attempt: r.s.attempt,
    updatedAt: r.s.updatedAt.toISOString(),
    credentialId: r.credential?.id ?? null,
    credentialStatus: r.credential ? credentialStatus(r.credential, now).status : null,
  }));
}
