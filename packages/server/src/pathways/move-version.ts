import type { MovePathwayVersionResult } from '@tessera/shared';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { evaluateLearnerPathways } from './evaluate-learner.js';
import { getPathwayProgress } from './get-progress.js';
import { findPathwayVersion, listCompletionsOfLearner, listPins, listPublishedPathways, movePin } from './store.js';

/**
 * A learner chooses to move from the version they started (their pin) to the current published version. The pin
 * moves (audited as `pathway.version_moved`), then the learner is evaluated on this pathway: if the current version
 * is complete for them, the completion is awarded through the usual exactly-once path. 404 for an unknown or
 * unpublished pathway; 409 when the learner is already on the current version (never pinned elsewhere) or has
 * completed the pathway (a completed pathway keeps its version).
 */
export async function movePathwayVersion(deps: Deps, opts: { actor: Actor; pathwayId: string }): Promise<MovePathwayVersionResult> {
  const learnerId = opts.actor.accountId;
  const [found] = await listPublishedPathways(deps.db, [opts.pathwayId]);
  if (!found || found.pathway.status !== 'published') throw new AppError('not_found', 'No such pathway');
  const latest = found.version;
  const from = await inTransaction(deps, async (tx) => {
    const [pins, completions] = await Promise.all([
      listPins(tx.db, learnerId, [found.pathway.id]),
      listCompletionsOfLearner(tx.db, learnerId, found.pathway.id),
    ]);
    if (completions.some((c) => c.groupId === ''))
      throw new AppError('conflict', 'You completed this pathway; a completed pathway keeps the version you completed');
    const pinned = pins.get(found.pathway.id);
    if (!pinned || pinned === latest.id) throw new AppError('conflict', `You are already on the current version (${latest.version})`);
    const fromVersion = await findPathwayVersion(tx.db, pinned);
    // The conditional update refuses a concurrent move (the pin is no longer on the version read above).
    if (!(await movePin(tx.db, { pathwayId: found.pathway.id, learnerId, fromVersionId: pinned, toVersionId: latest.id })))
      throw new AppError('conflict', `You are already on the current version (${latest.version})`);
    await recordAudit(tx, {
      action: 'pathway.version_moved',
      orgId: found.pathway.orgId,
      actorId: learnerId,
      target: found.pathway.id,
      detail: {
        learnerId,
        fromVersionId: pinned,
        fromVersion: fromVersion?.version ?? null,
        toVersionId: latest.id,
        toVersion: latest.version,
      },
      ip: opts.actor.ip,
    });
    return fromVersion?.version ?? 0;
  });
  const awards = await evaluateLearnerPathways(deps, { learnerId, pathwayIds: [found.pathway.id] });
  return {
    fromVersion: from,
    version: latest.version,
    completed: awards.some((a) => a.groupId === null),
    progress: await getPathwayProgress(deps, { learnerId, pathwayId: found.pathway.id }),
  };
}
