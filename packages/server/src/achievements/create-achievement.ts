import type { AchievementContentInput } from '@tessera/shared';
import type { Actor, Deps } from '../context.js';
import type { OrgRow } from '../orgs/store.js';
import { normaliseContent } from './content.js';
import type { AchievementRow } from './store.js';
import { insertAchievement } from './store.js';

/** Start a new micro-credential as a draft. */
export async function createAchievement(deps: Deps, opts: { actor: Actor; org: OrgRow; content: AchievementContentInput }): Promise<AchievementRow> {
  const now = deps.clock.now();
  const row: AchievementRow = {
    id: deps.ids.id('achievement'),
    orgId: opts.org.id,
    status: 'draft',
    draft: normaliseContent(opts.content) as unknown as Record<string, unknown>,
    latestVersionId: null,
    createdBy: opts.actor.accountId,
    createdAt: now,
    updatedAt: now,
    retiredAt: null,
  };
  await insertAchievement(deps.db, row);
  return row;
}
