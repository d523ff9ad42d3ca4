import type { AwardedByPathway } from '@tessera/shared';
import type { Db } from '../db/client.js';
import { findPathwaysAwarding } from './store.js';

/**
 * For each of `achievementIds` that a published pathway awards (its completion or a milestone), that pathway
 * (the first by id when several do). Such achievements are earned by completing the pathway, never by a
 * submission: the catalog shows a link to the pathway instead of Start, and starting a submission is refused.
 */
export async function pathwaysAwardingAchievements(db: Db, achievementIds: string[]): Promise<Map<string, AwardedByPathway>> {
  const out = new Map<string, AwardedByPathway>();
  for (const r of await findPathwaysAwarding(db, achievementIds)) {
    if (!out.has(r.achievementId)) out.set(r.achievementId, { pathwayId: r.pathwayId, name: r.name });
  }
  return out;
}
