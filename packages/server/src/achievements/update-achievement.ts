import type { AchievementContentInput } from '@tessera/shared';
import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/store.js';
import { AppError } from '../shared/errors.js';
import { normaliseContent } from './content.js';
import type { AchievementRow } from './store.js';
import { findAchievement, updateAchievementRow } from './store.js';

/** Save the draft; published versions stay as they were until the next publish. */
export async function updateAchievement(deps: Deps, opts: { org: OrgRow; achievementId: string; content: AchievementContentInput }): Promise<AchievementRow> {
  const row = await findAchievement(deps.db, opts.org.id, opts.achievementId);
  if (!row) throw new AppError('not_found', 'No such micro-credential');
  if (row.status === 'retired') throw new AppError('conflict', 'This micro-credential is retired; it can no longer be edited');
  const updated = await updateAchievementRow(deps.db, row.id, { draft: normaliseContent(opts.content) as unknown as Record<string, unknown>, updatedAt: deps.clock.now() });
  if (!updated) throw new AppError('not_found', 'No such micro-credential');
  return updated;
}
