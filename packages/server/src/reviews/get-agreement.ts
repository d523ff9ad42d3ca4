import { readContent } from '../achievements/index.js';
import { findAchievement, findVersion } from '../achievements/index.js';
import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { listDoubleScoredReviews } from '../submissions/index.js';
import type { ReviewPair } from './agreement.js';
import { agreementStats } from './agreement.js';

/** Inter-rater agreement of a micro-credential's double-scored submissions. */
export async function getAgreement(deps: Deps, opts: { org: OrgRow; achievementId: string }) {
  const a = await findAchievement(deps.db, opts.org.id, opts.achievementId);
  if (!a) throw new AppError('not_found', 'No such micro-credential');
  const version = a.latestVersionId ? await findVersion(deps.db, a.latestVersionId) : undefined;
  const content = readContent(version?.content ?? a.draft);
  const rows = await listDoubleScoredReviews(deps.db, a.id);
  const byAttempt = new Map<string, typeof rows>();
  for (const r of rows)
    byAttempt.set(`${r.r.submissionId}:${r.r.attempt}`, [...(byAttempt.get(`${r.r.submissionId}:${r.r.attempt}`) ?? []), r]);
  const pairs: ReviewPair[] = [];
  for (const group of byAttempt.values()) {
    const [x, y] = group;
    if (!x || !y) continue;
    const side = (r: typeof x) => ({
      decision: r.r.decision,
      levels: Object.fromEntries(r.r.scores.map((s) => [s.criterionId, s.levelId])),
    });
    pairs.push({ a: side(x), b: side(y) });
  }
  return agreementStats(content, pairs);
}
