import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { findAchievementWithOrg } from '../achievements/index.js';
import { pathwaysAwardingAchievements } from '../pathways/index.js';
import { AppError } from '../shared/errors.js';
import { findActiveSubmission, hasPassed, insertSubmission } from './store.js';

/** Start (or resume) the caller's work on a published micro-credential, on its latest version. */
export async function startSubmission(
  deps: Deps,
  opts: { actor: Actor; achievementId: string },
): Promise<{ id: string; created: boolean }> {
  return inTransaction(deps, async (tx) => {
    const found = await findAchievementWithOrg(tx.db, opts.achievementId);
    if (!found || found.achievement.status === 'draft' || !found.achievement.latestVersionId)
      throw new AppError('not_found', 'No such published micro-credential');
    const active = await findActiveSubmission(tx.db, opts.actor.accountId, opts.achievementId);
    if (active) return { id: active.id, created: false };
    if (found.achievement.status === 'retired') throw new AppError('conflict', 'This micro-credential is retired and takes no new starts');
    const pathway = (await pathwaysAwardingAchievements(tx.db, [found.achievement.id])).get(found.achievement.id);
    if (pathway)
      throw new AppError(
        'conflict',
        `This credential is earned by completing the pathway "${pathway.name}", not by a submission: open the pathway to see your progress`,
        { errors: [{ path: 'achievementId', message: `Awarded by the pathway ${pathway.pathwayId}` }] },
      );
    if (await hasPassed(tx.db, opts.actor.accountId, opts.achievementId))
      throw new AppError('conflict', 'You have already earned this micro-credential');
    const now = tx.clock.now();
    const id = tx.ids.id('submission');
    await insertSubmission(tx.db, {
      id,
      orgId: found.achievement.orgId,
      achievementId: found.achievement.id,
      versionId: found.achievement.latestVersionId,
      learnerId: opts.actor.accountId,
      state: 'draft',
      attempt: 0,
      doubleScored: false,
      openCriteria: [],
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      decidedAt: null,
    });
    return { id, created: true };
  });
}
