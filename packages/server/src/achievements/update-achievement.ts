import type { AchievementContentInput } from '@tessera/shared';
import type { Actor, Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { checkImageFile } from './check-image-file.js';
import { normaliseContent, readContent } from './content.js';
import type { AchievementRow } from './store.js';
import { findAchievement, listVersions, updateAchievementRow } from './store.js';

/** Save the draft; published versions stay as they were until the next publish. The image must be one the actor may use. */
export async function updateAchievement(
  deps: Deps,
  opts: { actor: Actor; org: OrgRow; achievementId: string; content: AchievementContentInput },
): Promise<AchievementRow> {
  const row = await findAchievement(deps.db, opts.org.id, opts.achievementId);
  if (!row) throw new AppError('not_found', 'No such micro-credential');
  if (row.status === 'retired') throw new AppError('conflict', 'This micro-credential is retired; it can no longer be edited');
  const content = normaliseContent(opts.content);
  const alreadyUsed = [
    readContent(row.draft).imageFileId,
    ...(await listVersions(deps.db, row.id)).map((v) => readContent(v.content).imageFileId),
  ];
  await checkImageFile(deps, { accountId: opts.actor.accountId, imageFileId: content.imageFileId, alreadyUsed });
  const updated = await updateAchievementRow(deps.db, row.id, {
    draft: content as unknown as Record<string, unknown>,
    updatedAt: deps.clock.now(),
  });
  if (!updated) throw new AppError('not_found', 'No such micro-credential');
  return updated;
}
