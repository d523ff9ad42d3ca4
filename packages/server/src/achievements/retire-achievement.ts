import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import type { AchievementRow } from './store.js';
import { findAchievement, updateAchievementRow } from './store.js';

/** Retire: no new starts; submissions in progress and issued credentials are kept. */
export async function retireAchievement(deps: Deps, opts: { org: OrgRow; achievementId: string }): Promise<AchievementRow> {
  const row = await findAchievement(deps.db, opts.org.id, opts.achievementId);
  if (!row) throw new AppError('not_found', 'No such micro-credential');
  if (row.status !== 'published') throw new AppError('conflict', 'Only a published micro-credential can be retired');
  const now = deps.clock.now();
  const updated = await updateAchievementRow(deps.db, row.id, { status: 'retired', retiredAt: now, updatedAt: now });
  if (!updated) throw new AppError('not_found', 'No such micro-credential');
  return updated;
}
