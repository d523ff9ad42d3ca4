import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { enqueueJob } from '../jobs/index.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { referenceProblems } from './check-references.js';
import { evaluatePathwayForAll } from './evaluate-pathway-for-all.js';
import { stepAchievementIds, stepKeys } from './evaluate.js';
import { readPathwayContent } from './present.js';
import { EVALUATE_PATHWAY_JOB } from './schedule-evaluation.js';
import { findPathway, findPathwayVersion, insertPathwayVersion, insertStepKeys, listPathwayVersions, updatePathwayRow } from './store.js';

/**
 * Publish the draft as a new immutable version, then award everyone who already qualifies (retroactive). The
 * retroactive run is also queued as a job in the publish transaction, so it completes even if this process
 * stops half-way; both runs are exactly-once per learner (keyed awards), so the second finds nothing to do.
 */
export async function publishPathway(
  deps: Deps,
  opts: { actor: Actor; org: OrgRow; pathwayId: string },
): Promise<{ version: number; retroactiveAwards: number }> {
  const version = await inTransaction(deps, async (tx) => {
    const row = await findPathway(tx.db, opts.org.id, opts.pathwayId, true);
    if (!row) throw new AppError('not_found', 'No such pathway');
    const draft = readPathwayContent(row.draft);
    const { problems } = await referenceProblems(tx.db, { orgId: opts.org.id, content: draft, publishing: true });
    if (problems.length) throw new AppError('validation_failed', 'The pathway cannot be published yet', { errors: problems });
    const latest = row.latestVersionId ? await findPathwayVersion(tx.db, row.latestVersionId) : undefined;
    if (latest && JSON.stringify(readPathwayContent(latest.content)) === JSON.stringify(draft))
      throw new AppError('conflict', 'Nothing changed since the last published version');
    const versions = await listPathwayVersions(tx.db, row.id);
    const now = tx.clock.now();
    const id = tx.ids.id('pathwayVersion');
    const number = (versions.at(-1)?.version ?? 0) + 1;
    await insertPathwayVersion(tx.db, {
      id,
      pathwayId: row.id,
      orgId: row.orgId,
      version: number,
      content: draft as unknown as Record<string, unknown>,
      achievementIds: stepAchievementIds(draft),
      completionAchievementId: draft.completionAchievementId,
      publishedAt: now,
      publishedBy: opts.actor.accountId,
    });
    await insertStepKeys(tx.db, { versionId: id, pathwayId: row.id, keys: stepKeys(draft, row.orgId) });
    await updatePathwayRow(tx.db, row.id, { status: 'published', latestVersionId: id, updatedAt: now });
    await enqueueJob(tx, {
      type: EVALUATE_PATHWAY_JOB,
      payload: { pathwayId: row.id },
      idempotencyKey: `pathways.evaluate_pathway:${id}`,
      orgId: row.orgId,
    });
    await recordAudit(tx, {
      action: 'pathway.published',
      orgId: row.orgId,
      actorId: opts.actor.accountId,
      target: row.id,
      detail: { versionId: id, version: number },
      ip: opts.actor.ip,
    });
    return number;
  });
  const awarded = await evaluatePathwayForAll(deps, { pathwayId: opts.pathwayId });
  return { version, retroactiveAwards: awarded.filter((a) => a.groupId === null).length };
}
