import { buildSkillProfile } from '../careers/index.js';
import type { Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import type { TalentEvidenceRow } from './store.js';
import { currentEvidenceKey, findStaleLearners, replaceEvidence } from './store.js';

/** How many stale learners one search re-indexes before it runs (the rest wait for the next search). */
export const STALE_PER_SEARCH = 25;

/**
 * Rebuild one consenting learner's rows of the search index from their exact skill profile: every verified claim,
 * earned (any visibility; the search re-checks visibility and status on each read) or imported (a verified wallet
 * import whose OB alignment matches a known framework skill), with the rubric level it shows.
 */
export async function reindexLearner(deps: Deps, accountId: string): Promise<number> {
  const at = deps.clock.now();
  const key = await currentEvidenceKey(deps.db, accountId);
  const built = await buildSkillProfile(deps, { accountId });
  const seen = new Set<string>();
  const rows: TalentEvidenceRow[] = [];
  for (const s of built.skills)
    for (const e of s.evidence) {
      const key = `${s.url}\n${e.kind}\n${e.credentialId}\n${e.level?.scale ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ accountId, skillUrl: s.url, kind: e.kind, sourceId: e.credentialId, levelScale: e.level?.scale ?? null });
    }
  await inTransaction(deps, (tx) => replaceEvidence(tx.db, accountId, rows, at, key));
  return rows.length;
}

/** Re-index up to `limit` consenting learners with newer credentials or imports than their index rows. */
export async function refreshStaleLearners(deps: Deps, limit = STALE_PER_SEARCH): Promise<number> {
  const stale = await findStaleLearners(deps.db, limit);
  for (const id of stale) await reindexLearner(deps, id);
  return stale.length;
}
