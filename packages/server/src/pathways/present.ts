import { AchievementType, PathwayContent } from '@tessera/shared';
import type { PathwayAchievementRef } from '@tessera/shared';
import type { AchievementInfo } from './store.js';

/** Stored pathway content, read back through the contract (so defaults added later apply). */
export function readPathwayContent(stored: Record<string, unknown>): PathwayContent {
  return PathwayContent.parse(stored);
}

/** An achievement a pathway refers to, as the API shows it. */
export function presentAchievementRef(a: AchievementInfo): PathwayAchievementRef {
  const type = AchievementType.safeParse(a.content['achievementType']);
  const credits = a.content['creditsAvailable'];
  return {
    id: a.id,
    name: typeof a.content['name'] === 'string' ? a.content['name'] : a.id,
    achievementType: type.success ? type.data : 'Achievement',
    orgSlug: a.orgSlug,
    orgName: a.orgName,
    creditsAvailable: typeof credits === 'number' ? credits : null,
    available: a.status === 'published',
  };
}
