import type { AchievementContentInput } from '@tessera/shared';
import type { Actor, Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { checkImageFile } from './check-image-file.js';
import { normaliseContent } from './content.js';
import type { AchievementRow } from './store.js';
import { insertAchievement } from './store.js';

/** Start a new micro-credential as a draft. */
export async function createAchievement(
  deps: Deps,
  opts: { actor: Actor; org: OrgRow; content: AchievementContentInput },
): Promise<AchievementRow> {
  const content = normaliseContent(opts.content);
  await checkImageFile(deps, { accountId: opts.actor.accountId, imageFileId: content.imageFileId, alreadyUsed: [] });
  const now = deps.clock.now();
  const row: AchievementRow = {
    id: deps.ids.id('achievement'),
    orgId: opts.org.id,
    status: 'draft',
    draft: content as unknown as Record<string, unknown>,
    latestVersionId: null,
    createdBy: opts.actor.accountId,
    createdAt: now,
    updatedAt: now,
    retiredAt: null,
  };
  await insertAchievement(deps.db, row);
  return row;
}
