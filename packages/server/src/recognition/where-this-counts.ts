import type { WhereThisCounts } from '@tessera/shared';
import type { Deps } from '../context.js';
import { presentPublicRecognition } from './present.js';
import { listActiveRules, listLearnerCredentials } from './store.js';

/**
 * Where each of the learner's current, unrevoked credentials counts: the published rules in force today for its
 * achievement. Credentials that count nowhere are left out.
 */
export async function whereThisCounts(deps: Deps, opts: { accountId: string }): Promise<WhereThisCounts> {
  const creds = (await listLearnerCredentials(deps.db, opts.accountId)).filter((c) => !c.revokedAt);
  const rules = await listActiveRules(deps.db, [...new Set(creds.map((c) => c.achievementId))], deps.clock.now());
  return creds.flatMap((c) => {
    const mine = rules.filter((r) => r.rule.achievementId === c.achievementId);
    if (!mine.length) return [];
    return [
      {
        credentialId: c.id,
        achievementId: c.achievementId,
        achievementName: c.name,
        rules: mine.map((r) => presentPublicRecognition(r, deps.env.TESSERA_BASE_URL)),
      },
    ];
  });
}
